import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, chmodSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { BIN, ended, tracked } from '../helpers.ts';

// Ends that come from outside: a reader that goes away, signals, a writer that stops, a followed
// file that disappears. Each child is spawned by hand because the test acts while it runs.
const dir = mkdtempSync(join(tmpdir(), 'asalog-signals-'));
chmodSync(dir, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));

const asa = (n: number) => `<164>Nov 20 2026 10:01:04 fw-${n % 50} : %ASA-4-${String(722001 + (n % 7))}: IP 10.1.1.1 line ${n}\n`;
const lines = (from: number, count: number) => Array.from({ length: count }, (_, i) => asa(from + i)).join('');
const ENV = { PATH: process.env.PATH, NO_COLOR: '1' };

interface Live {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  closed: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[]): Live {
  // tracked: a failed assertion must not leave a child running, the test process waiting on its pipes
  const child = tracked(spawn(process.execPath, [BIN, ...args], { env: ENV }));
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  child.stdin.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  // every wait has an end: a child still running 15 s after the test waits for it fails the test
  const closed = async () => {
    const how = await ended(child, 15_000);
    await exited; // its pipes drained too
    return how;
  };
  return { child, out: () => out, err: () => err, closed };
}

async function waitFor(what: () => boolean, label: string): Promise<void> {
  for (let i = 0; i < 400 && !what(); i++) await sleep(25);
  assert.ok(what(), `timed out waiting for ${label}`);
}

describe('signals on an endless pipe', { concurrency: true }, () => {
  // 'drain' on a 2 MB write means the child has taken all but what a pipe buffer and its own
  // read buffer hold: a lower bound on what it read, whatever the load on the machine.
  const FEED = lines(0, 16_000);
  const SLACK_LINES = Math.ceil((256 << 10) / asa(0).length);
  const feed = async (live: Live): Promise<void> => {
    if (!live.child.stdin.write(FEED)) await once(live.child.stdin, 'drain');
    await sleep(300);
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`summary + ${signal}: prints the summary of what was read, exit 0`, async () => {
      const live = start(['summary', '-o', 'json']);
      await feed(live); // stdin stays open: an endless `tail -f … |`
      live.child.kill(signal);
      const { code } = await live.closed();
      assert.equal(code, 0, live.err());
      assert.equal(live.err(), '');
      const s = JSON.parse(live.out()) as { lines: number; classified: number; unparsed: number; hostCount: number };
      assert.ok(s.lines > 16_000 - SLACK_LINES && s.lines <= 16_000, `${s.lines} lines`);
      assert.equal(s.classified + s.unparsed, s.lines);
      assert.equal(s.hostCount, 50);
    });

    test(`summary -o table + ${signal}: the table is printed`, async () => {
      const live = start(['summary']);
      await feed(live);
      live.child.kill(signal);
      const { code } = await live.closed();
      assert.equal(code, 0, live.err());
      assert.match(live.out(), /^ {2}lines +\d{5}$/m);
    });

    test(`stream view + ${signal}: every line read is written whole, exit 130`, async () => {
      const live = start(['-o', 'json']);
      live.child.stdin.write(lines(0, 300));
      await waitFor(() => live.out().split('\n').length > 300, '300 records');
      live.child.kill(signal);
      const { code } = await live.closed();
      assert.equal(code, 130);
      assert.equal(live.err(), '');
      assert.ok(live.out().endsWith('\n'));
      assert.equal(live.out().trimEnd().split('\n').map((l) => JSON.parse(l) as unknown).length, 300);
    });
  }
});

