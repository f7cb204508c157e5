import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, runCli } from '../helpers.ts';

const CHAPTER = join(ROOT, 'test', 'fixtures', 'import', 'en-asa-324900-324904.txt');
const MALFORMED = join(ROOT, 'test', 'fixtures', 'import', 'malformed-chapter.txt');
const LINE = '<163>Nov 20 2026 10:01:02 fw-1 : %ASA-3-324900: Memory allocation Error';

function freshConfig(): { env: NodeJS.ProcessEnv; catalog: string } {
  const home = mkdtempSync(join(tmpdir(), 'asalog-xdg-'));
  return { env: { XDG_CONFIG_HOME: home }, catalog: join(home, 'asalog', 'catalog.json') };
}

test('import a chapter in the English layout: explain shows it, the stream marks its lines known', async () => {
  const { env, catalog } = freshConfig();
  const before = await runCli(['-o', 'json'], { input: LINE, env });
  assert.equal(JSON.parse(before.stdout.toString()).known, false, '324900 is not bundled');

  const imp = await runCli(['catalog', 'import', CHAPTER], { env });
  assert.equal(imp.code, 0, imp.stderr);
  assert.match(imp.stdout.toString(), /2 added, 0 replaced, 0 could not be parsed/);
  assert.ok(existsSync(catalog));

  const explain = await runCli(['explain', '324904', '--lang', 'en'], { env });
  assert.equal(explain.code, 0, explain.stderr);
  const text = explain.stdout.toString();
  assert.match(text, /Minimum Memory Requirement for ASA version ver not met for ASA image/);
  assert.match(text, /catalog: your catalog/);
  assert.match(text, /Install the required amount of memory/);

  const after = await runCli(['-o', 'json'], { input: LINE, env });
  const record = JSON.parse(after.stdout.toString());
  assert.equal(record.known, true);
  assert.equal(record.defaultSeverity, 3);

  const sources = await runCli(['catalog', 'list-sources'], { env });
  assert.match(sources.stdout.toString(), /user\s.*catalog\.json/);

  const again = await runCli(['catalog', 'import', CHAPTER], { env });
  assert.match(again.stdout.toString(), /0 added, 2 replaced/);
});

test('a malformed chapter fails with line numbers and leaves the user catalog untouched', async () => {
  const { env, catalog } = freshConfig();
  await runCli(['catalog', 'import', CHAPTER], { env });
  const original = readFileSync(catalog);
  const r = await runCli(['catalog', 'import', CHAPTER, MALFORMED], { env });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /malformed-chapter\.txt:\d+: /);
  assert.match(r.stderr, /was not changed/);
  assert.deepEqual(readFileSync(catalog), original);
});

test('--catalog points at an explicit catalog; an invalid one is a clear error naming the file', async () => {
  const { env } = freshConfig();
  const dir = mkdtempSync(join(tmpdir(), 'asalog-cat-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{ "messages": [ { "id": "12" } ] }');
  const r = await runCli(['explain', '722001', '--catalog', bad], { env });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^asalog: catalog .*bad\.json: messages\[0\]: "id" must be a six-digit string\n$/);
  writeFileSync(bad, '{ not json');
  const r2 = await runCli(['-o', 'json', '--catalog', bad], { input: LINE, env });
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /^asalog: catalog .*bad\.json: /);
  const missing = await runCli(['explain', '722001', '--catalog', join(dir, 'nope.json')], { env });
  assert.match(missing.stderr, /nope\.json: not found/);
});

