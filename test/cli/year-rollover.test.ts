import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseLine } from '../../src/parse/line.ts';
import { yearContext } from '../../src/parse/year-context.ts';
import { runCli } from '../helpers.ts';

// A file rotated just after midnight on New Year's Day holds last year's December.
const ROTATED = new Date('2027-01-01T00:10:00Z');
const LINES = ['Dec 31 23:59:59 fw-1 %ASA-6-302013: last of the year', 'Jan  1 00:00:05 fw-1 %ASA-6-302013: first of the next'];
const EXPECTED = ['2026-12-31T23:59:59.000Z', '2027-01-01T00:00:05.000Z'];

const dir = mkdtempSync(join(tmpdir(), 'asalog-year-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'fw.log.1');
writeFileSync(file, `${LINES.join('\n')}\n`);
utimesSync(file, ROTATED, ROTATED);

test('a yearless date more than two days after the file was last written is last year\'s', () => {
  const ctx = { year: 2027, notAfter: ROTATED.getTime() };
  assert.deepEqual(LINES.map((l) => parseLine(l, ctx).timestamp), EXPECTED);
  // within two days of the bound the year stands (zones and clock skew), and a written year always does
  assert.equal(parseLine('Jan  2 23:00:00 fw %ASA-6-302013: x', ctx).timestamp, '2027-01-02T23:00:00.000Z');
  assert.equal(parseLine('Dec 31 2027 23:59:59 fw %ASA-6-302013: x', ctx).timestamp, '2027-12-31T23:59:59.000Z');
  // no bound (--year, stdin, --follow): the year as given
  assert.equal(parseLine(LINES[0]!, { year: 2027 }).timestamp, '2027-12-31T23:59:59.000Z');
});

test('the bound comes from a finished file only: not from --year, stdin or a followed file', () => {
  assert.deepEqual(yearContext(2025, ROTATED), { year: 2025 });
  assert.deepEqual(yearContext(undefined, ROTATED), { year: 2027, notAfter: ROTATED.getTime() });
  assert.deepEqual(yearContext(undefined, null), { year: new Date().getFullYear() });
});

test('every path of the stream view and the summary dates the rotated file the same way', async () => {
  for (const path of ['single', 'workers']) {
    const r = await runCli(['-o', 'json', file], { env: { ASALOG_STREAM_PATH: path } });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.toString().trim().split('\n').map((l) => JSON.parse(l).timestamp), EXPECTED, path);
  }
  for (const path of ['records', 'scan', 'workers']) {
    const r = await runCli(['summary', '-o', 'json', file], { env: { ASALOG_SUMMARY_PATH: path } });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout.toString());
    assert.deepEqual([report.first, report.last, report.spanSeconds], [...EXPECTED, 6], path);
  }
  const given = await runCli(['-o', 'json', '--year', '2027', file]);
  assert.equal(JSON.parse(given.stdout.toString().split('\n')[0]!).timestamp, '2027-12-31T23:59:59.000Z', '--year is taken as given');
});
