import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { loadCatalog } from '../../src/catalog/load.ts';
import { PLAIN_PALETTE } from '../../src/render/palette.ts';
import { runSummary } from '../../src/summary/run.ts';
import { countsFromTally } from '../../src/summary/counts.ts';
import { countFileInPieces } from '../../src/summary/scan/inputs.ts';
import { SummaryScanner } from '../../src/summary/scan/scanner.ts';
import { pieceCounter } from '../../src/summary/task.ts';
import type { TallyResult } from '../../src/summary/tally-result.ts';
import { FilePieces, type ScannedPiece } from '../../src/workers/file-pieces.ts';
import { BIN, HAVE_CORPUS, NO_CORPUS, ROOT, corpusLogs, ended, runCli, tracked } from '../helpers.ts';

// Every way `summary` can count (records, the byte scanner, worker threads, stdin) must print the
// same report; ASALOG_SUMMARY_PATH forces the path, and ASALOG_SCAN_KERNEL=js the scanner's byte
// loop instead of its WebAssembly kernel (`…-js`).
const dir = mkdtempSync(join(tmpdir(), 'asalog-paths-'));
const PATHS = ['records', 'scan', 'workers', 'scan-js', 'workers-js'] as const;

function pathEnv(path: string): Record<string, string> {
  return path.endsWith('-js') ? { ASALOG_SUMMARY_PATH: path.slice(0, -3), ASALOG_SCAN_KERNEL: 'js' } : { ASALOG_SUMMARY_PATH: path };
}

async function summaryJson(args: string[], path: string, input?: Buffer): Promise<string> {
  const r = await runCli(['summary', '-o', 'json', ...args], { env: pathEnv(path), input });
  assert.ok(r.code === 0 || (r.code === 2 && /no such file/.test(r.stderr)), r.stderr);
  return r.stdout.toString() + r.stderr;
}

// In-process (no spawn per file) for the many small corpus files: records against the scanner.
const catalog = loadCatalog();
async function inProcess(file: string, path: 'records' | 'scan', tz?: string): Promise<string> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (d: Buffer) => chunks.push(d));
  const io = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: { ASALOG_SUMMARY_PATH: path }, signal: new AbortController().signal };
  await runSummary([file], { output: 'json', top: 10, by: 'id', lang: 'en', year: 2026, tz, maxLineBytes: 1 << 20 }, catalog, PLAIN_PALETTE, io);
  return Buffer.concat(chunks).toString();
}

async function assertSamePaths(files: string[], extra: string[] = []): Promise<void> {
  const [records, ...others] = await Promise.all(PATHS.map((p) => summaryJson([...extra, ...files], p)));
  others.forEach((out, i) => assert.equal(out, records, `${PATHS[i + 1]} differs from records on ${files.join(' ')}`));
  if (files.length !== 1) return;
  const expected = JSON.parse(records!) as { files: string[] };
  for (const p of PATHS) {
    const piped = JSON.parse(await summaryJson([...extra, '-'], p, readFileSync(files[0]!))) as { files: string[] };
    assert.deepEqual(piped.files, expected.files.length ? ['(stdin)'] : []);
    // stdin has no modification time; --year in `extra` keeps yearless timestamps comparable
    if (extra.includes('--year')) assert.deepEqual({ ...piped, files: expected.files }, expected, `stdin (${p}) on ${files[0]}`);
  }
}

