import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, runCli } from '../helpers.ts';

// Every number a command takes is checked where commander reads it: one `asalog:` line, exit 1.
test('a number option given something else is a usage error naming the option, never a silent default', async () => {
  for (const args of [['search', '--limit', 'x', 'vpn'], ['search', '--limit', '0', 'vpn'], ['search', '--limit', '-3', 'vpn'], ['summary', '--top', '2.5', '-'], ['--max-line', 'big', '-'], ['--year', '99999', '-']]) {
    const r = await runCli(args);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout.length, 0, args.join(' '));
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^asalog: option '--(?:limit|top|max-line|year) <[a-z]+>' argument '.*' is invalid\./, args.join(' '));
  }
});

// Every option that takes a value, given an empty, negative, huge or wrong-typed one: one
// `asalog:` line naming the option or the value, exit 1, nothing on stdout and nothing written.
describe('every option with an invalid value', { concurrency: 2 }, () => {
  const S = join(ROOT, 'test', 'fixtures', 'sample.log');
  const bad: [string[], string[], RegExp?][] = [
    [['search', 'vpn', '--limit'], ['', '-1', '0', '99999999999999999999', 'x', '1.5']],
    [['summary', S, '--top'], ['', '-1', '0', '99999999999999999999', 'x']],
    [[S, '--max-line'], ['', '-1', '0', '99999999999999999999', '257M', 'big', '1.5']],
    [[S, '--year'], ['', '-1', '99999', '1e3', 'x']],
    [['summary', S, '--bucket'], ['', '-1', '0', 'fortnight']],
    [['summary', S, '--by'], ['', 'nothing']],
    [[S, '--tz'], ['', 'Bogus/Zone', '+99:00']],
    [[S, '-o'], ['', 'nope']],
    [[S, '--color'], ['', 'sometimes']],
    [['explain', '722001', '--lang'], ['', 'fr', '99']],
    [[S, '-s'], ['', '-1', '8', 'loud', '99999999999999999999']],
    [[S, '-c'], ['', 'nosuchclass']],
    [[S, '-i'], ['', '-1', 'x', '99999999999999999999']],
    [[S, '--since'], ['', '-1', 'x', '99999999999999999999']],
    [[S, '--until'], ['', 'yesterdayish']],
    [[S, '--host'], ['']],
    [[S, '-g'], ['(', '(a)\\1']],
    [['list', '--platform'], ['', 'PIX']],
    [['summary', S, '--html'], ['', ' ']],
    [[S, '--catalog'], ['']],
    [['catalog', 'export', '--format'], ['', 'xml']],
  ];
  for (const [args, values] of bad) {
    for (const value of values) {
      const argv = [...args, value];
      test(`asalog ${argv.map((a) => (a === S ? 'sample.log' : JSON.stringify(a))).join(' ')}`, async () => {
        const r = await runCli(argv);
        assert.equal(r.code, 1, r.stderr);
        assert.equal(r.stdout.length, 0);
        assert.match(r.stderr, /^asalog: [^\n]+\n$/, 'one line');
        assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
      });
    }
  }

  test('sizes take binary units', async () => {
    const r = await runCli(['-o', 'json', '--max-line', '64K', S]);
    assert.equal(r.code, 0, r.stderr);
  });
});

// Options written before the command name belong to the root; they must reach the command or
// be refused, never ignored.
test('an option before the command name reaches the command, or is refused when it has no such option', async () => {
  const ja = await runCli(['--lang', 'ja', 'explain', '722001']);
  assert.equal(ja.code, 0, ja.stderr);
  assert.deepEqual(ja.stdout, (await runCli(['explain', '722001', '--lang', 'ja'])).stdout);
  const fr = await runCli(['--lang', 'fr', 'explain', '722001']);
  assert.equal(fr.code, 1);
  assert.equal(fr.stderr, "asalog: option '--lang <lang>' argument 'fr' is invalid. use en, ja or zh.\n");
  const S = join(ROOT, 'test', 'fixtures', 'sample.log');
  const before = await runCli(['-i', '106023', 'summary', '-o', 'json', S]);
  const after = await runCli(['summary', '-o', 'json', '-i', '106023', S]);
  assert.equal(before.code, 0, before.stderr);
  assert.deepEqual(before.stdout, after.stdout);
  // the command's own choices decide: -o raw is the stream view's, not summary's
  const raw = await runCli(['-o', 'raw', 'summary', S]);
  assert.equal(raw.code, 1);
  assert.match(raw.stderr, /^asalog: option '-o, --output <format>' argument 'raw' is invalid for `asalog summary`\. Allowed choices are table, json, csv, markdown\.\n$/);
  const follow = await runCli(['-f', 'explain', '722001']);
  assert.equal(follow.code, 1);
  assert.equal(follow.stderr, 'asalog: --follow does not apply to `asalog explain`; see `asalog explain --help`\n');
});

test('search says when it stopped at its limit, and how to see the rest', async () => {
  const all = (JSON.parse((await runCli(['search', '--json', '--limit', '100000', 'vpn'])).stdout.toString()) as unknown[]).length;
  assert.ok(all > 30);
  const r = await runCli(['search', 'vpn']);
  assert.match(r.stdout.toString(), new RegExp(`\\n30 of ${all} shown; --limit ${all} to see them all\\n$`));
  const whole = await runCli(['search', 'vpn', '--limit', String(all)]);
  assert.doesNotMatch(whole.stdout.toString(), /shown; --limit/);
});

test('search --limit keeps to its number', async () => {
  const r = await runCli(['search', '--json', '--limit', '2', 'vpn']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout.toString()) as unknown[]).length, 2);
});

test('--version prints the version in package.json, whatever it is', async (t) => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const r = await runCli(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.toString(), `${version}\n`);
  // a copy of what ships with another version in its package.json: a hard-coded version fails here
  const copy = mkdtempSync(join(tmpdir(), 'asalog-version-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  writeFileSync(join(copy, 'package.json'), JSON.stringify({ name: 'asalog', version: '9.8.7-test', type: 'module' }));
  const other = await runCli(['--version'], { bin: join(copy, 'bin', 'asalog.js') });
  assert.equal(other.stdout.toString(), '9.8.7-test\n', other.stderr);
});
