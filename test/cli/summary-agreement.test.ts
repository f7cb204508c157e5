import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { canonical, expectSummary, normaliseReport, type LineFacts } from '../fixtures/summary/expect-summary.ts';
import { parseCsv } from '../fixtures/rfc4180.ts';
import { HAVE_CORPUS, NO_CORPUS, corpusLogs, runCli } from '../helpers.ts';

// The summary must tell the same story as the stream view: for every corpus file, the figures of
// `summary -o json` equal what counting the stream view's `-o json` records gives.

interface StreamRecord {
  file: string;
  timestamp: string | null;
  host: string | null;
  severity: number | null;
  defaultSeverity: number | null;
  id: string | null;
  category: string | null;
  known: boolean;
  repeat?: number;
}

const FILES = corpusLogs();

function facts(r: StreamRecord): LineFacts {
  if (r.id !== null) assert.notEqual(r.severity, null, `a tagged record without a severity: ${JSON.stringify(r)}`);
  return {
    time: r.timestamp === null ? null : Date.parse(r.timestamp),
    host: r.host,
    id: r.id,
    severity: r.severity,
    repeat: r.id === null ? 1 : r.repeat ?? 1,
    known: r.known,
    category: r.category,
    documented: r.known ? r.defaultSeverity : null,
  };
}

