import type { Catalog } from '../catalog/load.js';
import { categoryOf } from '../catalog/categories.js';
import { needsFields, type FilterOptions } from './compile.js';
import type { LogRecord } from '../classify/record.js';
import { TagReader } from '../parse/tag-bytes.js';

export interface TagPrefilter {
  /** true: the line between `start` and `end` (its newline excluded) provably fails the filter */
  skip: (buf: Buffer, start: number, end: number) => boolean;
  /** true: the line provably passes the filter */
  keeps: (line: Buffer) => boolean;
  /** for a plain tag's `id * 8 + severity` (see TagReader): SKIP or KEEP */
  verdict: (key: number) => number;
}

export const SKIP = 1;
export const KEEP = 2;

/**
 * A byte-level pre-check for filters that look only at the tag (--severity, --id, --category,
 * --unknown, --invert of those): a line whose first tag is plainly `%ASA-6-302013` (ASA, FTD, FDT
 * or PIX) is decided by the compiled filter once per severity and ID, without decoding the line.
 * Every other line returns false and goes through the normal path, so output is unchanged.
 */
export function tagPrefilter(opts: FilterOptions, keep: (r: LogRecord) => boolean, catalog: Catalog): TagPrefilter | null {
  if (needsFields(opts) || opts.host !== undefined || opts.since !== undefined || opts.until !== undefined || opts.grep !== undefined || opts.grepLine !== undefined || opts.unparsed) return null;
  // per severity × ID: 0 not yet decided, SKIP or KEEP
  const decided = new Uint8Array(8 * 1_000_000);
  const decide = (key: number): number => {
    const id = String(key >> 3).padStart(6, '0');
    const entry = catalog.get(id);
    const r: LogRecord = {
      file: '', line: 0, timestamp: null, host: null, platform: 'ASA', severity: key & 7,
      defaultSeverity: entry?.severity ?? null, id, category: entry?.category ?? categoryOf(id),
      known: entry !== undefined, message: '', raw: '',
    };
    return (decided[key] = keep(r) ? KEEP : SKIP);
  };
  const verdict = (key: number): number => decided[key] || decide(key);
  return {
    skip: (buf, start, end) => {
      const key = plainTagKey(buf, start, end);
      return key >= 0 && verdict(key) === SKIP;
    },
    keeps: (line) => {
      const key = plainTagKey(line, 0, line.length);
      return key >= 0 && verdict(key) === KEEP;
    },
    verdict,
  };
}

const tag = new TagReader();

/** `id * 8 + severity` of the line's first tag when it is plain (see TagReader); -1 when not certain. */
export function plainTagKey(buf: Buffer, start: number, end: number): number {
  return tag.read(buf, start, end > start && buf[end - 1] === 13 ? end - 1 : end);
}
