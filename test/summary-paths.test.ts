import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { loadCatalog } from '../src/catalog.ts';
import { createPalette } from '../src/palette.ts';
import { runSummary } from '../src/run-summary.ts';
import { HAVE_CORPUS, NO_CORPUS, ROOT, corpusLogs, runCli } from './helpers.ts';

// Every way `summary` can count (records, the byte scanner, worker threads, stdin) must print the
// same report; ASALOG_SUMMARY_PATH forces the path.
const dir = mkdtempSync(join(tmpdir(), 'asalog-paths-'));
const PATHS = ['records', 'scan', 'workers'] as const;

async function summaryJson(args: string[], path: string, input?: Buffer): Promise<string> {
  const r = await runCli(['summary', '-o', 'json', ...args], { env: { ASALOG_SUMMARY_PATH: path }, input });
  assert.ok(r.code === 0 || (r.code === 2 && /no such file/.test(r.stderr)), r.stderr);
  return r.stdout.toString() + r.stderr;
}

// In-process (no spawn per file) for the many small corpus files: records against the scanner.
const catalog = loadCatalog();
async function inProcess(file: string, path: 'records' | 'scan'): Promise<string> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (d: Buffer) => chunks.push(d));
  const io = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: { ASALOG_SUMMARY_PATH: path }, signal: new AbortController().signal };
  await runSummary([file], { output: 'json', top: 10, by: 'id', lang: 'en', year: 2026 }, catalog, createPalette(false), io);
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
  const outs = await Promise.all(PATHS.map((p) => runCli(['summary', '-o', 'json', '--max-line', '40', tricky], { env: { ASALOG_SUMMARY_PATH: p } })));
  for (const r of outs) {
    assert.equal(r.stdout.toString(), outs[0]!.stdout.toString());
    assert.equal(r.stderr, outs[0]!.stderr);
  }
  assert.match(outs[0]!.stderr, /tricky-long\.log:1: line longer than 40 bytes/);
});

test('summary: the same report on every path for a generated log', async () => {
  const log = join(dir, 'generated.log');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'generate.ts'), '--lines', '30000', '--seed', '3', '--out', log], { cwd: ROOT });
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
