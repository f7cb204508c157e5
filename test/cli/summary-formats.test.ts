import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { expectSummary } from '../fixtures/summary/expect-summary.ts';
import { MEANING, generateLog, logText } from '../fixtures/summary/generated-log.ts';
import { parseCsv } from '../fixtures/rfc4180.ts';
import { ROOT, runCli } from '../helpers.ts';

// Each output format of `asalog summary`, on one generated log whose figures are known.

const CATALOG = join(ROOT, 'test', 'fixtures', 'summary', 'catalog.json');
const dir = mkdtempSync(join(tmpdir(), 'asalog-summary-formats-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const LOG = generateLog();
const LOG_FILE = join(dir, 'generated.log');
writeFileSync(LOG_FILE, logText(LOG));
const E = expectSummary(LOG);

// Cisco's level names (the `logging trap` keywords, plural as the ASA prints them).
const LEVEL = ['emergencies', 'alerts', 'critical', 'errors', 'warnings', 'notifications', 'informational', 'debugging'];
const share = (n: number, total: number) => `${((100 * n) / total).toFixed(1)}%`;
const ESC = '\u001b';

async function out(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await runCli(['summary', '--year', '2026', '--catalog', CATALOG, LOG_FILE, ...args], { env });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.toString();
}

/** cli-table3 boxes: title line, then rows `│ a │ b │`; returns the cells of each body row by section title. */
function boxTables(text: string): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i + 1]?.startsWith('┌')) continue;
    const rows: string[][] = [];
    for (let j = i + 2; j < lines.length && !lines[j]!.startsWith('└'); j++) {
      if (lines[j]!.startsWith('│')) rows.push(lines[j]!.split('│').slice(1, -1).map((c) => c.trim()));
    }
    tables.set(lines[i]!, rows);
  }
  return tables;
}

/** Markdown tables by `## ` title: header cells, then body rows; `\|` is a literal bar. */
function markdownTables(md: string): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  let title = '(top)';
  for (const line of md.split('\n')) {
    if (line.startsWith('## ')) title = line.slice(3);
    else if (line.startsWith('|') && !/^\|(-{3,}\|)+$/.test(line)) {
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
      tables.set(title, [...(tables.get(title) ?? []), cells]);
    }
  }
  return tables;
}

/** A long meaning is cut with an ellipsis: read a cut that the catalog's text starts with as that text. */
const uncut = (got: string, want: string) => (got.endsWith('…') && want.startsWith(got.slice(0, -1)) && got.length >= 40 ? want : got);
const uncutRows = (rows: string[][], col: number, wants: string[][]) => rows.map((r, n) => r.map((c, k) => (k === col ? uncut(c, wants[n]?.[k] ?? '') : c)));

// the level logged, with the documented default beside it when they differ
const sevCell = (i: (typeof E.ids)[number]) => (i.known && i.loggedSeverity !== i.severity ? `${i.loggedSeverity} (doc ${i.severity})` : String(i.loggedSeverity));
const idRow = (i: (typeof E.ids)[number]) =>
  [i.id, sevCell(i), i.category, String(i.count), share(i.count, E.messages), i.known ? MEANING[i.id]! : '(unknown ID)'];

