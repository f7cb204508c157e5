import type { LogRecord } from '../classify/record.js';

export const CSV_COLUMNS = ['file', 'line', 'timestamp', 'host', 'platform', 'severity', 'defaultSeverity', 'id', 'category', 'known', 'repeat', 'message', 'raw'] as const;

/** The columns, then the canonical fields `--fields` asked for. */
export function csvHeader(fields: readonly string[] = []): string {
  return `${[...CSV_COLUMNS, ...fields].join(',')}\r\n`;
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
export function renderCsv(r: LogRecord, fields: readonly string[] = []): string {
  const columns = CSV_COLUMNS.map((c) => csvField(r[c as keyof LogRecord]));
  for (const f of fields) columns.push(csvField(r.canonical?.[f]));
  return `${columns.join(',')}\r\n`;
}

export function renderJson(r: LogRecord): string {
  return `${JSON.stringify(r)}\n`;
}
