import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test, type TestContext } from 'node:test';
import { mergeLayers } from '../../src/catalog/load.js';
import type { CatalogEntry } from '../../src/catalog/types.js';
import { categoryOf } from '../../src/catalog/categories.js';
import { escapeHtml } from '../../src/render/html/escape.js';
import { renderSummaryHtml } from '../../src/render/html/report.js';
import { countsFromTally, emptyCounts } from '../../src/summary/counts.js';
import { Tally, type SummaryInput } from '../../src/summary/tally.js';
import { buildReport } from '../../src/summary/report.js';
import type { SummaryReport } from '../../src/render/summary-report.js';
import { ROOT, runCli } from '../helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const HOSTILE = '<script>alert(1)</script>';

const entry = (id: string, severity: number, explanation: string): CatalogEntry => ({
  id, severity, category: categoryOf(id), platforms: ['ASA'], notes: [],
  variants: [{ format: `%ASA-${severity}-${id}`, docs: { en: { explanation, action: '', variables: [], source: 'test:1' } } }],
});

const catalog = mergeLayers([{ origin: 'documents', file: 'test', entries: [
  entry('106023', 4, 'Deny packet by access list. More text.'),
  entry('302013', 6, 'A TCP connection slot between two hosts was created.'),
  entry('713902', 3, 'An IPsec error occurred & was <logged>.'),
] }]);

const at = (hhmmss: string): number => Date.parse(`2026-11-20T${hhmmss}Z`);
const line = (time: number | null, host: string | null, id: string | null, severity: number | null, repeat = 1): SummaryInput =>
  ({ file: 'fw.log', time, host, id, severity, repeat });

// 10 lines, 2 unparsed, 10 messages (one line repeated 3 times), 1 unknown, 3 hosts, 09:58:01-10:02:31
const INPUT = [
  line(at('09:58:01'), 'fw-edge-1', '302013', 6),
  line(at('09:58:01'), 'fw-edge-1', '302013', 6),
  line(at('09:58:02'), 'fw-edge-1', '106023', 4),
  line(at('09:59:10'), 'fw-edge-1', '106023', 4, 3),
  line(at('10:00:05'), 'fw-edge-2', '713902', 3),
  line(at('10:02:30'), HOSTILE, '999999', 2),
  line(at('10:02:31'), 'fw-edge-2', '302013', 5),
  line(null, null, null, null),
  line(null, null, null, null),
  line(null, 'fw-edge-1', '106023', 4),
];

/**
 * A report opened in headless Chromium, closed when the test ends: the page, and every console
 * error or warning, page error, dialog and request for anything but the file itself.
 */
async function openInChromium(t: TestContext, dir: string, file: string) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  t.after(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`); });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, problems };
}

function sampleReport() {
  const tally = new Tally();
  for (const input of INPUT) tally.add(input);
  return buildReport(countsFromTally(tally.take(), catalog), catalog, 'en');
}

describe('summary HTML (static)', () => {
  test('log text is escaped everywhere, so a hostile host name stays text', () => {
    const html = renderSummaryHtml(sampleReport(), catalog, 'en');
    assert.ok(!html.includes(HOSTILE), 'raw <script> from the log reached the page');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('An IPsec error occurred &amp; was &lt;logged&gt;.'));
    assert.equal(html.match(/<script/g)?.length, 1, 'only the report\'s own script');
  });

  test('escapeHtml covers attributes and makes control and bidi characters visible', () => {
    assert.equal(escapeHtml(`"a' & <b>`), '&quot;a&#39; &amp; &lt;b&gt;');
    assert.equal(escapeHtml('evil\u202eexe.log\u001b[31m'), 'evil\\u202eexe.log\\x1b[31m');
  });

  test('the page is self-contained: a CSP that forbids fetching, no external URL', () => {
    const html = renderSummaryHtml(sampleReport(), catalog, 'en');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(html, /\b(?:src|href)=|@import|url\(|https?:\/\//);
  });

  test('an empty report renders without NaN or Infinity', () => {
    const html = renderSummaryHtml(buildReport(emptyCounts(), catalog, 'en'), catalog, 'en');
    assert.doesNotMatch(html, /NaN|Infinity/);
    assert.match(html, /No timestamped messages/);
  });

  test('a file name from the command line is escaped too', () => {
    const counts = emptyCounts();
    counts.files.push('"><img onerror=alert(1)>.log');
    const html = renderSummaryHtml(buildReport(counts, catalog, 'en'), catalog, 'en');
    assert.ok(!html.includes('<img'));
  });
});