describe('the reader goes away', () => {
  const big = join(dir, 'many.log');
  // 20 000 hosts and IDs: a summary far larger than a pipe buffer, so the write really fails.
  writeFileSync(big, Array.from({ length: 20_000 }, (_, i) => `<164>Nov 20 2026 ${String(i % 24).padStart(2, '0')}:00:04 fw-${i} : %ASA-4-${100000 + i}: x\n`).join(''));

  for (const args of [['summary', '-o', 'json'], ['summary', '-o', 'csv'], ['-o', 'json']]) {
    test(`asalog ${args.join(' ')} | head -1: exit 0, nothing on stderr`, async () => {
      const live = start([...args, big]);
      live.child.stdout.once('data', () => live.child.stdout.destroy());
      const { code } = await live.closed();
      assert.equal(live.err(), '');
      assert.equal(code, 0);
    });
  }
});

describe('stdin that ends early or is not there', () => {
  test('a writer that stops mid-line (head -c): the partial last line is counted', async () => {
    const file = join(dir, 'cut.log');
    writeFileSync(file, lines(0, 100));
    const r = await shell(`head -c 5000 "${file}" | "${process.execPath}" "${BIN}" summary -o json`);
    assert.equal(r.code, 0, r.err);
    const s = JSON.parse(r.out) as { lines: number; classified: number; unparsed: number };
    const head = lines(0, 100).slice(0, 5000);
    assert.notEqual(head.at(-1), '\n', 'the cut is mid-line');
    assert.equal(s.lines, head.split('\n').length);
    assert.equal(s.classified + s.unparsed, s.lines);
  });

  test('stdin closed (<&-): summary of nothing, and files still read', async () => {
    const none = await shell(`"${process.execPath}" "${BIN}" summary -o json <&-`);
    assert.equal(none.code, 0, none.err);
    assert.equal((JSON.parse(none.out) as { lines: number }).lines, 0);
    const file = join(dir, 'one.log');
    writeFileSync(file, asa(1));
    const withFile = await shell(`"${process.execPath}" "${BIN}" -o raw "${file}" <&-`);
    assert.equal(withFile.code, 0, withFile.err);
    assert.equal(withFile.out, asa(1));
  });
});

describe('--follow when the file goes away', () => {
  test('deleted: a notice, keeps waiting, reads the file when it comes back; SIGINT ends it (130)', async () => {
    const file = join(dir, 'deleted.log');
    writeFileSync(file, asa(1));
    const live = start(['-f', '-o', 'raw', file]);
    await waitFor(() => live.out() === asa(1), 'the first line');
    unlinkSync(file);
    await waitFor(() => /file is gone; waiting for it to reappear/.test(live.err()), 'the notice');
    assert.equal(live.child.exitCode, null, 'still running');
    writeFileSync(file, asa(2));
    await waitFor(() => live.out() === asa(1) + asa(2), 'the line of the new file');
    appendFileSync(file, asa(3));
    await waitFor(() => live.out().endsWith(asa(3)), 'an appended line');
    live.child.kill('SIGINT');
    assert.equal((await live.closed()).code, 130);
    assert.equal(live.err().split('\n').filter(Boolean).length, 2, live.err());
    assert.match(live.err(), /file was replaced; following the new file/);
  });

  test('truncated to nothing, then written again: read from the start, nothing lost', async () => {
    const file = join(dir, 'truncated.log');
    writeFileSync(file, lines(0, 20));
    const live = start(['-f', '-n', '+1', '-o', 'raw', file]);
    await waitFor(() => live.out() === lines(0, 20), 'the first lines');
    writeFileSync(file, '');
    await waitFor(() => /file was truncated; reading from the start/.test(live.err()), 'the notice');
    appendFileSync(file, asa(100));
    await waitFor(() => live.out().endsWith(asa(100)), 'the new line');
    live.child.kill('SIGTERM');
    assert.equal((await live.closed()).code, 130);
    assert.equal(live.out(), lines(0, 20) + asa(100));
  });
});

