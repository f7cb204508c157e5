import { createHash } from 'node:crypto';
import type { Catalog } from '../../catalog/load.js';
import type { Lang } from '../../catalog/types.js';
import { categoryTitle } from '../../catalog/categories.js';
import { barChart, donutChart, formatCount, timelineChart, type Datum } from './charts.js';
import { escapeHtml as esc } from './escape.js';
import { CATEGORY_COLORS, CSS, KNOWN_COLOR, SCRIPT, SEVERITY_COLORS, UNKNOWN_COLOR } from './style.js';
import { formatSpan } from '../summary.js';
import { severityName } from '../../parse/severity.js';
import { loggedOffDefault, type HappenedSection, type IdCount, type SummaryReport } from '../summary-report.js';

const CHART_IDS = 15;
const TABLE_ROWS = 50;
const RING_SLICES = 9;

const share = (n: number, total: number): string => (total === 0 ? '0.0%' : `${((100 * n) / total).toFixed(1)}%`);
const num = (n: number): string => `<td class="num" data-v="${n}">${formatCount(n)}</td>`;
const text = (s: string, cls = ''): string => `<td${cls && ` class="${cls}"`}>${esc(s)}</td>`;
const sev = (n: number | null): string => (n === null ? '<td class="muted">–</td>' : `<td><span class="sev sev-${n}">${n} ${severityName(n)}</span></td>`);
/** The level logged; the documented default beside it when that differs. */
const loggedSev = (i: IdCount): string =>
  loggedOffDefault(i)
    ? `<td><span class="sev sev-${i.loggedSeverity}">${i.loggedSeverity} ${severityName(i.loggedSeverity)}</span> <span class="muted">documented ${i.severity}</span></td>`
    : sev(i.loggedSeverity);
const mini = (n: number, max: number): string =>
  `<svg class="mini" viewBox="0 0 100 8" aria-hidden="true"><rect width="100" height="8" rx="4"/><rect width="${max === 0 ? 0 : ((100 * n) / max).toFixed(1)}" height="8" rx="4"/></svg>`;

function table(testid: string, head: string[], numeric: number[], rows: string[][], rowClass: (i: number) => string = () => ''): string {
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${h}</th>`).join('');
  const body = rows.map((r, i) => `<tr${rowClass(i) && ` class="${rowClass(i)}"`}>${r.join('')}</tr>`).join('');
  return `<div class="table-wrap"><table class="sortable" data-testid="${testid}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function panel(title: string, note: string, body: string, id: string): string {
  return `<section class="panel" id="${id}"><h2>${title}${note && ` <small>${note}</small>`}</h2>${body}</section>`;
}

const showing = (shown: number, all: number, what: string): string =>
  shown < all ? `<p class="note">Showing the top ${shown} of ${formatCount(all)} ${what}; the JSON output (-o json) has them all.</p>` : '';

function kpis(r: SummaryReport): string {
  const card = (id: string, label: string, value: string, sub = '', cls = ''): string =>
    `<div class="kpi${cls && ` ${cls}`}"><span class="k">${label}</span><span class="v${id === 'first' || id === 'last' ? ' time' : ''}" data-testid="${id}">${value}</span>` +
    `${sub && `<span class="sub">${sub}</span>`}</div>`;
  const time = (iso: string | null): string => (iso === null ? '–' : `${esc(iso.slice(0, 10))} ${esc(iso.slice(11, 19))}`);
  return `<section class="kpis" aria-label="Totals">${[
    card('lines', 'Lines', formatCount(r.lines)),
    card('classified', 'Classified', formatCount(r.classified), `${share(r.classified, r.lines)} of lines`),
    card('unparsed', 'Unparsed', formatCount(r.unparsed), `${share(r.unparsed, r.lines)} of lines`, r.unparsed > 0 ? 'warn' : ''),
    card('messages', 'Messages', formatCount(r.messages), 'repeats expanded'),
    card('known', 'Known', formatCount(r.known), `${share(r.known, r.messages)} of messages`),
    card('unknown', 'Unknown', formatCount(r.unknown), `${share(r.unknown, r.messages)} of messages`, r.unknown > 0 ? 'warn' : ''),
    card('files', 'Files', formatCount(r.files.length)),
    card('hosts', 'Hosts', formatCount(r.hostCount)),
    card('first', 'First', time(r.first), 'UTC'),
    card('last', 'Last', time(r.last), 'UTC'),
    card('span', 'Span', r.spanSeconds === null ? '–' : esc(formatSpan(r.spanSeconds))),
  ].join('')}</section>`;
}

function timeline(r: SummaryReport): string {
  if (r.timeline.length === 0) return panel('Timeline', '', '<p class="empty">No timestamped messages.</p>', 'timeline');
  const legend = `<div class="legend"><span><i class="sw" style="background:var(--err)"></i>errors and worse (0–3)</span>` +
    `<span><i class="sw" style="background:var(--other)"></i>other (4–7)</span></div>`;
  return panel('Timeline', `per ${r.bucket}, UTC`, legend + timelineChart(r.timeline, r.bucket), 'timeline');
}