describe('summary HTML in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asalog-html-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('loads cleanly and shows the totals, charts and tables', async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip('chromium not installed: apt-get install chromium');
      return;
    }
    const report = sampleReport();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderSummaryHtml(report, catalog, 'en'));
    const { page, problems } = await openInChromium(t, dir, file);

    const shown = async (id: string) => (await page.getByTestId(id).textContent())?.trim();
    const expected: Record<string, string> = {
      lines: '10', classified: '8', unparsed: '2', messages: '10', known: '9', unknown: '1', files: '1', hosts: '3',
      first: '2026-11-20 09:58:01', last: '2026-11-20 10:02:31', span: '4m 30s',
    };
    for (const [id, value] of Object.entries(expected)) assert.equal(await shown(id), value, id);

    const count = (selector: string) => page.locator(selector).count();
    assert.equal(report.timeline.length, 5);
    assert.equal(await count('[data-testid="chart-timeline"] g.col'), 5);
    assert.equal(await count('[data-testid="chart-timeline"] rect.seg-errors'), 2, 'errors+ at 10:00 and 10:02');
    assert.equal(await count('[data-testid="chart-severity"] rect.bar'), 8);
    assert.equal(await count('[data-testid="chart-ids"] rect.bar'), 4);
    assert.equal(await count('[data-testid="chart-categories"] .slice'), Object.keys(report.categories).length);
    assert.equal(await count('[data-testid="table-ids"] tbody tr.unknown'), 1);
    assert.equal(await count('[data-testid="table-overrides"] tbody tr'), 1);
    assert.equal(await page.locator('[data-testid="table-unknown"] tbody td').first().textContent(), '999999');
    assert.equal(await page.locator('[data-testid="table-hosts"] tbody tr', { hasText: 'script' }).locator('td').first().textContent(), HOSTILE);

    const hostOrder = () => page.locator('[data-testid="table-hosts"] tbody tr td:first-child').allTextContents();
    assert.deepEqual(await hostOrder(), ['fw-edge-1', 'fw-edge-2', HOSTILE]);
    await page.locator('[data-testid="table-hosts"] th', { hasText: 'host' }).click();
    assert.deepEqual(await hostOrder(), [HOSTILE, 'fw-edge-1', 'fw-edge-2'], 'sorting by host name works');

    assert.deepEqual(problems, []);
  });

  test('summary --sections: a panel per section, a chart of its first table, every table as in the JSON', async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip('chromium not installed: apt-get install chromium');
      return;
    }
    const file = join(dir, 'sections.html');
    const sample = join(ROOT, 'test', 'fixtures', 'sample.log');
    const json = await runCli(['summary', '--sections', '-o', 'json', '--html', file, sample]);
    assert.equal(json.code, 0, json.stderr.toString());
    const report = JSON.parse(json.stdout.toString()) as SummaryReport;
    const { page, problems } = await openInChromium(t, dir, file);
    assert.equal(report.happened?.length, 6);
    for (const h of report.happened!) {
      assert.equal(await page.locator(`#happened-${h.key} h2`).count(), 1, h.key);
      for (const tb of h.tables) assert.ok(tb.rows.length > 0, `${h.key} ${tb.title}`);
      for (const [k, tb] of h.tables.entries()) {
        assert.equal(await page.locator(`[data-testid="table-${h.key}-${k}"] tbody tr`).count(), tb.rows.length, `${h.key} ${tb.title}`);
      }
    }
    const denied = report.happened!.find((h) => h.key === 'denied')!;
    assert.equal(await page.locator('[data-testid="chart-denied"] rect.bar').count(), denied.tables[0]!.rows.length);
    assert.equal(await page.locator('[data-testid="table-denied-0"] tbody tr td').first().textContent(), String(denied.tables[0]!.rows[0]![0]));
    assert.deepEqual(problems, []);
  });
});

// Log text and file names are the attacker's: whatever they carry, no script of theirs runs, no
// request leaves the page, and each shows as the text it is.
describe('summary HTML with hostile text in every slot, in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asalog-html-hostile-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const ATTACKS = [
    '<script>window.__pwned = "script"</script>',
    '"><img src=x onerror="window.__pwned=\'img\'">',
    "' onmouseover='window.__pwned=\"attr\"' x='",
    'javascript:window.__pwned="url"',
    '</style><style>body{background:url(http://127.0.0.1:9/css)}</style>',
    '<svg onload="window.__pwned=\'svg\'"></svg>',
    '<a href="javascript:window.__pwned=\'href\'">click</a>',
    '</title></head><body onload="window.__pwned=\'body\'">',
    '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">',
  ];

  test('no attack runs, loads anything or breaks the page; each is shown as text', async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip('chromium not installed: apt-get install chromium');
      return;
    }
    const hostileCatalog = mergeLayers([{ origin: 'user', file: 'hostile', entries: ATTACKS.map((a, i) => entry(String(324910 + i), 3, `${a} explained.`)) }]);
    const tally = new Tally();
    ATTACKS.forEach((a, i) => {
      tally.add({ file: a, time: at(`10:0${i}:00`), host: a, id: String(324910 + i), severity: 3, repeat: 1 });
      tally.add({ file: a, time: at(`10:0${i}:30`), host: a, id: String(999900 + i), severity: 2, repeat: 1 });
    });
    const counts = countsFromTally(tally.take(), hostileCatalog);
    counts.files.push(...ATTACKS);
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderSummaryHtml(buildReport(counts, hostileCatalog, 'en'), hostileCatalog, 'en'));

    // (a CSP violation is a console error: it would mean markup got through and was only stopped by the policy)
    const { page, problems } = await openInChromium(t, dir, file);
    // hover and click every row, where handlers would fire
    for (const row of await page.locator('tbody tr').all()) {
      await row.hover();
      await row.click({ trial: false }).catch(() => undefined);
    }
    await page.waitForTimeout(200);
    assert.equal(page.url(), pathToFileURL(file).href, 'the page did not navigate away');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.equal(await page.locator('img, iframe, object, embed, a[href], meta[http-equiv="refresh"], [onerror], [onload], [onmouseover]').count(), 0, 'no element came from the log');
    const text = await page.locator('body').innerText();
    for (const a of ATTACKS) assert.ok(text.includes(a), `shown as text: ${a}`);
    assert.deepEqual(problems, []);
  });
});