// Shapes where a byte scanner could go wrong: CRLF, no final newline, tabs, non-ASCII before and
// after the tag, class infixes, repeats before and after the tag (0 times too), tags without
// colon, at end of line, a `%` in prose, sequence numbers, RFC 5424, relays, odd zones.
const TRICKY = [
  '<166>Nov 20 2026 10:00:00 fw-1 : %ASA-6-302013: Built inbound TCP connection 1\r',
  'Nov 20 10:00:00 fw-1 : %ASA-6-302013: same second, same wrapper',
  'Nov 20 10:00:00 fw-2 : %ASA-4-106023: another host',
  'Nov 20 10:00:00 fw-2 : %ASA-6-302013',
  'Nov 20 10:00:00 fw-2 : %ASA-6-302013\tTab after the tag',
  'Nov 20 10:00:00 fw-2 : %ASA-6-3020134: seven digits',
  'Nov 20 10:00:00 fw-2 : 100%ASA-6-302013: word before percent',
  'Nov 20 10:00:00 fw-2 : 50% done %ASA-5-111008: second percent is the tag',
  'Nov 20 10:00:00 fẅ-3 : %ASA-6-302013: non-ASCII host',
  'Nov 20 10:00:00 fw-3 : %ASA-6-113004: user Speciäl Ö01',
  'Nov 20 10:00:01 fw-3 : %ASA-auth-4-113004: class infix',
  'Nov 20 10:00:01 fw-3 : %FTD--6-852002: empty class',
  'Nov 20 10:00:01 fw-3 : %FDT-6-113004: transposed',
  'Nov 20 10:00:01 fw-3 : %PIX-7-710001: pix',
  'Nov 20 10:00:01 fw-3 : %NGIPS-1-430002: ngips',
  'Nov 20 10:00:01 fw-3 : %Threat Defense-6-302013: new name',
  'Nov 20 10:00:01 fw-3 : %ASA-8-999999: severity 8',
  'Jan 23 15:10:55 fw1 message repeated 3 times: [ %ASA-2-106006: Deny inbound UDP]',
  'Jan 23 15:10:55 10.10.10.1 %ASA-2-106006: message repeated 2 times: [ Deny inbound UDP]',
  '%ASA-4-733100: message repeated 0 times: [ drop rate-1 exceeded] ',
  '%ASA-4-733100: message repeated 1234567890 times: [ too many digits]',
  'ASA-2-106001: Inbound TCP connection denied (no percent)',
  '<190>3132517: Nov 20 2026 10:01:05: %ASA-6-302013: sequence number',
  '<166>1 2026-11-20T10:01:05.123Z fw5424 asa - - - %ASA-6-302013: rfc5424',
  '<166>1 2026-11-20T10:01:05.123Z fw5424 asa - - [x@1 a="]"] %ASA-6-302013: rfc5424 sd',
  'Sep 25 15:47:07 host1.example.com : Sep 25 15:47:07 EDT: %ASA-auth-4-113004: relay',
  'Sep 25 15:47:07 host1.example.com : Sep 25 15:47:07 EDT: %ASA-4-113004: relay',
  '<166>:Feb 26 11:26:52 UTC: %FTD-6-852002: zone',
  '<166>: 2024 Aug 07 10:29:42 UTC ccafa9b4-b48a-4156-b3af-de2d35e5f432 : %FTD-6-113039: year first',
  'Feb 29 10:00:00 fw : %ASA-6-302013: not a leap year without one',
  'Apr 30 09:22:38.340591: %ASA-5-106100: fraction',
  '2019-08-16T09:54:00+02:00 firepower  %FTD-0-430001: iso offset',
  'LOCAL4.WARNING: fw-1 %ASA-4-106023: facility level',
  'Jan  1 01:00:27 beats asa[1234]: %ASA-7-999999: program',
  'Jan  1 01:00:27 beats %ASA-7-999999 : space colon',
  '',
  '   ',
  'garbage \u0001 %% 100%',
  'Nov 20 10:00:02 fw-2 : %ASA-4-106023: last line without newline',
].join('\n');

test('summary: the same report from records, scanner, workers and stdin on tricky lines', async () => {
  const tricky = join(dir, 'tricky.log');
  writeFileSync(tricky, TRICKY);
  await assertSamePaths([tricky], ['--year', '2026']);
  await assertSamePaths([tricky], ['--tz', 'America/New_York', '--year', '2026']);
  const gz = join(dir, 'tricky.log.gz');
  writeFileSync(gz, gzipSync(TRICKY));
  await assertSamePaths([tricky, gz, join(dir, 'missing.log'), tricky]);
});