function severities(r: SummaryReport): string {
  const data: Datum[] = Object.entries(r.severity).map(([lvl, n]) => {
    const label = `${lvl} ${severityName(Number(lvl))}`;
    return { label, value: n, color: SEVERITY_COLORS[Number(lvl)] ?? KNOWN_COLOR, tip: `${label}: ${formatCount(n)} messages (${share(n, r.messages)})` };
  });
  return panel('By severity', 'Cisco levels', barChart(data, { testid: 'chart-severity', label: 'Messages by severity', width: 520, labelWidth: 130 }), 'severity');
}

function categories(r: SummaryReport): string {
  const entries = Object.entries(r.categories);
  if (entries.length === 0) return panel('By category', '', '<p class="empty">No messages.</p>', 'categories');
  const color = (i: number): string => (i < RING_SLICES ? CATEGORY_COLORS[i]! : CATEGORY_COLORS[CATEGORY_COLORS.length - 1]!);
  const label = (c: string): string => `${c} (${categoryTitle(c)})`;
  const slices: Datum[] = entries.slice(0, RING_SLICES).map(([c, n], i) => ({ label: c, value: n, color: color(i), tip: `${label(c)}: ${formatCount(n)} (${share(n, r.messages)})` }));
  const rest = entries.slice(RING_SLICES).reduce((s, [, n]) => s + n, 0);
  if (rest > 0) slices.push({ label: 'others', value: rest, color: color(RING_SLICES), tip: `${entries.length - RING_SLICES} other categories: ${formatCount(rest)} (${share(rest, r.messages)})` });
  const rows = entries.map(([c, n], i) => [
    `<td class="nowrap"><i class="sw" style="background:${color(i)}"></i><span class="mono">${esc(c)}</span></td>`, text(categoryTitle(c)), num(n), text(share(n, r.messages), 'num'),
  ]);
  const ring = donutChart(slices, { testid: 'chart-categories', label: 'Messages by category', total: r.messages });
  return panel('By category', 'Cisco logging classes', `<div class="donut-wrap">${ring}${table('table-categories', ['class', 'title', 'messages', 'share'], [2, 3], rows)}</div>`, 'categories');
}

function topIds(r: SummaryReport): string {
  if (r.ids.length === 0) return panel('Top IDs', '', '<p class="empty">No messages.</p>', 'ids');
  const meaning = (i: SummaryReport['ids'][number]): string => (i.known ? i.meaning : 'unknown ID (not in the catalog)');
  const data: Datum[] = r.ids.slice(0, CHART_IDS).map((i) => ({
    label: i.known ? i.id : `${i.id} ?`,
    value: i.count,
    color: i.known ? SEVERITY_COLORS[i.severity] ?? KNOWN_COLOR : UNKNOWN_COLOR,
    tip: `${i.id} — ${meaning(i)}: ${formatCount(i.count)} messages (${share(i.count, r.messages)})`,
  }));
  const rows = r.ids.slice(0, TABLE_ROWS).map((i) => [
    text(i.id, 'mono'), loggedSev(i), text(i.category, 'mono'), num(i.count), text(share(i.count, r.messages), 'num'),
    i.known ? text(i.meaning) : '<td><span class="tag unknown">unknown ID</span></td>',
  ]);
  const chart = barChart(data, { testid: 'chart-ids', label: `Top ${data.length} IDs`, width: 1080, labelWidth: 110 });
  const note = 'bars coloured by severity; <i class="sw" style="background:' + UNKNOWN_COLOR + '"></i>? = not in the catalog';
  return panel('Top IDs', note, chart + table('table-ids', ['id', 'severity', 'class', 'messages', 'share', 'meaning'], [3, 4], rows, (n) => (r.ids[n]?.known === false ? 'unknown' : '')) + showing(rows.length, r.ids.length, 'IDs'), 'ids');
}

function hosts(r: SummaryReport): string {
  if (r.hosts.length === 0) return panel('Hosts', '', '<p class="empty">No host names in the input.</p>', 'hosts');
  const max = r.hosts[0]?.count ?? 0;
  const rows = r.hosts.slice(0, TABLE_ROWS).map((h) => [
    text(h.host, 'mono'), `<td class="num" data-v="${h.count}">${formatCount(h.count)}${mini(h.count, max)}</td>`, text(share(h.count, r.messages), 'num'), sev(h.worstSeverity),
  ]);
  return panel('Hosts', 'with the worst severity each logged', table('table-hosts', ['host', 'messages', 'share', 'worst severity'], [1, 2], rows) + showing(rows.length, r.hosts.length, 'hosts'), 'hosts');
}