describe('summary -o table (the default)', () => {
  test('NO_COLOR: not one ANSI code; totals as counted', async () => {
    const text = await out([]);
    assert.ok(!text.includes(ESC), 'ANSI escape in NO_COLOR output');
    const total = (k: string) => text.split('\n').find((l) => l.startsWith(`  ${k.padEnd(11)} `))?.slice(14);
    assert.equal(total('files'), LOG_FILE);
    assert.equal(total('lines'), String(E.lines));
    assert.equal(total('classified'), `${E.classified} (${share(E.classified, E.lines)})`);
    assert.equal(total('unparsed'), String(E.unparsed));
    assert.equal(total('messages'), `${E.messages}  known ${E.known} (${share(E.known, E.messages)})  unknown ${E.unknown}`);
    assert.equal(total('hosts'), String(E.hostCount));
    assert.equal(total('first'), E.first);
    assert.equal(total('last'), E.last);
    const s = E.spanSeconds!;
    assert.equal(total('span'), `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m ${s % 60}s`);
    assert.match(text, new RegExp(`Timeline \\(per hour, ${E.timeline[0]!.start} → ${E.timeline.at(-1)!.start}\\)`));
  });

  test('the top 15 IDs with severity, category, count, share and meaning; unknown IDs marked', async () => {
    const t = boxTables(await out([]));
    const ids = t.get('Messages by ID')!;
    assert.deepEqual(ids[0], ['id', 'sev', 'category', 'messages', 'share', 'meaning']);
    const want = E.ids.slice(0, 15).map(idRow);
    assert.deepEqual(uncutRows(ids.slice(1), 5, want), want);
    assert.deepEqual(t.get('Unknown IDs (not in the catalog)')!.slice(1).map((r) => r[0]), E.ids.filter((i) => !i.known).slice(0, 15).map((i) => i.id));
  });

  test('severity with Cisco level names and shares, categories with titles, hosts with worst severity, overrides with both levels', async () => {
    const t = boxTables(await out([]));
    assert.deepEqual(t.get('By severity')!.slice(1).map((r) => r.slice(0, 3)),
      LEVEL.map((name, l) => [`${l} ${name}`, String(E.severity[l]), share(E.severity[String(l)]!, E.messages)]));
    const cats = t.get('By category')!.slice(1);
    assert.deepEqual(Object.fromEntries(cats.map((r) => [r[0], Number(r[2])])), E.categories);
    assert.deepEqual(cats.find((r) => r[0] === 'access-lists')!.slice(1, 2), ['Access Lists']);
    assert.deepEqual(t.get('Hosts')!.slice(1).map((r) => [r[0], r[1], r[3]]).sort(),
      E.hosts.map((h) => [h.host, String(h.count), `${h.worstSeverity} ${LEVEL[h.worstSeverity!]}`]).sort());
    const overrides = t.get('Severity overrides (logged level differs from the documented default)')!.slice(1);
    assert.deepEqual(overrides.sort(), E.overrides.map((o) => [o.id, `${o.documented} ${LEVEL[o.documented]}`, `${o.logged} ${LEVEL[o.logged]}`, String(o.count)]).sort());
  });

  test('--color always does colour; NO_COLOR alone does not', async () => {
    assert.ok((await out(['--color', 'always'])).includes(ESC));
    assert.ok(!(await out([], { FORCE_COLOR: '1' })).includes(ESC), 'NO_COLOR (set by runCli) wins over FORCE_COLOR');
  });
});

describe('summary -o csv', () => {
  const csv = async (by?: string) => parseCsv(await out(['-o', 'csv', ...(by ? ['--by', by] : [])]));

  test('RFC 4180 with a header; by ID by default, every ID, quoting a meaning with a quote and a comma', async () => {
    const text = await out(['-o', 'csv']);
    assert.ok(text.includes('"A user failed ""AAA"" authentication, once more."'), 'quoted field');
    const [head, ...rows] = parseCsv(text);
    assert.deepEqual(head, ['id', 'count', 'severity', 'loggedSeverity', 'category', 'known', 'meaning']);
    const want = E.ids.map((i) => [i.id, String(i.count), String(i.severity), String(i.loggedSeverity), i.category, String(i.known), i.known ? MEANING[i.id]! : '']);
    // machine output is never cut
    assert.deepEqual(rows, want);
  });

  test('--by category | severity | host', async () => {
    const [cHead, ...cats] = await csv('category');
    assert.deepEqual(cHead, ['category', 'title', 'count']);
    assert.deepEqual(Object.fromEntries(cats.map((r) => [r[0], Number(r[2])])), E.categories);
    const [sHead, ...sevs] = await csv('severity');
    assert.deepEqual(sHead, ['severity', 'name', 'count']);
    assert.deepEqual(sevs, LEVEL.map((name, l) => [String(l), name, String(E.severity[l])]));
    const [hHead, ...hosts] = await csv('host');
    assert.deepEqual(hHead, ['host', 'count', 'worstSeverity']);
    assert.deepEqual(hosts.sort(), E.hosts.map((h) => [h.host, String(h.count), String(h.worstSeverity)]).sort());
  });
});