test('summary: the same report on every path with a tiny --max-line (cut lines, warnings)', async () => {
  const tricky = join(dir, 'tricky-long.log');
  writeFileSync(tricky, TRICKY);
  const outs = await Promise.all(PATHS.map((p) => runCli(['summary', '-o', 'json', '--max-line', '40', tricky], { env: pathEnv(p) })));
  for (const r of outs) {
    assert.equal(r.stdout.toString(), outs[0]!.stdout.toString());
    assert.equal(r.stderr, outs[0]!.stderr);
  }
  assert.match(outs[0]!.stderr, /tricky-long\.log:1: line longer than 40 bytes/);
});

// A line past --max-line still takes its wrapper's slot in the kernel's cache: the next line
// with that wrapper must not be counted under the one the slot held before.
test('summary: the same report on every path when many lines are past --max-line', async () => {
  const slot = join(dir, 'slot.log');
  writeFileSync(slot, `Nov 20 10:00:00 host-0 %ASA-6-302013: a\nNov 20 10:00:00 host-2 %ASA-6-302013: ${'x'.repeat(200)}\nNov 20 10:00:00 host-2 %ASA-6-302013: b\n`);
  const log = join(dir, 'generated-long.log');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'generate.ts'), '--lines', '20000', '--seed', '4', '--out', log], { cwd: ROOT, timeout: 120_000 });
  for (const file of [slot, log]) {
    const outs = await Promise.all(PATHS.map((p) => runCli(['summary', '-o', 'json', '--year', '2026', '--max-line', '100', file], { env: pathEnv(p) })));
    outs.forEach((r, i) => assert.equal(r.stdout.toString(), outs[0]!.stdout.toString(), `${PATHS[i]} differs from records on ${file}`));
  }
});

test('summary: the same report on every path for a generated log', async () => {
  const log = join(dir, 'generated.log');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'generate.ts'), '--lines', '30000', '--seed', '3', '--out', log], { cwd: ROOT, timeout: 120_000 });
  await assertSamePaths([log], ['--year', '2026']);
  await assertSamePaths([log, log], ['--bucket', 'hour']);
});

test('summary: the same report on every path for each corpus file', { skip: HAVE_CORPUS ? false : NO_CORPUS }, async () => {
  const logs = corpusLogs();
  assert.ok(logs.length > 30);
  for (const log of logs) assert.equal(await inProcess(log, 'scan'), await inProcess(log, 'records'), log);
  // workers and stdin, through the CLI, on the whole corpus at once and concatenated
  await assertSamePaths(logs);
  const all = join(dir, 'corpus.log');
  writeFileSync(all, Buffer.concat(logs.map((l) => readFileSync(l))));
  await assertSamePaths([all], ['--year', '2026']);
});

// The scanner reuses a parsed wrapper when only its minute, second or fraction moved; walk the
// clock across minutes, hours, a DST change, leap seconds and long fractions in many layouts.
test('summary: scanner and records agree while wrapper clocks move', async () => {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const layouts: Array<(t: Date, frac: string) => string> = [
    (t) => `Mar  8 ${clock(t)} fw-1 : `,
    (t) => `<166>Mar 08 2026 ${clock(t)} fw-2 : `,
    (t, f) => `2026-03-08T${clock(t)}.${f}+01:00 fw-3 `,
    (t, f) => `<190>1 2026-03-08T${clock(t)}.${f}Z fw5424 asa - - - `,
    (t, f) => `Mar 8 ${clock(t)}.${f} EDT: `,
    (t) => `Mar 8 2026 ${clock(t)}: `,
    (t) => `Mar 8 ${clock(t)} relay : Mar 8 ${clock(new Date(t.getTime() - 7000))} fw-5 : `,
    (t) => `Mar 8 ${clock(t)} WEST: `,
    (t) => `Mar 8 ${clock(t)} +0530 fw-6 `,
  ];
  const clock = (t: Date): string => `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${t.getUTCMilliseconds() === 999 ? '60' : pad(t.getUTCSeconds())}`;
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const lines: string[] = [];
  // 06:58 UTC to past 07:00: 2 a.m. in New York, where the clocks went forward that night
  for (let ms = Date.UTC(2026, 2, 8, 6, 58, 50); lines.length < 12_000; ms += rand(2500)) {
    const frac = String(rand(1e9)).padStart(9, '0').slice(0, 1 + rand(10));
    lines.push(`${layouts[rand(layouts.length)]!(new Date(ms), frac)}%ASA-${rand(8)}-${pad(rand(4), 6)}: x`);
  }
  const log = join(dir, 'clocks.log');
  writeFileSync(log, lines.join('\n'));
  for (const tz of [undefined, 'America/New_York', '+05:30', 'Europe/Lisbon']) {
    assert.equal(await inProcess(log, 'scan', tz), await inProcess(log, 'records', tz), `tz ${tz}`);
  }
});

