import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSV_COLUMNS, csvField } from '../../src/render/record.ts';
import { parseCsv } from '../fixtures/rfc4180.ts';
import { runCli } from '../helpers.ts';

test('csvField: a cell a spreadsheet would run as a formula gets a leading quote and is quoted', () => {
  for (const s of ['=1+2', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', `=HYPERLINK("http://x","y")`]) {
    const cell = csvField(s);
    assert.equal(parseCsv(`${cell}\r\n`)[0]![0], `'${s}`, JSON.stringify(s));
  }
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a "b", c'), '"a ""b"", c"');
  assert.equal(csvField(-5), '-5', 'a number is written as it is');
  assert.equal(csvField(false), 'false');
  assert.equal(csvField(null), '');
});

test('-o csv of hostile lines: the formula is inert, the columns stay in place, RFC 4180 round trip', async () => {
  const lines = [
    `<164>Nov 20 2026 10:01:02 fw-1 : %ASA-4-106023: =cmd|' /C calc'!A0`,
    `<164>Nov 20 2026 10:01:02 fw-1 : %ASA-4-106023: @SUM(1+1)*cmd|' /C calc'!A0, "quoted"`,
    `=2+5 a line with no tag`,
    `-1 another, with a comma`,
  ];
  const r = await runCli(['-o', 'csv'], { input: `${lines.join('\n')}\n` });
  assert.equal(r.code, 0, r.stderr);
  const rows = parseCsv(r.stdout.toString());
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, lines.length + 1);
  const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
  for (const [i, row] of rows.slice(1).entries()) {
    assert.equal(row.length, CSV_COLUMNS.length);
    for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `row ${i + 1}: ${cell}`);
    const raw = row[col('raw')]!;
    assert.equal(raw.replace(/^'(?=[=+\-@\t\r])/, ''), lines[i], 'the raw line, less the quote, is the line');
  }
  assert.equal(rows[1]![col('message')], `'=cmd|' /C calc'!A0`);
  assert.equal(rows[2]![col('message')], `'@SUM(1+1)*cmd|' /C calc'!A0, "quoted"`);
});

test('-o csv --fields adds canonical fields as columns, the same names for every message', async () => {
  const lines = [
    '<164>Nov 20 2026 10:01:02 fw-1 : %ASA-4-106023: Deny tcp src outside:198.51.100.7/51544 dst inside:10.0.0.5/22 by access-group "OUTSIDE_IN" [0x0, 0x0]',
    '<166>Nov 20 2026 10:01:03 fw-1 : %ASA-6-722051: Group <GP> User <alice> IP <198.51.100.40> IPv4 Address <10.99.0.7> IPv6 address <::> assigned to session',
    '<166>Nov 20 2026 10:01:04 fw-1 : %ASA-6-605004: Login denied from 198.51.100.9/51215 to outside:203.0.113.1/ssh for user "root"',
    'no tag here',
  ];
  const r = await runCli(['-o', 'csv', '--fields', 'src_ip,dst_port,user,action', '-'], { input: `${lines.join('\n')}\n` });
  assert.equal(r.code, 0, r.stderr);
  const rows = parseCsv(r.stdout.toString());
  assert.deepEqual(rows[0], [...CSV_COLUMNS, 'src_ip', 'dst_port', 'user', 'action']);
  const extra = rows.slice(1).map((row) => row.slice(CSV_COLUMNS.length));
  assert.deepEqual(extra, [
    ['198.51.100.7', '22', '', 'denied'],
    ['198.51.100.40', '', 'alice', ''],
    ['198.51.100.9', '22', 'root', 'denied'],
    ['', '', '', ''],
  ]);
});

test('--fields: an unknown name is a usage error with the closest one; without -o csv it says what to use', async () => {
  const typo = await runCli(['-o', 'csv', '--fields', 'srcip', '-'], { input: '' });
  assert.equal(typo.code, 1);
  assert.match(typo.stderr.toString(), /"srcip" is not a canonical field; did you mean src_ip\?/);
  const json = await runCli(['-o', 'json', '--fields', 'src_ip', '-'], { input: '' });
  assert.equal(json.code, 1);
  assert.match(json.stderr.toString(), /--fields chooses CSV columns: use it with -o csv/);
});
