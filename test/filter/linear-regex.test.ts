import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileFilter } from '../../src/filter/compile.ts';
import { linearRegex, nonLinearReason } from '../../src/filter/linear-regex.ts';
import { runCli } from '../helpers.ts';

// --grep takes the user's pattern, and the log line is the attacker's: no line may make a match
// take time exponential in its length. The timeouts bound a match that would run for years
// with a backtracking engine alone; they are not a measure of speed (bench/ measures that).
const RUN_OF_A = `${'a'.repeat(100_000)}!`;

test('catastrophic patterns on a long run of one letter end (the linear engine takes over)', { timeout: 20_000 }, () => {
  for (const source of ['(a+)+$', '^(a|a)*$', '(a|aa)+$', '(.*a){12}$', '^(a+)+b']) {
    assert.equal(linearRegex(source).test(RUN_OF_A), false, source);
  }
  assert.equal(linearRegex('(a+)+!$').test(RUN_OF_A), true);
});

test('backreferences and lookaround are refused with the reason; ordinary patterns are not', () => {
  for (const source of ['(a)\\1', '(?<x>a)\\k<x>', '(?=a)a', '(?!a)b', '(?<=a)b', '(?<!a)b']) {
    assert.match(nonLinearReason(source) ?? '', /backreferences .* lookaround .* not supported/, source);
  }
  for (const source of ['deny|drop', '[Dd]enied', '\\bUser <[^>]+>', '10\\.1\\.\\d{1,3}\\.\\d+', '^%ASA-[0-7]-7220\\d\\d', '(?<who>alice|bob)']) {
    assert.equal(nonLinearReason(source), null, source);
  }
  assert.throws(() => compileFilter({ grep: '(a)\\1' }), /--grep "\(a\)\\1": backreferences/);
  assert.throws(() => compileFilter({ grep: '(' }), /invalid --grep regex "\(" \(Unterminated group\)/);
});

test('asalog -g: a hostile line and a catastrophic pattern end; a refused pattern is a usage error', async () => {
  const line = (tail: string) => `<166>Nov 20 2026 10:01:02 fw-1 : %ASA-6-302013: ${'a'.repeat(20_000)}${tail}`;
  const input = `${line('')}\n${line('!')}\n`;
  const file = join(mkdtempSync(join(tmpdir(), 'asalog-grep-')), 'hostile.log');
  writeFileSync(file, input);
  // in this thread, and in worker threads (the V8 flags are the process's)
  for (const path of ['single', 'workers']) {
    const r = await runCli(['-o', 'raw', '-g', '(a+)+$', file], { env: { ASALOG_STREAM_PATH: path }, timeoutMs: 30_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.toString(), `${line('')}\n`);
  }
  const refused = await runCli(['-g', '(a+)\\1'], { input });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^asalog: --grep "\(a\+\)\\1": backreferences .*\n$/);
});