// More distinct wrappers than the kernel's and the JS caches' slots (8192 each): collisions evict
// entries at different times in each cache, and the kernel's remembered clocks must follow.
test('summary: scanner and records agree when wrappers outnumber the caches', async () => {
  const lines: string[] = [];
  let seed = 11;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  for (let n = 0, ms = Date.UTC(2026, 10, 20, 9, 59, 0); n < 60_000; n++, ms += rand(40)) {
    const t = new Date(ms).toISOString();
    const host = `fw-${rand(700)}`;
    lines.push(rand(2) ? `<166>Nov 20 2026 ${t.slice(11, 19)} ${host} : %ASA-${rand(8)}-30201${rand(4)}: x` : `${t.slice(0, 23)}Z ${host} %FTD-6-430002: y`);
  }
  const log = join(dir, 'many-wrappers.log');
  writeFileSync(log, lines.join('\n'));
  assert.equal(await inProcess(log, 'scan'), await inProcess(log, 'records'));
});

// Pieces as small as a few bytes: lines cut across pieces, pieces inside one line, long lines.
test('summary: pieces of any size count as one scan of the whole file', async () => {
  const file = join(dir, 'pieces.log');
  const long = `Nov 20 10:00:03 fw-9 : %ASA-6-302013: ${'x'.repeat(300)}`;
  writeFileSync(file, `${TRICKY}\n${long}\n${TRICKY}\n${long}`);
  const { size, mtime } = statSync(file);
  const whole = new SummaryScanner(100);
  whole.startFile({ name: file, year: 2026 });
  whole.push(readFileSync(file));
  whole.end();
  const wholeScan = whole.take();
  const expected = countsFromTally(wholeScan, catalog);
  assert.ok(wholeScan.longLines.length >= 2);
  const read = { year: 2026, maxLineBytes: 100, onError: () => undefined, onWarning: () => undefined, mode: 'workers' as const, env: {} };
  for (const pieceBytes of [1, 2, 7, 64, 99, 100, 101, 333, size - 1, size, size + 1]) {
    // every piece claimed, scanned and written in order by this thread (the pool's threads run the same code)
    const joined = await countFileInPieces(null, { path: file, size, mtime }, { ...read, env: { ASALOG_PIECE_BYTES: String(pieceBytes) } });
    assert.deepEqual(countsFromTally(joined, catalog), expected, `pieces of ${pieceBytes} bytes`);
    assert.deepEqual(joined.longLines, wholeScan.longLines);
    // the pieces themselves, one per pieceBytes of the file
    const range = { path: file, size, pieceBytes, shared: FilePieces.sharedState() };
    const reader = new FilePieces(range, pieceCounter({ range, name: file, year: 2026, maxLineBytes: 100 }));
    const pieces: ScannedPiece<TallyResult>[] = [];
    for (let piece = reader.next(); piece !== null && piece !== 'wait'; piece = reader.next()) pieces.push(piece);
    reader.close();
    assert.equal(pieces.length, Math.ceil(size / pieceBytes));
    assert.equal(pieces.reduce((n, p) => n + p.result.lines, 0), wholeScan.lines);
  }
});

