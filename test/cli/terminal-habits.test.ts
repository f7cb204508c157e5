import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { BIN, ROOT, runCli } from '../helpers.ts';

// What a terminal user sees on stderr: progress while writing to a file, a hint when the filters
// left nothing. `script` gives the command a pseudo-terminal; stdout goes to a file.
const SAMPLE = join(ROOT, 'test', 'fixtures', 'sample.log');
const dir = mkdtempSync(join(tmpdir(), 'asalog-habits-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs asalog with stderr on a pseudo-terminal: what the terminal showed, and what went to stdout. */
function onTerminal(args: string, stdoutFile?: string): { terminal: string; code: number | null } {
  const redirect = stdoutFile === undefined ? '' : ` > "${stdoutFile}"`;
  const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" ${args}${redirect}`, '/dev/null'], { env: { PATH: process.env.PATH, TERM: 'xterm', NO_COLOR: '1' }, timeout: 60_000 });
  return { terminal: r.stdout.toString(), code: r.status };
}

describe('progress on the stream view', () => {
  const big = join(dir, 'big.log');
  const line = (i: number) => `<166>Nov 20 2026 10:01:02 fw-1 : %ASA-6-302013: Built inbound TCP connection ${i} for outside:10.1.1.1/1 to inside:10.2.2.2/2\n`;
  writeFileSync(big, Array.from({ length: 60_000 }, (_, i) => line(i)).join(''));
  writeFileSync(`${big}.gz`, gzipSync(readFileSync(big)));

  test('-o json into a file: a progress line on the terminal, cleared at the end; the output whole', (t) => {
    if (!hasScript) return t.skip('util-linux `script` not installed');
    const out = join(dir, 'out.json');
    const { terminal, code } = onTerminal(`-o json "${big}"`, out);
    assert.equal(code, 0);
    assert.match(terminal, /asalog: read \d+ MB \(\d+%\) at \d+ MB\/s/);
    assert.ok(terminal.endsWith('\r\x1b[K'), 'the progress line is cleared');
    assert.equal(readFileSync(out, 'utf8').split('\n').filter(Boolean).length, 60_000);
  });

  test('gzip: the percentage is of the compressed bytes, so it never passes 100%', (t) => {
    if (!hasScript) return t.skip('util-linux `script` not installed');
    for (const args of [`-o json "${big}.gz"`, `summary -o json "${big}.gz"`]) {
      const { terminal, code } = onTerminal(args, join(dir, 'gz.out'));
      assert.equal(code, 0);
      const shown = [...terminal.matchAll(/\((\d+)%\)/g)].map((m) => Number(m[1]));
      assert.ok(shown.length > 0, terminal);
      assert.ok(shown.every((p) => p <= 100), `${shown.join(' ')}`);
    }
  });

  test('stdout on the terminal, or stderr not: no progress line', async (t) => {
    if (!hasScript) return t.skip('util-linux `script` not installed');
    assert.doesNotMatch(onTerminal(`-o raw -n 2 "${big}"`).terminal, /asalog: read/);
    const piped = await runCli(['-o', 'json', big]);
    assert.equal(piped.stderr, '');
  });
});

describe('when the filters leave nothing', () => {
  test('on a terminal: one line that says so, with when the log runs', (t) => {
    if (!hasScript) return t.skip('util-linux `script` not installed');
    for (const args of [`summary --since 2h "${SAMPLE}"`, `-o json --since 2h "${SAMPLE}"`]) {
      const { terminal, code } = onTerminal(args, join(dir, 'empty.out'));
      assert.equal(code, 0);
      assert.match(terminal, /asalog: no line passed the filters \(--since 2h\); the log runs from 2026-11-20T09:58:01\.000Z to 2026-11-20T09:58:35\.000Z/);
    }
  });

  test('in a pipe or a script: quiet, like grep', async () => {
    const r = await runCli(['summary', '-o', 'json', '--since', '2h', SAMPLE]);
    assert.equal(r.stderr, '');
    assert.equal((JSON.parse(r.stdout.toString()) as { lines: number }).lines, 0);
  });

  test('--since in the log\'s own style selects what the ISO form selects', async () => {
    const syslog = await runCli(['-o', 'json', '--since', 'Nov 20 2026 09:58:30', SAMPLE]);
    const iso = await runCli(['-o', 'json', '--since', '2026-11-20T09:58:30Z', SAMPLE]);
    assert.equal(syslog.code, 0, syslog.stderr);
    assert.ok(syslog.stdout.length > 0);
    assert.deepEqual(syslog.stdout, iso.stdout);
    const summary = await runCli(['summary', '-o', 'json', '--since', 'Aug 16 2019', '--until', 'Nov 20 2026 09:58:10', SAMPLE]);
    const stream = await runCli(['-o', 'raw', '--until', '2026-11-20T09:58:10Z', SAMPLE]);
    assert.equal((JSON.parse(summary.stdout.toString()) as { lines: number }).lines, stream.stdout.toString().split('\n').filter(Boolean).length);
  });
});

describe('the README\'s recipes', () => {
  test('the jq recipe for IDs the catalog lacks counts tagged lines only (untagged ones are not null IDs)', (t) => {
    if (spawnSync('jq', ['--version']).status !== 0) return t.skip('jq not installed');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const filter = /asalog -o json fw\.log \| jq -r '([^']+)'/.exec(readme)?.[1];
    assert.ok(filter, 'the recipe is in the README');
    const json = spawnSync(process.execPath, [BIN, '-o', 'json', SAMPLE], { timeout: 30_000 }).stdout;
    const ids = spawnSync('jq', ['-r', filter], { input: json, timeout: 30_000 }).stdout.toString().split('\n').filter(Boolean);
    assert.deepEqual(ids, ['999001']);
  });
});