describe('summary -o markdown', () => {
  test('a totals table and the section tables, bars in text escaped', async () => {
    const md = await out(['-o', 'markdown']);
    assert.ok(md.startsWith('# asalog summary\n'));
    assert.ok(!md.includes(ESC));
    const t = markdownTables(md);
    const totals = Object.fromEntries(t.get('(top)')!.map((r) => [r[0], r[1]]));
    assert.equal(totals.lines, String(E.lines));
    assert.equal(totals.unparsed, String(E.unparsed));
    assert.equal(totals.hosts, String(E.hostCount));
    for (const [title, rows] of t) {
      assert.ok(rows.every((r) => r.length === rows[0]!.length), `${title}: a row with another number of cells (unescaped |?)`);
    }
    const ids = t.get('Messages by ID')!;
    assert.deepEqual(ids[0], ['id', 'sev', 'category', 'messages', 'share', 'meaning']);
    const want = E.ids.slice(0, 15).map(idRow);
    assert.deepEqual(uncutRows(ids.slice(1), 5, want), want);
    assert.ok(md.includes('(allow\\|deny)'));
    for (const title of ['By severity', 'By category', 'Hosts', 'Unknown IDs (not in the catalog)', 'Severity overrides (logged level differs from the documented default)']) {
      assert.ok(t.has(title), title);
    }
  });
});

describe('--by pivots the main table', () => {
  const firstSection = (md: string) => md.split('\n').find((l) => l.startsWith('## '))?.slice(3);
  const firstBox = (text: string) => [...boxTables(text).keys()][0];
  for (const [by, title] of [['id', 'Messages by ID'], ['category', 'By category'], ['severity', 'By severity'], ['host', 'Hosts']] as const) {
    test(`--by ${by}: "${title}" comes first in table and markdown`, async () => {
      assert.equal(firstBox(await out(['--by', by])), title);
      assert.equal(firstSection(await out(['-o', 'markdown', '--by', by])), title);
    });
  }
  test('--by id is the default; other pivots still list the top IDs', async () => {
    assert.equal(await out([]), await out(['--by', 'id']));
    assert.ok(boxTables(await out(['--by', 'host'])).has('Top 15 IDs'));
  });
  test('--by other is a usage error naming the choices', async () => {
    const r = await runCli(['summary', '--by', 'colour', LOG_FILE]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /id, category, severity, host/);
  });
});

describe('--lang', () => {
  test('ja: the Japanese meaning of a documented ID, in JSON, table and CSV', async () => {
    const ja = 'TCP 接続が作成されました。';
    const json = JSON.parse(await out(['-o', 'json', '--lang', 'ja'])) as { ids: { id: string; meaning: string }[] };
    assert.equal(json.ids.find((i) => i.id === '302013')!.meaning, ja);
    assert.equal(boxTables(await out(['--lang', 'ja'])).get('Messages by ID')!.find((r) => r[0] === '302013')![5], ja);
    assert.ok((await out(['-o', 'csv', '--lang', 'ja'])).includes(`302013,`) && (await out(['-o', 'csv', '--lang', 'ja'])).includes(ja));
  });

  test('ja with the bundled catalog: 716001 shows the first sentence of its Japanese explanation', async () => {
    const bundled = JSON.parse(readFileSync(join(ROOT, 'catalog', 'messages.json'), 'utf8')) as { messages: { id: string; variants: { docs: Record<string, { explanation: string }> }[] }[] };
    const explanation = bundled.messages.find((m) => m.id === '716001')!.variants[0]!.docs.ja!.explanation;
    const first = explanation.slice(0, explanation.indexOf('。') + 1);
    const r = await runCli(['summary', '-o', 'json', '--lang', 'ja', '-'], { input: 'Nov 20 2026 10:00:00 fw : %ASA-6-716001: Group <RA> User <bob> IP <198.51.100.50> WebVPN session started.\n' });
    const meaning = (JSON.parse(r.stdout.toString()) as { ids: { meaning: string }[] }).ids[0]!.meaning;
    assert.ok(meaning === first || (meaning.endsWith('…') && first.startsWith(meaning.slice(0, -1))), meaning);
    assert.match(meaning, /[\u3040-\u30ff]/);
  });
});

