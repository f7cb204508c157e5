import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
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
