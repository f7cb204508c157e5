import type { Catalog } from './catalog.js';
import { categoryOf } from './categories.js';
import type { FilterOptions } from './filter.js';
import type { LogRecord } from './record.js';

export interface TagPrefilter {
  /** true: the line between `start` and `end` (its newline excluded) provably fails the filter */
  skip: (buf: Buffer, start: number, end: number) => boolean;
  /** true: the line provably passes the filter */
  keeps: (line: Buffer) => boolean;
}

/**
 * A byte-level pre-check for filters that look only at the tag (--severity, --id, --category,
 * --unknown, --invert of those): a line whose first tag is plainly `%ASA-6-302013` (ASA, FTD, FDT
 * or PIX) is decided by the compiled filter once per severity and ID, without decoding the line.
 * Every other line returns false and goes through the normal path, so output is unchanged.
 */
export function tagPrefilter(opts: FilterOptions, keep: (r: LogRecord) => boolean, catalog: Catalog): TagPrefilter | null {
  if (opts.host !== undefined || opts.since !== undefined || opts.until !== undefined || opts.grep !== undefined || opts.unparsed) return null;
  // per severity × ID: 0 not yet decided, 1 skip, 2 keep
  const decided = new Uint8Array(8 * 1_000_000);
  const decide = (key: number): number => {
    const id = String(key >> 3).padStart(6, '0');
    const entry = catalog.get(id);
    const r: LogRecord = {
      file: '', line: 0, timestamp: null, host: null, platform: 'ASA', severity: key & 7,
      defaultSeverity: entry?.severity ?? null, id, category: entry?.category ?? categoryOf(id),
      known: entry !== undefined, message: '', raw: '',
    };
    return (decided[key] = keep(r) ? 2 : 1);
  };
  return {
    skip: (buf, start, end) => {
      const key = plainTag(buf, start, end);
      return key >= 0 && (decided[key] || decide(key)) === 1;
    },
    keeps: (line) => {
      const key = plainTag(line, 0, line.length);
      return key >= 0 && (decided[key] || decide(key)) === 2;
    },
  };
}

/**
 * `id * 8 + severity` of the line's first tag when it is plainly `%ASA-6-302013` (then `:`, a
 * blank or the end of the line), as findTag would read it; -1 when that is not certain.
 */
export function plainTag(buf: Buffer, start: number, end: number): number {
  if (end > start && buf[end - 1] === 13) end--;
  let p = buf.indexOf(37, start);
  for (;;) {
    if (p === -1 || p >= end) return -1;
    if (p === start || !isWordByte(buf[p - 1]!)) {
      const c = buf[p + 1];
      if (c === 65 || c === 70 || c === 80 || c === 78 || c === 84) break; // A F P N T: maybe a tag
    }
    p = buf.indexOf(37, p + 1);
  }
  const c1 = buf[p + 1]!, c2 = buf[p + 2], c3 = buf[p + 3];
  const platform = (c1 === 65 && c2 === 83 && c3 === 65) || (c1 === 70 && ((c2 === 84 && c3 === 68) || (c2 === 68 && c3 === 84))) || (c1 === 80 && c2 === 73 && c3 === 88);
  if (!platform || p + 13 > end || buf[p + 4] !== 45 || buf[p + 6] !== 45) return -1;
  const sev = buf[p + 5]! - 48;
  if (sev < 0 || sev > 7) return -1;
  let id = 0;
  for (let i = p + 7; i < p + 13; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    id = id * 10 + d;
  }
  if (p + 13 < end) {
    const c = buf[p + 13];
    if (c !== 58 && c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13) return -1;
  }
  return id * 8 + sev;
}

export function isWordByte(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}
