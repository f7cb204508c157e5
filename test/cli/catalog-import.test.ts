import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
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
