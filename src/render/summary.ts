import { csvField } from './record.js';
import type { Palette } from './palette.js';
import { makeTable } from './table.js';
import { severityName } from '../parse/severity.js';
import { categoryTitle } from '../catalog/categories.js';
import { loggedOffDefault, type HappenedTable, type IdCount, type Pivot, type SummaryReport, type TimelinePoint } from './summary-report.js';
import { displayWidth, fitWidth, padWidth } from './width.js';
import { terminalSafe } from '../terminal-safe.js';

interface Section {
  title: string;
  head: string[];
  rows: string[][];
  /** rows there were before --top cut the table */
  total?: number;
}

const BAR_WIDTH = 30;
const SPARKS = ' ▁▂▃▄▅▆▇█';

function share(n: number, total: number): string {
  return total === 0 ? '0.0%' : `${((100 * n) / total).toFixed(1)}%`;
}

function bar(n: number, max: number): string {
  return max === 0 ? '' : '█'.repeat(Math.round((BAR_WIDTH * n) / max)) || (n > 0 ? '▏' : '');
}

/** The level its lines were logged at; the documented default beside it when that differs (`7 (doc 1)`). */
function sevCell(i: IdCount): string {
  return loggedOffDefault(i) ? `${i.loggedSeverity} (doc ${i.severity})` : String(i.loggedSeverity);
}

/** The first `top` items as rows, and how many there were: a ranked table under --top. */
function ranked<T>(items: T[], top: number, row: (item: T) => string[]): Pick<Section, 'rows' | 'total'> {
  return { rows: items.slice(0, top).map(row), total: items.length };
}

function sections(r: SummaryReport, top: number, pivot: Pivot): Section[] {
  const maxSev = Math.max(0, ...Object.values(r.severity));
  const bySeverity: Section = {
    title: 'By severity',
    head: ['severity', 'messages', 'share', ''],
    rows: Object.entries(r.severity).map(([lvl, n]) => [`${lvl} ${severityName(Number(lvl))}`, String(n), share(n, r.messages), bar(n, maxSev)]),
  };
  const byCategory: Section = {
    title: 'By category',
    head: ['category', 'title', 'messages', 'share'],
    ...ranked(Object.entries(r.categories), top, ([c, n]) => [c, categoryTitle(c), String(n), share(n, r.messages)]),
  };
  const topIds: Section = {
    title: pivot === 'id' ? 'Messages by ID' : `Top ${top} IDs`,
    head: ['id', 'sev', 'category', 'messages', 'share', 'meaning'],
    ...ranked(r.ids, top, (i) => [i.id, sevCell(i), i.category, String(i.count), share(i.count, r.messages), i.known ? terminalSafe(i.meaning) : '(unknown ID)']),
  };
  const hosts: Section = {
    title: 'Hosts',
    head: ['host', 'messages', 'share', 'worst severity'],
    ...ranked(r.hosts, top, (h) => [terminalSafe(h.host), String(h.count), share(h.count, r.messages), h.worstSeverity === null ? '' : `${h.worstSeverity} ${severityName(h.worstSeverity)}`]),
  };
  const unknownIds: Section = {
    title: 'Unknown IDs (not in the catalog)',
    head: ['id', 'logged sev', 'category', 'messages'],
    ...ranked(r.ids.filter((i) => !i.known), top, (i) => [i.id, String(i.severity), i.category, String(i.count)]),
  };
  const overrides: Section = {
    title: 'Severity overrides (logged level differs from the documented default)',
    head: ['id', 'documented', 'logged', 'messages'],
    ...ranked(r.overrides, top, (o) => [o.id, `${o.documented} ${severityName(o.documented)}`, `${o.logged} ${severityName(o.logged)}`, String(o.count)]),
  };
  const builtIn: Record<string, Section> = { id: topIds, category: byCategory, severity: bySeverity, host: hosts };
  const main = Object.hasOwn(builtIn, pivot) ? builtIn[pivot]! : fieldSection(r, top);
  return [main, ...[bySeverity, byCategory, topIds, hosts, unknownIds, overrides].filter((s) => s !== main && s.rows.length > 0)];
}

/** `--by <canonical field>`: messages per value, the share among the messages that have the field. */
function fieldSection(r: SummaryReport, top: number): Section {
  const f = r.byField!;
  const max = Math.max(0, ...f.rows.map(([, c]) => c));
  const sec: Section = {
    title: `Messages by ${f.field}`,
    head: [f.field, 'messages', 'share', ''],
    rows: f.rows.slice(0, top).map(([v, n]) => [terminalSafe(v), String(n), share(n, f.messages), bar(n, max)]),
    total: f.total,
  };
  return sec;
}

/** Under the --by <field> table: messages without the field, and whether counts are estimates. */
function fieldNotes(r: SummaryReport): string[] {
  const f = r.byField;
  if (!f) return [];
  return [
    f.without > 0 ? `${f.without} messages of known IDs have no ${f.field}` : '',
    f.maxError ? `counts are estimates (more distinct values than the table keeps): each may be low by up to ${f.maxError}` : '',
  ].filter(Boolean);
}

