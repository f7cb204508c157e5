import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv } from '../fixtures/rfc4180.ts';
import { runCli } from '../helpers.ts';

const COLUMNS = ['id', 'severity', 'severity_name', 'category', 'category_title', 'platforms', 'origin', 'variants', 'format',
  'explanation_en', 'action_en', 'explanation_ja', 'action_ja', 'explanation_zh', 'action_zh'];

type Row = Record<string, string | number>;

test('catalog export --format json: one row per ID with every column', async () => {
  const r = await runCli(['catalog', 'export', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout.toString()) as Row[];
  assert.ok(rows.length > 1000, `${rows.length} rows`);
  assert.equal(new Set(rows.map((x) => x.id)).size, rows.length);
  for (const row of rows) assert.deepEqual(Object.keys(row), COLUMNS);
  const ftd = rows.find((x) => x.id === '430003');
  assert.ok(ftd);
  assert.equal(ftd.severity, 1);
  assert.equal(ftd.severity_name, 'alerts');
  assert.equal(ftd.category, 'ftd-events');
  assert.equal(ftd.origin, 'supplement');
  assert.match(String(ftd.format), /AccessControlRuleAction: rule_action/);
  assert.notEqual(ftd.explanation_en, '');
});

test('catalog export (csv is the default): RFC 4180, the same rows as the JSON', async () => {
  const [csv, json] = await Promise.all([runCli(['catalog', 'export']), runCli(['catalog', 'export', '--format', 'json'])]);
  assert.equal(csv.code, 0, csv.stderr);
  const [header, ...rows] = parseCsv(csv.stdout.toString());
  assert.deepEqual(header, COLUMNS);
  const expected = JSON.parse(json.stdout.toString()) as Row[];
  assert.equal(rows.length, expected.length);
  for (const [i, row] of rows.entries()) {
    assert.equal(row.length, COLUMNS.length, `row ${i + 1}`);
    assert.deepEqual(row, COLUMNS.map((c) => String(expected[i]![c])), `row ${i + 1}`);
  }
  assert.ok(rows.some((row) => row.some((f) => f.includes(','))), 'some fields hold commas and survived quoting');
});

test('catalog export --catalog adds a user catalog; an unknown format is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'asalog-export-'));
  const file = join(dir, 'catalog.json');
  writeFileSync(file, JSON.stringify({ messages: [{
    id: '999901', severity: 4, category: 'local', platforms: ['ASA'],
    variants: [{ format: 'Widget "w", broke: reason', docs: { en: { explanation: 'A widget broke.', action: 'Fix it, then "retry".', variables: [] } } }],
  }] }));
  const r = await runCli(['catalog', 'export', '--format', 'csv', '--catalog', file]);
  assert.equal(r.code, 0, r.stderr);
  const row = parseCsv(r.stdout.toString()).find((x) => x[0] === '999901');
  assert.ok(row, r.stderr);
  assert.equal(row[COLUMNS.indexOf('origin')], 'user');
  assert.equal(row[COLUMNS.indexOf('format')], 'Widget "w", broke: reason');
  assert.equal(row[COLUMNS.indexOf('action_en')], 'Fix it, then "retry".');
  const bad = await runCli(['catalog', 'export', '--format', 'xml']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /csv|json/);
  assert.equal(bad.stdout.length, 0);
});
