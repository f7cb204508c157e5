import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadCatalog } from '../../src/catalog/load.ts';
import { addFields, classifyLine } from '../../src/classify/line.ts';
import { PLAIN_PALETTE } from '../../src/render/palette.ts';
import { renderCompact, renderText } from '../../src/render/text-view.ts';
import { displayWidth, fitWidth } from '../../src/render/width.ts';
import { BIN, ROOT, runCli } from '../helpers.ts';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'sample.log');
const catalog = loadCatalog({});
const record = (line: string) => {
  const r = classifyLine(line, 'f.log', 1, catalog, { year: 2026 }, {});
  addFields(r, catalog);
  return r;
};
const DENY = '<164>Nov 20 2026 09:58:02 fw-edge-1 : %ASA-4-106023: Deny tcp src outside:203.0.113.200/61000 dst inside:10.10.1.5/3389 by access-group "OUTSIDE_IN" [0x0, 0x0]';
const ANYCONNECT = '<166>Nov 20 2026 09:58:07 fw-edge-1 : %ASA-6-722051: Group <RA-USERS> User <alice> IP <203.0.113.54> IPv4 Address <10.99.0.12> IPv6 address <::> assigned to session';

describe('width', () => {
  test('wide characters take two columns, and a cut never splits one', () => {
    assert.equal(displayWidth('ab'), 2);
    assert.equal(displayWidth('指摘'), 4);
    assert.equal(fitWidth('指摘されたアドレス', 6), '指摘…');
    assert.equal(fitWidth('abcdef', 4), 'abc…');
    assert.equal(fitWidth('abc', 4), 'abc');
  });
});

describe('the text view at a width', () => {
  for (const width of [60, 80, 100, 132, 200]) {
    for (const lang of ['en', 'ja', 'zh'] as const) {
      test(`${width} columns, ${lang}: one row, columns aligned, the line before the meaning`, () => {
        for (const line of [DENY, ANYCONNECT, 'Nov 20 09:58:30 syslog-relay CRON[2211]: (root) CMD (/usr/local/bin/rotate-logs)']) {
          const out = renderText(record(line), catalog, lang, PLAIN_PALETTE, { width });
          assert.ok(out.endsWith('\n') && !out.slice(0, -1).includes('\n'));
          assert.ok(displayWidth(out.slice(0, -1)) <= Math.max(width, 39 + 30), `${displayWidth(out)} > ${width}: ${out}`);
        }
        const a = renderText(record(DENY), catalog, lang, PLAIN_PALETTE, { width });
        const b = renderText(record(ANYCONNECT), catalog, lang, PLAIN_PALETTE, { width });
        assert.equal(a.indexOf('106023'), b.indexOf('722051'), 'the ID column');
        assert.equal(a.indexOf('Deny'), b.indexOf('Group <'), 'the line column');
      });
    }
  }

  test('no width (a pipe): the whole line and the meaning, as before', () => {
    const out = renderText(record(DENY), catalog, 'en', PLAIN_PALETTE, { width: null });
    assert.ok(out.includes(DENY));
    assert.match(out, /  — \S/);
  });

  test('a category longer than its column is cut, so the ID stays in line', () => {
    const line = '<164>Nov 20 2026 09:58:02 fw-1 : %ASA-4-733100: [ Scanning] drop rate-1 exceeded. Current burst rate is 12 per second';
    const out = renderText(record(line), catalog, 'en', PLAIN_PALETTE, { width: null });
    assert.equal(out.indexOf('733100'), renderText(record(DENY), catalog, 'en', PLAIN_PALETTE, { width: null }).indexOf('106023'));
  });

  test('--compact: time, host, severity, ID, message; no header and no meaning', () => {
    assert.equal(renderCompact(record(DENY), PLAIN_PALETTE, { width: null }),
      '2026-11-20 09:58:02 fw-edge-1    warn 106023 Deny tcp src outside:203.0.113.200/61000 dst inside:10.10.1.5/3389 by access-group "OUTSIDE_IN" [0x0, 0x0]\n');
    assert.ok(displayWidth(renderCompact(record(DENY), PLAIN_PALETTE, { width: 80 }).trimEnd()) <= 80);
  });
});

describe('the text view on a real terminal (script gives a pseudo-terminal)', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  const onTerminal = (cols: number, args: string) => {
    const r = spawnSync('script', ['-qec', `stty cols ${cols}; "${process.execPath}" "${BIN}" ${args}`, '/dev/null'], { env: { PATH: process.env.PATH, TERM: 'xterm', NO_COLOR: '1' }, timeout: 30_000 });
    return r.stdout.toString().replace(/\r/g, '').split('\n').filter(Boolean);
  };

  test('80 columns: each record is one row of at most 80 columns', (t) => {
    if (!hasScript) return t.skip('util-linux `script` not installed');
    const rows = onTerminal(80, `-o text "${SAMPLE}"`);
    assert.equal(rows.length, 40);
    for (const row of rows) assert.ok(displayWidth(row) <= 80, `${displayWidth(row)}: ${row}`);
  });

  test('--compact on a terminal: fitted too', (t) => {
    if (!hasScript) return t.skip('util-linux `script` not installed');
    const rows = onTerminal(100, `--compact "${SAMPLE}"`);
    assert.equal(rows.length, 40);
    assert.match(rows[0]!, /^2026-11-20 09:58:01 fw-edge-1 +info 302013 Built inbound TCP/);
    for (const row of rows) assert.ok(displayWidth(row) <= 100, row);
  });

  test('into a pipe (as into less -R), with colour asked for: whole lines, as before', async () => {
    const r = await runCli(['-o', 'text', '--color', 'always', SAMPLE]);
    const rows = r.stdout.toString().split('\n').filter(Boolean);
    assert.ok(rows.some((row) => row.includes('(203.0.113.15/443)')), 'the end of a long line is there');
    assert.match(rows[0]!, /\x1b\[/);
    const wrong = await runCli(['--compact', '-o', 'json', SAMPLE]);
    assert.equal(wrong.code, 1);
  });
});
