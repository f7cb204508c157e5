import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileGrep } from '../../src/filter/grep.ts';
import { caselessSource } from '../../src/filter/caseless.ts';
import { runCli, ROOT } from '../helpers.ts';
import { join } from 'node:path';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'sample.log');

describe('caselessSource: the i flag written out, so the linear engine can take over', () => {
  const PATTERNS = ['[\\x41-\\x43]', '\\u0062\\u0063', '\\p\\.', '[\\-a]', 'deny', 'Deny TCP', '[a-c]x', '[^a-z0-9_]+', '\\d+\\.\\D', '(?<User>bob)\\s', '\\x41b', 'a{2,3}', '[\\w-]+', '[A-z]', '(?:tcp|UDP)',
    '^%asa-[0-7]-7220\\d\\d', 'user <[^>]+>', '[Q-c]', '\\bSVC\\b', '[\\]a]', 'é', '\\cJ'];
  const TEXTS = ['deny', 'DENY tcp', 'Deny Tcp', 'bx', 'BX', 'Cx', '$%^', 'ABC', '12.x', '12.5', 'BOB ', 'bob\t', 'Ab', 'ab', 'AAA', 'a', 'Foo-Bar',
    '[', '`', 'UDP', 'udp', '%ASA-6-722051: x', 'User <Alice>', 'q', 'Z', '_', 'svc', 'the SVC is', ']', 'É', '\n'];
  for (const p of PATTERNS) {
    test(JSON.stringify(p), () => {
      const mine = new RegExp(caselessSource(p));
      const v8 = new RegExp(p, 'i');
      for (const t of TEXTS) assert.equal(mine.test(t), v8.test(t), `${JSON.stringify(p)} → ${caselessSource(p)} on ${JSON.stringify(t)}`);
    });
  }

  test('a case-insensitive catastrophic pattern still ends (it is no longer left to backtrack)', { timeout: 20_000 }, () => {
    assert.equal(compileGrep('-g', '(a+)+$', true).test(`${'A'.repeat(50_000)}!`), false);
    assert.equal(compileGrep('-g', '(?i)(a+)+$', false).test(`${'a'.repeat(50_000)}!`), false);
  });
});

describe('grep habits on the command line', () => {
  const count = async (...args: string[]) => {
    const r = await runCli(['--count', ...args, SAMPLE]);
    assert.equal(r.code, 0, r.stderr);
    return Number(r.stdout.toString());
  };

  test('-I and (?i): letters match either case; without them the pattern is case-sensitive', async () => {
    const exact = await count('-g', 'Deny');
    assert.ok(exact > 0);
    assert.equal(await count('-g', 'deny'), 0);
    assert.equal(await count('-g', 'deny', '-I'), await count('-g', '[dD][eE][nN][yY]'));
    assert.equal(await count('-g', '(?i)deny'), await count('-g', 'deny', '-I'));
    const r = await runCli(['-I', SAMPLE]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^asalog: --ignore-case applies to a pattern/);
  });

  test('-G matches the whole line (header, host, tag); -g only the message', async () => {
    assert.equal(await count('-g', 'fw-edge-1'), 0);
    assert.ok((await count('-G', 'fw-edge-1')) > 0);
    assert.equal(await count('-G', '%FTD-'), 4);
    assert.equal(await count('-G', '^Nov 20 09:58:3'), 2, 'the two untagged relay lines start with their header');
    assert.equal(await count('-G', 'FW-EDGE-1', '-I'), await count('-G', 'fw-edge-1'));
  });

  test('--count: a number; per file (file:N) with -H or several files; 0 when nothing matches', async () => {
    const lines = (await runCli(['-o', 'raw', '-s', 'err', SAMPLE])).stdout.toString().split('\n').filter(Boolean).length;
    assert.equal(await count('-s', 'err'), lines);
    const two = await runCli(['--count', '-s', 'err', SAMPLE, SAMPLE]);
    assert.equal(two.stdout.toString(), `${SAMPLE}:${lines}\n${SAMPLE}:${lines}\n`);
    const named = await runCli(['--count', '-H', '-s', 'err', SAMPLE]);
    assert.equal(named.stdout.toString(), `${SAMPLE}:${lines}\n`);
    assert.equal(await count('-g', 'no such text anywhere'), 0);
    const all = await runCli(['--count'], { input: 'a\nb\nc\n' });
    assert.equal(all.stdout.toString(), '3\n');
    // a file that cannot be read gets its error and no count, as with grep -c; exit 2
    const missing = await runCli(['--count', SAMPLE, join(ROOT, 'no-such.log')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout.toString(), `${SAMPLE}:40\n`);
    assert.match(missing.stderr, /no-such\.log: no such file or directory/);
    const follow = await runCli(['--count', '-f', SAMPLE]);
    assert.equal(follow.code, 1);
  });
});
