import type { Catalog } from '../catalog/load.js';
import type { Lang } from '../catalog/types.js';
import { shortMeaning } from '../catalog/meaning.js';
import type { LogRecord } from '../classify/record.js';
import { severityName } from '../parse/severity.js';
import { terminalSafe } from '../terminal-safe.js';
import type { Palette } from './palette.js';
import { displayWidth, fitWidth, padWidth } from './width.js';

const SEVERITY_WIDTH = 15;
const CATEGORY_WIDTH = 14;
const ID_WIDTH = 6;
/** Below this many columns the line is not cut further: the meaning goes first. */
const MIN_LINE_COLUMNS = 30;
/** A meaning cut below this many columns says nothing: it is left out. */
const MIN_MEANING_COLUMNS = 12;

/** How the text view is laid out: the terminal's width (null: a pipe, lines are not cut). */
export interface TextLayout {
  width?: number | null;
}

/**
 * The terminal view: severity, category, ID, the line itself, and what the ID means, in aligned
 * columns. At a known width each record is one row: the line is cut first (its syslog header,
 * then its end, down to 30 columns), then the meaning.
 */
export function renderText(r: LogRecord, catalog: Catalog, lang: Lang, palette: Palette, layout: TextLayout): string {
  const line = oneRow(r.raw);
  const blank = `${''.padEnd(SEVERITY_WIDTH)} ${''.padEnd(CATEGORY_WIDTH)} ${''.padEnd(ID_WIDTH)}  `;
  if (r.id === null) return `${palette.dim(`${'-'.padEnd(SEVERITY_WIDTH)}${blank.slice(SEVERITY_WIDTH)}${fit(line, layout.width, blank.length)}`)}\n`;
  const level = r.severity ?? r.defaultSeverity;
  const sev = palette.severity(level, (level === null ? '?' : `${level} ${severityName(level)}`).padEnd(SEVERITY_WIDTH));
  // the repeat count opens the line, so that the line's column stays where it is on every row
  const repeat = r.repeat ? `×${r.repeat} ` : '';
  const head = `${padWidth(r.category ?? '', CATEGORY_WIDTH)} ${palette.accent(r.id.padEnd(ID_WIDTH))}  ${palette.bold(repeat)}`;
  const used = SEVERITY_WIDTH + 1 + CATEGORY_WIDTH + 1 + Math.max(ID_WIDTH, r.id.length) + 2 + repeat.length;
  const entry = catalog.get(r.id);
  const meaning = entry ? oneRow(shortMeaning(entry, lang, 72, r.variant)) : '(not in catalog)';
  const columns = layout.width == null ? null : layout.width - used;
  // too narrow for the whole line: the syslog header goes first (severity and ID are in their columns)
  const text = columns !== null && displayWidth(line) + displayWidth(meaning) + 4 > columns && r.message ? oneRow(r.message) : line;
  const [shownLine, shownMeaning] = share(text, meaning, columns);
  const tail = shownMeaning === '' ? '' : palette.dim(`  — ${shownMeaning}`);
  return `${sev} ${head}${palette.severity(level, shownLine)}${tail}\n`;
}

/** Line and meaning within `columns`: the line cut first, to MIN_LINE_COLUMNS or half the room; then the meaning. */
function share(line: string, meaning: string, columns: number | null): [string, string] {
  if (columns === null) return [line, meaning];
  const lineWidth = displayWidth(line), meaningWidth = displayWidth(meaning) + 4; // '  — '
  if (lineWidth + meaningWidth <= columns) return [line, meaning];
  // the line is cut first, but keeps at least half the room: it says what happened, the meaning what it is
  const lineColumns = Math.min(lineWidth, Math.max(MIN_LINE_COLUMNS, columns - meaningWidth, Math.floor(columns * 0.55)));
  const meaningColumns = columns - lineColumns - 4;
  if (meaningColumns < MIN_MEANING_COLUMNS) return [fitWidth(line, columns), ''];
  return [fitWidth(line, lineColumns), fitWidth(meaning, meaningColumns)];
}

const COMPACT_LEVELS = ['emer', 'alrt', 'crit', 'err ', 'warn', 'note', 'info', 'dbg '];
const HOST_WIDTH = 12;

/**
 * `--compact`: time, host, severity, ID and the message, one row each; no syslog header and no
 * meaning. Lines without a tag are shown dimmed, as they are.
 */
export function renderCompact(r: LogRecord, palette: Palette, layout: TextLayout): string {
  if (r.id === null) return `${palette.dim(fit(oneRow(r.raw), layout.width, 0))}\n`;
  const time = r.timestamp === null ? '-'.padEnd(19) : r.timestamp.slice(0, 19).replace('T', ' ');
  const level = r.severity ?? r.defaultSeverity;
  const host = (r.host === null ? '-' : terminalSafe(r.host)).padEnd(HOST_WIDTH);
  const sev = palette.severity(level, level === null ? '?   ' : COMPACT_LEVELS[level] ?? String(level));
  const repeat = r.repeat ? ` ×${r.repeat}` : '';
  const used = time.length + 1 + displayWidth(host) + 1 + 4 + 1 + r.id.length + repeat.length + 1;
  const message = fit(oneRow(r.message ?? r.raw), layout.width, used);
  return `${palette.dim(time)} ${host} ${sev} ${palette.accent(r.id)}${palette.bold(repeat)} ${palette.severity(level, message)}\n`;
}

/** Log text on one terminal row: control characters made visible, tabs as spaces. */
function oneRow(text: string): string {
  return terminalSafe(text).replace(/\t/g, ' ');
}

function fit(text: string, width: number | null | undefined, used: number): string {
  return width == null ? text : fitWidth(text, Math.max(MIN_LINE_COLUMNS, width - used));
}