// The user's config folder cannot always be made: each case ends at once with one sentence and
// exit 2, and a catalog already there is left as it was.
describe('a config folder that cannot be created or written', () => {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const cannotCreate = (dir: string, reason: string) =>
    `asalog: cannot create ${dir}: ${reason}; set XDG_CONFIG_HOME or use --catalog <file>\n`;

  test('under /proc, where recursive mkdir spins forever: exit 2 at once', async (t) => {
    if (!existsSync('/proc/self')) return t.skip('no /proc on this system');
    const home = `/proc/asalog-${process.pid}`;
    const r = await runCli(['catalog', 'import', CHAPTER], { env: { XDG_CONFIG_HOME: home }, timeoutMs: 10_000 });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, cannotCreate(join(home, 'asalog'), 'no such file or directory'));
  });

  test('a file where a folder should be', async () => {
    const home = mkdtempSync(join(tmpdir(), 'asalog-xdg-'));
    writeFileSync(join(home, 'asalog'), 'not a folder');
    const r = await runCli(['catalog', 'import', CHAPTER], { env: { XDG_CONFIG_HOME: home }, timeoutMs: 10_000 });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, cannotCreate(join(home, 'asalog'), 'a file is in the way'));
    assert.equal(readFileSync(join(home, 'asalog'), 'utf8'), 'not a folder');
  });

  test('a folder the user may not write to: nothing created', async () => {
    const home = mkdtempSync(join(tmpdir(), 'asalog-xdg-'));
    chmodSync(home, 0o555);
    const r = await runCli(['catalog', 'import', CHAPTER], { env: { XDG_CONFIG_HOME: join(home, 'deeper') }, timeoutMs: 10_000, ...asNobody });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, cannotCreate(join(home, 'deeper', 'asalog'), 'permission denied'));
    assert.deepEqual(readdirSync(home), []);
  });

  test('a catalog that cannot be rewritten is left as it was, with no temp file beside it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'asalog-xdg-'));
    chmodSync(home, 0o755);
    const catalog = join(home, 'asalog', 'catalog.json');
    const first = await runCli(['catalog', 'import', CHAPTER], { env: { XDG_CONFIG_HOME: home } });
    assert.equal(first.code, 0, first.stderr);
    chmodSync(join(home, 'asalog'), 0o555);
    chmodSync(catalog, 0o444);
    const original = readFileSync(catalog);
    const r = await runCli(['catalog', 'import', CHAPTER], { env: { XDG_CONFIG_HOME: home }, timeoutMs: 10_000, ...asNobody });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `asalog: cannot write ${catalog}: permission denied; it was not changed\n`);
    assert.deepEqual(readFileSync(catalog), original);
    assert.deepEqual(readdirSync(join(home, 'asalog')), ['catalog.json']);
  });
});

// Names a document can give its variables, and a catalog its keys, that are also the names of
// every object's properties: they stay data, and Object.prototype is left alone.
describe('hostile names in imported documents and catalogs', () => {
  const HOSTILE = join(ROOT, 'test', 'fixtures', 'import', 'hostile-property-names.txt');

  test('variables named __proto__, constructor, toString, hasOwnProperty: explained and extracted as data', async () => {
    const { env } = freshConfig();
    const imp = await runCli(['catalog', 'import', HOSTILE], { env });
    assert.equal(imp.code, 0, imp.stderr);
    const explain = await runCli(['explain', '324905', '--lang', 'en'], { env });
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) assert.match(explain.stdout.toString(), new RegExp(`│ ${name} +│`));
    const line = '<161>Nov 20 2026 10:01:02 fw-1 : %ASA-1-324905: User alice from 10.1.1.1 at inside denied policy';
    const json = await runCli(['-o', 'json'], { input: line, env });
    assert.deepEqual(JSON.parse(json.stdout.toString()).fields, { proto: 'alice', constructor: '10.1.1.1', tostring: 'inside', hasownproperty: 'policy' });
    const ecs = await runCli(['-o', 'ecs'], { input: line, env });
    assert.equal(JSON.parse(ecs.stdout.toString()).cisco.asa.constructor, '10.1.1.1');
  });

  test('in the process: planning the import pollutes no prototype', async () => {
    const { planImport } = await import('../../src/catalog/import.ts');
    const { loadCatalog } = await import('../../src/catalog/load.ts');
    const plan = planImport([{ name: 'h.txt', text: readFileSync(HOSTILE, 'utf8') }], [], loadCatalog({}));
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.result[0]!.variants[0]!.docs.en!.variables.map((v) => v.name), ['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(typeof ({} as { toString: unknown }).toString, 'function');
  });

  test('--catalog with "__proto__" keys and category: a clear error, not a count that vanishes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asalog-cat-'));
    const file = join(dir, 'proto.json');
    writeFileSync(file, '{"__proto__": {"polluted": 1}, "messages": [{"id": "324906", "severity": 1, "category": "__proto__", "platforms": ["ASA"], "variants": [{"format": "x", "docs": {}}], "notes": []}]}');
    const r = await runCli(['summary', '--catalog', file], { input: LINE });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^asalog: catalog .*proto\.json: messages\[0\] \(324906\): "category" must be a logging class name such as "auth"/);
  });
});