async function json(args: string[]): Promise<unknown> {
  const r = await runCli(args);
  assert.equal(r.code, 0, `asalog ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout.toString());
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

describe('summary agrees with the stream view on the corpus', { skip: HAVE_CORPUS ? false : NO_CORPUS }, () => {
  const byFile = new Map<string, StreamRecord[]>();
  let all: StreamRecord[] = [];

  before(async () => {
    const r = await runCli(['-o', 'json', ...FILES]);
    assert.equal(r.code, 0, r.stderr);
    all = r.stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as StreamRecord);
    for (const f of FILES) byFile.set(f, []);
    for (const rec of all) byFile.get(rec.file)!.push(rec);
  });

  test('the corpus is there and every file gave records', () => {
    assert.ok(FILES.length >= 30, `only ${FILES.length} corpus files`);
    for (const [f, recs] of byFile) assert.ok(recs.length > 0, `${f}: no records`);
  });

  test('every corpus file, one summary each: same lines, messages, severities, categories, IDs, hosts, times, timeline', async () => {
    const reports = await pool(FILES, 8, (f) => json(['summary', '-o', 'json', f]));
    let checked = 0;
    FILES.forEach((f, i) => {
      const report = reports[i] as Record<string, unknown>;
      assert.deepEqual(report.files, [f]);
      assert.deepEqual(normaliseReport(report), canonical(expectSummary(byFile.get(f)!.map(facts))), f);
      checked++;
    });
    assert.equal(checked, FILES.length);
  });

  test('all corpus files in one summary: the same figures as all records together, files in order', async () => {
    const report = (await json(['summary', '-o', 'json', ...FILES])) as Record<string, unknown>;
    assert.deepEqual(report.files, FILES);
    const expected = expectSummary(all.map(facts));
    assert.deepEqual(normaliseReport(report), canonical(expected));
    // Invariants the README states, on real data.
    assert.equal(expected.classified + expected.unparsed, expected.lines);
    assert.equal(expected.known + expected.unknown, expected.messages);
    assert.ok(expected.messages > expected.classified, 'the corpus has a `message repeated` line');
  });

  for (const path of ['records', 'scan', 'workers']) {
    test(`all corpus files by the ${path} path (ASALOG_SUMMARY_PATH): the same figures`, async () => {
      const r = await runCli(['summary', '-o', 'json', ...FILES], { env: { ASALOG_SUMMARY_PATH: path } });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(normaliseReport(JSON.parse(r.stdout.toString()) as Record<string, unknown>), canonical(expectSummary(all.map(facts))));
    });
  }

  test('a filter (-s 0-4) gives the same figures in both views', async () => {
    const filtered = (await runCli(['-o', 'json', '-s', '0-4', ...FILES])).stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as StreamRecord);
    const report = (await json(['summary', '-o', 'json', '-s', '0-4', ...FILES])) as Record<string, unknown>;
    assert.ok(filtered.length > 0);
    assert.deepEqual(normaliseReport(report), canonical(expectSummary(filtered.map(facts))));
  });

  test('--by id|category|severity|host as CSV: every row agrees with the records', async () => {
    const e = expectSummary(all.map(facts));
    const csv = async (by: string) => {
      const r = await runCli(['summary', '-o', 'csv', '--by', by, ...FILES]);
      assert.equal(r.code, 0, r.stderr);
      const [head, ...rows] = parseCsv(r.stdout.toString());
      return { head, rows };
    };
    const [id, category, severity, host] = await Promise.all(['id', 'category', 'severity', 'host'].map(csv));
    assert.deepEqual(id!.head?.slice(0, 6), ['id', 'count', 'severity', 'loggedSeverity', 'category', 'known']);
    assert.deepEqual(
      id!.rows.map((r) => [r[0], Number(r[1]), Number(r[2]), Number(r[3]), r[4], r[5] === 'true']).sort(),
      e.ids.map((i) => [i.id, i.count, i.severity, i.loggedSeverity, i.category, i.known]).sort());
    assert.deepEqual(Object.fromEntries(category!.rows.map((r) => [r[0], Number(r[2])])), e.categories);
    assert.deepEqual(Object.fromEntries(severity!.rows.map((r) => [r[0], Number(r[2])])), e.severity);
    assert.deepEqual(
      host!.rows.map((r) => [r[0], Number(r[1]), Number(r[2])]).sort(),
      e.hosts.map((h) => [h.host, h.count, h.worstSeverity]).sort());
  });
});

// Lines that sit at the edges of the parser, where a byte-level counter could part from the records.
const TRICKY: (string | Buffer)[] = [
  'Nov 20 10:00:00 fw-1 %ASA-6-302013: CRLF\r',
  'Nov 20 10:00:01 fw-1 sshd: prose that mentions %ASA-4-106023: in passing',
  'Nov 20 10:00:02 fw-1 x%ASA-4-106023: glued to a word',
  '<190>Nov 20 10:00:03 fw-2 %ASA-6-302013: one header, two PRIs',
  '<187>Nov 20 10:00:03 fw-2 %ASA-3-302013: one header, two PRIs',
  'Nov 20 10:00:04 fw\u00e9-3 %ASA-5-111008: UTF-8 host',
  Buffer.concat([Buffer.from('Nov 20 10:00:05 fw-4 %ASA-5-111008: invalid UTF-8 '), Buffer.from([0xff, 0xfe])]),
  'Nov 20 10:00:06 fw-4\t%ASA-5-111008: tab',
  '\u0000\u0000 NUL %ASA-2-106001: after NULs',
  'Nov 20 10:00:07 fw-5 %ASA-auth-6-113005: class infix',
  'Nov 20 10:00:08 fw-5 %FTD--6-113005: empty class',
  'Nov 20 10:00:09 fw-5 %Threat Defense-6-113005: new name',
  'Nov 20 10:00:10 fw-5 ASA-6-113005: no percent',
  'Nov 20 10:00:11 fw-5 %ASA-6-302013 no colon',
  'Nov 20 10:00:12 fw-5 %ASA-6-3020131: seven digits',
  'Nov 31 10:00:13 fw-6 %ASA-6-302013: no such day',
  'Nov 20 24:00:15 fw-6 %ASA-6-302013: hour 24',
  'Nov 20 10:00:60 fw-6 %ASA-6-302013: leap second',
  'Nov 20 10:00:16.123456 fw-6 %ASA-6-302013: microseconds',
  'Nov 20 10:00:17 EDT: fw-7 %ASA-6-302013: zone abbreviation',
  'Nov 20 2026 10:00:18 CEST fw-7 : %ASA-6-302013: zone after the time',
  'Nov 20 10:00:19 fw-8 %ASA-6-302013: message repeated 4 times: [ after the tag]',
  'Nov 20 10:00:21 fw-8 message repeated 99999 times: [ %ASA-6-302013: many]',
  '<13>1 - - - - - - %ASA-6-302013: RFC 5424, every field nil',
  '2026-11-20 10:00:22 fw-9 %ASA-6-302013: ISO with a space',
  '190: Nov 20 10:00:23 fw-9 %ASA-6-302013: sequence number',
  '%ASA-6-302013:',
  '',
  'no newline at the end %ASA-7-710005: last',
];

describe('summary agrees with the stream view on tricky lines, by every path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asalog-agree-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'tricky.log');
  writeFileSync(file, Buffer.concat(TRICKY.map((l, i) => Buffer.concat([Buffer.from(l), Buffer.from(i < TRICKY.length - 1 ? '\n' : '')]))));

  for (const path of ['records', 'scan', 'workers']) {
    test(path, async () => {
      const recs = (await runCli(['-o', 'json', '--year', '2026', file])).stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as StreamRecord);
      assert.equal(recs.length, TRICKY.length);
      const r = await runCli(['summary', '-o', 'json', '--year', '2026', file], { env: { ASALOG_SUMMARY_PATH: path } });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(normaliseReport(JSON.parse(r.stdout.toString()) as Record<string, unknown>), canonical(expectSummary(recs.map(facts))));
    });
  }
});