describe('what the ID table says of each ID', () => {
  const lines = [
    '<167>Nov 20 2026 10:00:00 ftd-1 : %FTD-7-430003: DeviceUUID: x, SrcIP: 10.0.0.1',
    '<167>Nov 20 2026 10:00:01 ftd-1 : %FTD-7-430003: DeviceUUID: x, SrcIP: 10.0.0.2',
    '<166>Nov 20 2026 10:00:02 fw-1 : %ASA-6-302020: Built inbound ICMP connection for faddr 10.1.1.1/0 gaddr 10.2.2.2/0 laddr 10.2.2.2/0',
    '<166>Nov 20 2026 10:00:03 fw-1 : %ASA-6-106023: Deny tcp src outside:10.1.1.1/1 dst inside:10.2.2.2/2 by access-group "x" [0x0, 0x0]',
  ].join('\n');

  test('sev is the level logged, with the documented default beside it when they differ', async () => {
    const r = await runCli(['summary'], { input: lines });
    const row = (id: string) => r.stdout.toString().split('\n').find((l) => l.includes(`│ ${id} `))!.split('│').map((c) => c.trim());
    assert.equal(row('430003')[2], '7 (doc 1)');
    assert.equal(row('302020')[2], '6');
    const json = JSON.parse((await runCli(['summary', '-o', 'json'], { input: lines })).stdout.toString()) as { ids: { id: string; severity: number; loggedSeverity: number }[] };
    assert.deepEqual(json.ids.find((i) => i.id === '430003'), { ...json.ids.find((i) => i.id === '430003'), severity: 1, loggedSeverity: 7 });
  });

  test('machine output carries the whole first sentence; "e.g." does not end it', async () => {
    const json = JSON.parse((await runCli(['summary', '-o', 'json'], { input: lines })).stdout.toString()) as { ids: { id: string; meaning: string }[] };
    const meaning = (id: string) => json.ids.find((i) => i.id === id)!.meaning;
    assert.equal(meaning('302020'), 'An ICMP flow (e.g. a ping) was set up through the firewall.');
    assert.equal(meaning('106023'), 'A TCP or UDP packet was dropped by an interface or global access rule (explicitly or by the implicit deny).');
    const md = (await runCli(['summary', '-o', 'markdown'], { input: lines })).stdout.toString();
    assert.ok(md.includes(meaning('106023')));
    const csv = (await runCli(['summary', '-o', 'csv'], { input: lines })).stdout.toString();
    assert.ok(csv.includes(meaning('106023')));
  });
});

describe('--top', () => {
  test('applies to every ranked table, the main one too, and says what it left out', async () => {
    const r = await runCli(['summary', '--by', 'host', '--top', '1', join(ROOT, 'test', 'fixtures', 'sample.log')]);
    assert.equal(r.code, 0, r.stderr);
    const tables = boxTables(r.stdout.toString());
    for (const title of ['Hosts', 'By category', 'Top 1 IDs']) assert.equal(tables.get(title)!.length, 2, `${title}: a header and one row`);
    assert.equal(tables.get('By severity')!.length, 9, 'the eight levels are a distribution, not a ranking: all shown');
    assert.match(r.stdout.toString(), /^1 of 3 shown; --top 3 to see them all$/m);
    const md = (await runCli(['summary', '-o', 'markdown', '--top', '1', join(ROOT, 'test', 'fixtures', 'sample.log')])).stdout.toString();
    assert.match(md, /^1 of 18 shown; --top 18 to see them all$/m);
  });
});