function totals(r: SummaryReport): [string, string][] {
  return [
    ['files', r.files.length === 1 ? terminalSafe(r.files[0]!) : String(r.files.length)],
    ['lines', String(r.lines)],
    ['classified', `${r.classified} (${share(r.classified, r.lines)})`],
    ['unparsed', String(r.unparsed)],
    ['messages', `${r.messages}  known ${r.known} (${share(r.known, r.messages)})  unknown ${r.unknown}`],
    ['hosts', String(r.hostCount)],
    ['first', r.first ?? '-'],
    ['last', r.last ?? '-'],
    ['span', r.spanSeconds === null ? '-' : formatSpan(r.spanSeconds)],
  ];
}

export function formatSpan(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [d && `${d}d`, h && `${h}h`, m && `${m}m`, `${s}s`].filter(Boolean).join(' ');
}

/** Sparkline rows for errors-and-worse and the rest, scaled together so heights compare. */
export function sparkline(points: TimelinePoint[], width: number): { errors: string; other: string; from: string; to: string } {
  const step = Math.max(1, Math.ceil(points.length / width));
  const cols: [number, number][] = [];
  for (let i = 0; i < points.length; i += step) {
    let e = 0;
    let o = 0;
    for (const p of points.slice(i, i + step)) { e += p.errors; o += p.other; }
    cols.push([e, o]);
  }
  const max = Math.max(1, ...cols.map(([e, o]) => Math.max(e, o)));
  const spark = (n: number) => (n === 0 ? ' ' : SPARKS[Math.max(1, Math.round((8 * n) / max))]!);
  return {
    errors: cols.map(([e]) => spark(e)).join(''),
    other: cols.map(([, o]) => spark(o)).join(''),
    from: points[0]?.start ?? '',
    to: points[points.length - 1]?.start ?? '',
  };
}

export function renderSummaryTable(r: SummaryReport, opts: { top: number; pivot: Pivot; width: number }, palette: Palette): string {
  const out: string[] = [palette.bold('asalog summary')];
  for (const [k, v] of totals(r)) out.push(`  ${k.padEnd(11)} ${v}`);
  if (r.timeline.length > 0) {
    const s = sparkline(r.timeline, Math.max(20, Math.min(120, opts.width - 16)));
    out.push('', palette.bold(`Timeline (per ${r.bucket}, ${s.from} → ${s.to})`));
    out.push(`  ${'errors+'.padEnd(9)} ${palette.severity(3, s.errors)}`, `  ${'other'.padEnd(9)} ${palette.severity(6, s.other)}`);
  }
  for (const [n, sec] of sections(r, opts.top, opts.pivot).entries()) {
    const table = makeTable(sec.head, { compact: true });
    for (const row of fitLastColumn(sec, opts.width)) table.push(row);
    out.push('', palette.bold(sec.title), table.toString());
    for (const note of [cutNote(sec), ...(n === 0 ? fieldNotes(r) : [])]) if (note) out.push(palette.dim(note));
  }
  for (const h of r.happened ?? []) {
    out.push('', palette.bold(`── ${h.title} ──`), `  ${terminalSafe(h.summary)}`);
    const blocks = h.tables.map((t) => happenedBlock(t, opts.width));
    out.push(...besideEachOther(blocks, opts.width, palette));
  }
  return `${out.join('\n')}\n`;
}

interface Block { title: string; lines: string[]; notes: string[]; width: number }

/** One table of a section as lines of plain text: its title, the table, the notes under it. */
function happenedBlock(t: HappenedTable, width: number): Block {
  const sec = happenedSection(t, width);
  const table = makeTable(sec.head, { compact: true });
  for (const row of sec.rows) table.push(row);
  const lines = table.toString().split('\n');
  // short, to fit under a narrow table: `3 of 4; --top 4`, `estimates, each ≤ 12 low`
  const notes = [
    sec.total !== undefined && sec.total > sec.rows.length ? `${sec.rows.length} of ${sec.total}; --top ${sec.total}` : '',
    t.maxError ? `estimates: each may be ${t.maxError} low` : '',
  ].filter(Boolean);
  return { title: sec.title, lines, notes, width: Math.max(displayWidth(sec.title), ...lines.map(displayWidth)) };
}

/**
 * Small tables side by side as far as the terminal's width allows (a section's five or nine tables
 * would otherwise scroll off), each with its title above and its notes below.
 */
function besideEachOther(blocks: Block[], width: number, palette: Palette): string[] {
  const out: string[] = [];
  const GAP = 3;
  for (let i = 0; i < blocks.length;) {
    const row = [blocks[i]!];
    let used = blocks[i]!.width;
    while (i + row.length < blocks.length && used + GAP + blocks[i + row.length]!.width <= width) used += GAP + blocks[i + row.length]!.width, row.push(blocks[i + row.length]!);
    i += row.length;
    const height = Math.max(...row.map((b) => 1 + b.lines.length + b.notes.length));
    out.push('');
    for (let y = 0; y < height; y++) {
      const cells = row.map((b, k) => {
        const last = k === row.length - 1;
        const pad = (text: string) => (last ? text : padWidth(text, b.width));
        if (y === 0) return palette.bold(pad(b.title));
        if (y <= b.lines.length) return pad(b.lines[y - 1]!);
        const note = b.notes[y - 1 - b.lines.length];
        // a note wider than its table is wrapped by the terminal only when it is the last block of the row
        return note === undefined ? pad('') : palette.dim(pad(last ? note : fitWidth(note, b.width)));
      });
      out.push(cells.join(' '.repeat(GAP)).trimEnd());
    }
  }
  return out;
}