// Ctrl-C while worker threads scan a large file: the report holds what was read, not nothing.
test('summary: SIGINT during a worker scan reports the lines counted so far', { skip: process.platform !== 'linux' }, async () => {
  // non-ASCII wrappers take the slow path: a scan long enough to interrupt
  const chunk = Buffer.from(Array.from({ length: 4000 }, (_, i) => `Nov 20 10:00:0${i % 10} fẅ-${i % 7} : %ASA-6-302013: Built inbound TCP connection ${i}`).join('\n') + '\n');
  const big = join(dir, 'interrupted.log');
  writeFileSync(big, Buffer.concat(Array.from({ length: Math.ceil((96 << 20) / chunk.length) }, () => chunk)));
  const total = Math.ceil((96 << 20) / chunk.length) * 4000;
  // the pool is forced: a file this size is counted in one thread by default (workers/split.ts)
  const child = tracked(spawn(process.execPath, [BIN, 'summary', '-o', 'json', big], { env: { PATH: process.env.PATH, NO_COLOR: '1', ASALOG_SUMMARY_PATH: 'workers' } }));
  const out: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // interrupt once some 8 MB of the file have been read (rchar counts every thread's reads)
  const deadline = Date.now() + 60_000;
  for (let read = 0; read < 8 << 20;) {
    assert.ok(Date.now() < deadline, 'the summary read less than 8 MB in a minute');
    await new Promise((r) => setTimeout(r, 10));
    const io = readFileSync(`/proc/${child.pid}/io`, 'utf8');
    read = Number(/rchar: (\d+)/.exec(io)![1]) - 4e6;
  }
  child.kill('SIGINT');
  await ended(child, 10_000);
  const code = await closed;
  rmSync(big);
  assert.equal(code, 0); // summary prints what it read and ends normally (README, exit codes)
  const report = JSON.parse(Buffer.concat(out).toString()) as { lines: number; messages: number };
  assert.ok(report.lines > 0 && report.lines < total, `${report.lines} of ${total} lines`);
  assert.equal(report.messages, report.lines);
});

// `--sections` and `--by <field>` read fields on the byte path too (summary/sections-feed.ts):
// each piece of a file counts its part in whichever thread claimed it, and the parts are merged in
// file order. Small pieces put VPN session starts and ends in different pieces and threads.
test('summary --sections --by: the same sections from records, scanner and workers, in many pieces', async () => {
  const log = join(dir, 'generated-sections.log');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'generate.ts'), '--lines', '20000', '--seed', '5', '--out', log], { cwd: ROOT, timeout: 120_000 });
  const tricky = join(dir, 'tricky-sections.log');
  // and a health message whose line ends in three CRs: the record path keeps one in its message
  writeFileSync(tricky, `${TRICKY}\nNov 20 10:00:03 fw-2 : %ASA-4-411001: Line protocol on Interface x, changed state to up\r\r\r\n`);
  const inputs: { file: string; pieces: string }[] = [{ file: log, pieces: '65536' }, { file: tricky, pieces: '512' }];
  if (HAVE_CORPUS) {
    const all = join(dir, 'corpus-sections.log');
    writeFileSync(all, Buffer.concat(corpusLogs().map((l) => readFileSync(l))));
    inputs.push({ file: all, pieces: '2048' });
  }
  for (const { file, pieces } of inputs) {
    for (const by of ['user', 'src_ip']) {
      const outs = await Promise.all(PATHS.map((p) => runCli(['summary', '-o', 'json', '--year', '2026', '--sections', '--by', by, '--top', '7', file], { env: { ...pathEnv(p), ASALOG_PIECE_BYTES: pieces } })));
      const report = JSON.parse(outs[0]!.stdout.toString()) as { happened?: unknown[]; byField?: unknown };
      assert.ok(report.happened && report.byField, `records path gave sections for ${file}`);
      outs.forEach((r, i) => assert.equal(r.stdout.toString(), outs[0]!.stdout.toString(), `${PATHS[i]} differs from records on ${file} --by ${by}`));
    }
  }
});
