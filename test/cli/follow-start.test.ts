import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { BIN, ended, runCli, tracked } from '../helpers.ts';

// -f starts where tail -F starts (the last 10 lines), -n says elsewhere, and -n alone shows the
// last lines of a file, with the file's own line numbers.
const dir = mkdtempSync(join(tmpdir(), 'asalog-tail-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const asa = (n: number) => `<164>Nov 20 2026 10:01:04 fw-1 : %ASA-4-722001: IP 10.1.1.1 line ${n}\n`;
const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => asa(from + i)).join('');

async function follow(args: string[], file: string, append: string): Promise<string> {
  const child = tracked(spawn(process.execPath, [BIN, ...args, '-o', 'raw', file], { env: { PATH: process.env.PATH, NO_COLOR: '1' } }));
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  const wait = async (what: () => boolean, label: string) => {
    for (let i = 0; i < 400 && !what(); i++) await sleep(25);
    assert.ok(what(), `timed out waiting for ${label}; got ${out}`);
  };
  await sleep(400); // the start is written at once; give it a few polls
  const before = out;
  appendFileSync(file, append);
  await wait(() => out.endsWith(append), 'the appended line');
  child.kill('SIGINT');
  assert.equal((await ended(child, 10_000)).code, 130);
  assert.equal(out, before + append, 'nothing between the start and the new line');
  return before;
}

describe('-f starts like tail -F', () => {
  test('at the last 10 lines by default', async () => {
    const file = join(dir, 'default.log');
    writeFileSync(file, lines(1, 50));
    assert.equal(await follow(['-f'], file, asa(51)), lines(41, 50));
  });

  test('-n 0: only lines written from now on', async () => {
    const file = join(dir, 'zero.log');
    writeFileSync(file, lines(1, 50));
    assert.equal(await follow(['-f', '-n', '0'], file, asa(51)), '');
  });

  test('-n +1: the whole file, then what is written', async () => {
    const file = join(dir, 'all.log');
    writeFileSync(file, lines(1, 50));
    assert.equal(await follow(['-f', '-n', '+1'], file, asa(51)), lines(1, 50));
  });

  test('-n 3 of a file shorter than that, and -n 5 of one whose last line has no newline yet', async () => {
    const short = join(dir, 'short.log');
    writeFileSync(short, lines(1, 2));
    assert.equal(await follow(['-f', '-n', '3'], short, asa(3)), lines(1, 2));
    const partial = join(dir, 'partial.log');
    writeFileSync(partial, lines(1, 20) + asa(21).slice(0, 30));
    // the unfinished line is completed by the append: one line, not two
    const child = tracked(spawn(process.execPath, [BIN, '-f', '-n', '2', '-o', 'json', partial], { env: { PATH: process.env.PATH } }));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    await sleep(400);
    appendFileSync(partial, asa(21).slice(30));
    for (let i = 0; i < 400 && out.split('\n').length < 3; i++) await sleep(25);
    child.kill('SIGINT');
    await ended(child, 10_000);
    const records = out.trim().split('\n').map((l) => JSON.parse(l) as { line: number; raw: string });
    assert.deepEqual(records.map((r) => [r.line, r.raw]), [[20, asa(20).trimEnd()], [21, asa(21).trimEnd()]]);
  });
});

describe('-n without -f: the last lines, as tail -n', () => {
  const file = join(dir, 'fifty.log');
  writeFileSync(file, lines(1, 50));
  const json = async (args: string[], input?: string) => {
    const r = await runCli(['-o', 'json', ...args], input === undefined ? {} : { input });
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.toString().trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { line: number }).line);
  };

  test('the last N lines keep the file\'s line numbers', async () => {
    assert.deepEqual(await json(['-n', '3', file]), [48, 49, 50]);
    assert.deepEqual(await json(['-n', '+48', file]), [48, 49, 50]);
    assert.deepEqual(await json(['-n', '0', file]), []);
    assert.deepEqual(await json(['-n', '100', file]), Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('gzip and stdin, which cannot be read backwards, give the same', async () => {
    const gz = join(dir, 'fifty.log.gz');
    writeFileSync(gz, gzipSync(lines(1, 50)));
    assert.deepEqual(await json(['-n', '3', gz]), [48, 49, 50]);
    assert.deepEqual(await json(['-n', '3', '-'], lines(1, 50)), [48, 49, 50]);
  });

  test('filters apply to the lines -n takes; --count counts them', async () => {
    const r = await runCli(['--count', '-n', '5', '-g', 'line 4[89]', file]);
    assert.equal(r.stdout.toString(), '2\n');
  });

  test('a bad -n is a usage error', async () => {
    for (const bad of ['x', '+0', '-3', '']) {
      const r = await runCli(['-n', bad, file]);
      assert.equal(r.code, 1, bad);
      assert.match(r.stderr, /^asalog: option '-n, --lines <n>' argument .* is invalid\. use a number of lines from the end/);
    }
  });
});

test('-f on a pipe (tail -f log | asalog -f): lines as they come, not held for the last 10', async () => {
  const child = tracked(spawn(process.execPath, [BIN, '-f', '-o', 'raw'], { env: { PATH: process.env.PATH } }));
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stdin.write(asa(1));
  for (let i = 0; i < 400 && out !== asa(1); i++) await sleep(25);
  assert.equal(out, asa(1), 'the first line, while the pipe is still open');
  child.stdin.end(asa(2));
  assert.equal((await ended(child, 10_000)).code, 0);
  assert.equal(out, asa(1) + asa(2));
});
