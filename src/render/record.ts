import type { Catalog } from '../catalog/load.js';
import type { Lang } from '../catalog/types.js';
import { shortMeaning } from '../catalog/meaning.js';
import type { Palette } from './palette.js';
import type { LogRecord } from '../classify/record.js';
import { severityName } from '../parse/severity.js';
import { terminalSafe } from '../terminal-safe.js';

export const CSV_COLUMNS = ['file', 'line', 'timestamp', 'host', 'platform', 'severity', 'defaultSeverity', 'id', 'category', 'known', 'repeat', 'message', 'raw'] as const;

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** What a spreadsheet takes for the start of a formula (OWASP, CSV injection): `= + - @`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula (log text is written by
 * whoever sends the packets) is neutralised as OWASP recommends: a `'` before it, and quoted.
 * Numbers and booleans are written as they are.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line break. */
export function renderCsv(r: LogRecord): string {
  return `${CSV_COLUMNS.map((c) => csvField(r[c as keyof LogRecord])).join(',')}\r\n`;
}

export function renderJson(r: LogRecord): string {
  return `${JSON.stringify(r)}\n`;
}

const SEVERITY_WIDTH = 15;
const CATEGORY_WIDTH = 14;

/** The terminal view: severity, category, ID, the line itself, and what the ID means. */
export function renderText(r: LogRecord, catalog: Catalog, lang: Lang, palette: Palette): string {
  const line = terminalSafe(r.raw);
  if (r.id === null) return `${palette.dim(`${'-'.padEnd(SEVERITY_WIDTH)} ${''.padEnd(CATEGORY_WIDTH)} ${''.padEnd(6)}  ${line}`)}\n`;
  const level = r.severity ?? r.defaultSeverity;
  const sev = palette.severity(level, (level === null ? '?' : `${level} ${severityName(level)}`).padEnd(SEVERITY_WIDTH));
  const entry = catalog.get(r.id);
  const meaning = entry ? palette.dim(`  — ${terminalSafe(shortMeaning(entry, lang, 72, r.variant))}`) : palette.dim('  — (not in catalog)');
  const repeat = r.repeat ? palette.bold(` ×${r.repeat}`) : '';
  return `${sev} ${(r.category ?? '').padEnd(CATEGORY_WIDTH)} ${palette.accent(r.id)}${repeat}  ${palette.severity(level, line)}${meaning}\n`;
}