function overrides(r: SummaryReport): string {
  if (r.overrides.length === 0) return panel('Severity overrides', '', '<p class="empty">Every ID was logged at its documented level.</p>', 'overrides');
  const rows = r.overrides.slice(0, TABLE_ROWS).map((o) => [text(o.id, 'mono'), sev(o.documented), sev(o.logged), num(o.count)]);
  return panel('Severity overrides', 'logged level differs from the documented default', table('table-overrides', ['id', 'documented', 'logged', 'messages'], [3], rows) + showing(rows.length, r.overrides.length, 'overrides'), 'overrides');
}

function unknownIds(r: SummaryReport): string {
  const unknown = r.ids.filter((i) => !i.known);
  if (unknown.length === 0) return panel('Unknown IDs', '', '<p class="empty">Every ID is in the catalog.</p>', 'unknown');
  const rows = unknown.slice(0, TABLE_ROWS).map((i) => [text(i.id, 'mono'), sev(i.severity), text(i.category, 'mono'), num(i.count)]);
  return panel('Unknown IDs', 'not in the catalog', table('table-unknown', ['id', 'logged severity', 'class', 'messages'], [3], rows) + showing(rows.length, unknown.length, 'unknown IDs'), 'unknown');
}

const HAPPENED_COLOR = '#5b8def';

/** Bars for the first rows of a ranked `[key, count]` table. */
const countChart = (rows: [string, number][], testid: string, label: string): string =>
  barChart(rows.slice(0, CHART_IDS).map(([key, n]) => ({ label: key, value: n, color: HAPPENED_COLOR, tip: `${key}: ${formatCount(n)}` })), { testid, label, width: 620, labelWidth: 220 });

/** Under a ranked table --top cut. */
const topNote = (shown: number, total: number): string => (total > shown ? `<p class="note">Top ${shown} of ${formatCount(total)}; --top ${total} shows them all.</p>` : '');

/** One "what happened" section: a bar chart of its first table, then every table. */
function happenedPanel(h: HappenedSection): string {
  const tables = h.tables.map((t, k) => {
    const counted = t.rows.length > 0 && typeof t.rows[0]![t.head.length - 1] === 'number';
    const rows = t.rows.map((row) => row.map((cell, i) => (typeof cell === 'number' && i === row.length - 1 ? num(cell) : text(String(cell)))));
    const chart = k === 0 && counted ? countChart(t.rows.map((row) => [String(row[0]), Number(row[row.length - 1])]), `chart-${h.key}`, `${h.title}: ${t.title}`) : '';
    const notes = [
      t.ordered ? '' : topNote(t.rows.length, t.total),
      t.maxError ? `<p class="note">Counts are estimates (more distinct keys than the table keeps): each may be low by up to ${formatCount(t.maxError)}.</p>` : '',
    ].join('');
    return `<h3>${esc(t.title)}</h3>${chart}${table(`table-${h.key}-${k}`, t.head.map(esc), counted ? [t.head.length - 1] : [], rows)}${notes}`;
  });
  return panel(esc(h.title), esc(h.summary), tables.join(''), `happened-${h.key}`);
}

/** `--by <canonical field>`: messages per value, as a chart and a table. */
function byField(r: SummaryReport): string {
  const f = r.byField;
  if (!f) return '';
  const max = Math.max(0, ...f.rows.map(([, n]) => n));
  const chart = countChart(f.rows, 'chart-by-field', `Messages by ${f.field}`);
  const rows = f.rows.map(([v, n]) => [text(v), num(n), text(share(n, f.messages)), `<td>${mini(n, max)}</td>`]);
  const notes = [
    topNote(f.rows.length, f.total),
    f.without > 0 ? `<p class="note">${formatCount(f.without)} messages of known IDs have no ${esc(f.field)}.</p>` : '',
    f.maxError ? `<p class="note">Counts are estimates: each may be low by up to ${formatCount(f.maxError)}.</p>` : '',
  ].join('');
  return panel(`Messages by ${esc(f.field)}`, 'canonical field', chart + table('table-by-field', [esc(f.field), 'messages', 'share', ''], [1, 2], rows) + notes, 'by-field');
}

function filesLine(files: string[]): string {
  const shown = files.slice(0, 4).map(esc).join(', ');
  return files.length === 0 ? 'no input' : files.length > 4 ? `${shown} and ${files.length - 4} more` : shown;
}

// The CSP forbids every fetch, so the saved page provably makes no network request when opened;
// the one inline script is allowed by its hash, not by 'unsafe-inline'.
export function renderSummaryHtml(report: SummaryReport, catalog: Catalog, lang: Lang): string {
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'`;
  const body = [
    `<header><h1><span>asalog</span> summary</h1><div class="files">${filesLine(report.files)}</div></header>`,
    kpis(report),
    timeline(report),
    byField(report),
    `<div class="grid2">${severities(report)}${hosts(report)}</div>`,
    categories(report),
    topIds(report),
    `<div class="grid2">${overrides(report)}${unknownIds(report)}</div>`,
    ...(report.happened ?? []).map(happenedPanel),
    `<footer>Generated by asalog · schema ${esc(report.schema)} · catalog of ${formatCount(catalog.entries.length)} IDs · meanings in ${esc(lang)}</footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>asalog summary</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