/** A "what happened" table as a Section: cells as text, made safe, the last column fitted when it is text. */
function happenedSection(t: HappenedTable, width?: number): Section {
  const rows = t.rows.map((row) => row.map((cell) => terminalSafe(String(cell))));
  const last = t.head.length - 1;
  const fitted = width === undefined || typeof t.rows[0]?.[last] === 'number' ? rows : rows.map((row) => [...row.slice(0, last), fitWidth(row[last]!, Math.max(30, width - 60))]);
  return { title: t.title, head: t.head, rows: fitted, total: t.ordered ? undefined : t.total };
}

/** Under a table whose counts are estimates (more distinct keys than it keeps). */
function estimateNote(t: HappenedTable): string {
  return t.maxError ? `counts are estimates (more distinct keys than the table keeps): each may be low by up to ${t.maxError}` : '';
}

/** `15 of 42 shown; --top 42 to see them all` under a table --top cut; '' otherwise. */
function cutNote(sec: Section): string {
  return sec.total !== undefined && sec.total > sec.rows.length ? `${sec.rows.length} of ${sec.total} shown; --top ${sec.total} to see them all` : '';
}

/** A table's meaning column cut to what the terminal leaves of its width (machine output keeps it whole). */
function fitLastColumn(sec: Section, width: number): string[][] {
  const last = sec.head.length - 1;
  if (sec.head[last] !== 'meaning') return sec.rows;
  // the other columns as wide as their widest cell, plus cli-table3's borders and padding
  const others = sec.head.slice(0, last).reduce((sum, h, k) => sum + Math.max(displayWidth(h), ...sec.rows.map((row) => displayWidth(row[k]!))) + 3, 0);
  const room = Math.max(24, width - others - 4);
  return sec.rows.map((row) => [...row.slice(0, last), fitWidth(row[last]!, room)]);
}

export function renderSummaryMarkdown(r: SummaryReport, opts: { top: number; pivot: Pivot }): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out: string[] = ['# asalog summary', '', '| measure | value |', '|---|---|'];
  for (const [k, v] of totals(r)) out.push(`| ${k} | ${esc(v)} |`);
  const put = (sec: Section, level: string, notes: string[]) => {
    const head = sec.head.map((h) => h || ' ');
    out.push('', `${level} ${sec.title}`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of sec.rows) out.push(`| ${row.map(esc).join(' | ')} |`);
    for (const note of notes) if (note) out.push('', note);
  };
  for (const [n, sec] of sections(r, opts.top, opts.pivot).entries()) put(sec, '##', [cutNote(sec), ...(n === 0 ? fieldNotes(r) : [])]);
  for (const h of r.happened ?? []) {
    out.push('', `## ${h.title}`, '', esc(h.summary));
    for (const t of h.tables) {
      const sec = happenedSection(t);
      put(sec, '###', [cutNote(sec), estimateNote(t)]);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * CSV of the main table (the `--by` pivot), one header row; RFC 4180 quoting. With `--sections`,
 * the sections instead, one long table (`section,table,rank,key,value`; an event's key is its time,
 * host and ID, its value the message), so that a CSV stays one table.
 */
export function renderSummaryCsv(r: SummaryReport, pivot: Pivot): string {
  const rows: (string | number | boolean | null)[][] = [];
  if (r.happened) {
    rows.push(['section', 'table', 'rank', 'key', 'value']);
    for (const h of r.happened) {
      for (const t of h.tables) {
        t.rows.forEach((row, i) => rows.push(t.ordered ? [h.key, t.title, i + 1, row.slice(0, -1).join(' '), row[row.length - 1]!] : [h.key, t.title, i + 1, row[0]!, row[1]!]));
      }
    }
    return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
  }
  switch (pivot) {
    case 'id':
      rows.push(['id', 'count', 'severity', 'loggedSeverity', 'category', 'known', 'meaning'], ...r.ids.map((i) => [i.id, i.count, i.severity, i.loggedSeverity, i.category, i.known, i.meaning]));
      break;
    case 'category':
      rows.push(['category', 'title', 'count'], ...Object.entries(r.categories).map(([c, n]) => [c, categoryTitle(c), n]));
      break;
    case 'severity':
      rows.push(['severity', 'name', 'count'], ...Object.entries(r.severity).map(([l, n]) => [Number(l), severityName(Number(l)), n]));
      break;
    case 'host':
      rows.push(['host', 'count', 'worstSeverity'], ...r.hosts.map((h) => [h.host, h.count, h.worstSeverity]));
      break;
    default:
      rows.push([pivot, 'count'], ...(r.byField?.rows ?? []));
  }
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