describe('--follow of other inputs', () => {
  test('a gzip file is read once with a notice (not printed as compressed bytes); the next file is followed', async () => {
    const gz = join(dir, 'rotated.log.1.gz');
    writeFileSync(gz, gzipSync(lines(0, 3)));
    const live = join(dir, 'live.log');
    writeFileSync(live, asa(10));
    const run = start(['-f', '-o', 'raw', gz, live]);
    await waitFor(() => run.out() === lines(0, 3) + asa(10), 'both files');
    appendFileSync(live, asa(11));
    await waitFor(() => run.out().endsWith(asa(11)), 'the appended line');
    run.child.kill('SIGINT');
    assert.equal((await run.closed()).code, 130);
    assert.equal(run.err(), `asalog: ${gz}: gzip file; read once, not followed\n`);
  });

  // Unlike `tail -F`, which sees truncation only as a smaller size: a file truncated and
  // rewritten longer between two polls is caught by its changed first bytes.
  test('truncated and rewritten longer between two polls: read from the start, nothing lost', async () => {
    const file = join(dir, 'rewritten.log');
    writeFileSync(file, 'short\n');
    const run = start(['-f', '-o', 'raw', file]);
    await waitFor(() => run.out() === 'short\n', 'the first line');
    writeFileSync(file, lines(0, 5));
    await waitFor(() => run.out() === `short\n${lines(0, 5)}`, 'the whole new file');
    run.child.kill('SIGINT');
    assert.equal((await run.closed()).code, 130);
    assert.equal(run.err(), `asalog: ${file}: file was truncated; reading from the start\n`);
  });
});

function shell(script: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = tracked(spawn('bash', ['-c', script], { env: ENV }));
    void ended(child, 60_000).catch(() => undefined);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

// Workers stop mid-piece on Ctrl-C: a piece cut short must end the output, else the pieces after
// it leave a gap and a half line is glued to the next.
describe('Ctrl-C while workers filter a large file', () => {
  test('the raw output so far is the start of the whole output, cut at a line end', async () => {
    const file = join(dir, 'slow-raw.log');
    // lines whose tag is not plain (`;`): each goes through the full parser, slowly enough to stop mid-piece
    const line = (i: number): string => `Nov 20 10:00:00 fw-1 %ASA-6-302013;x Built inbound TCP connection ${String(i).padStart(9, '0')} for a:1.2.3.4/1 to b:5.6.7.8/2\n`;
    writeFileSync(file, Array.from({ length: 800_000 }, (_, i) => line(i)).join(''));
    const child = tracked(spawn(process.execPath, [BIN, '-s', '<=7', '-v', '-o', 'raw', file], { env: { ...ENV, ASALOG_STREAM_PATH: 'workers', ASALOG_WORKERS: '3', ASALOG_PIECE_BYTES: String(16 << 20) } }));
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await sleep(900);
    child.kill('SIGINT');
    await ended(child, 10_000);
    assert.equal(await closed, 130);
    const got = Buffer.concat(out).toString();
    assert.ok(got === '' || got.endsWith('\n'), 'ends at a line end');
    const lines = got.split('\n').slice(0, -1);
    lines.forEach((l, i) => assert.equal(`${l}\n`, line(i), `line ${i + 1}`));
  });
});

// A command that does not listen for the stop (here a read that blocks in the system: a FIFO
// nobody writes to) still ends a second after the signal, by the signal itself.
describe('a command deaf to the abort still ends within a second', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`catalog import of a FIFO nobody writes to + ${signal}`, async (t) => {
      const fifo = join(dir, `never-${signal}.fifo`);
      const made = spawnSync('mkfifo', [fifo]);
      if (made.status !== 0) return t.skip('mkfifo not available');
      const live = start(['catalog', 'import', fifo]);
      await sleep(500);
      const sent = Date.now();
      live.child.kill(signal);
      const how = await live.closed();
      const took = Date.now() - sent;
      assert.equal(how.signal, signal, `ended by ${how.signal ?? `exit ${how.code}`}`);
      // one second of grace; the rest is slack for a loaded machine
      assert.ok(took >= 900 && took < 4000, `ended ${took} ms after the signal`);
    });
  }
});
