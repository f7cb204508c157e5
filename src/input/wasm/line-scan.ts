// AssemblyScript, not Node TypeScript: `npm run build` compiles it (with find.ts, tag.ts and
// wrappers.ts) with asc to dist/line-scan.wasm (see src/input/line-kernel.ts, which loads it, and
// src/parse/tag-bytes.ts, whose TagReader tag.ts mirrors byte for byte).
//
// One pass over a buffer of whole lines with 16-byte SIMD compares, writing per line:
//   [start, newline, tag key (id * 8 + severity, or -1), tag at, message after, wrapper slot,
//    remembered wrapper, clock]
// `wrapper slot` is the line's slot in the cache of wrappers (wrappers.ts), so the caller parses
// each distinct wrapper once. M_FOLLOWS: the message starts with `m` (perhaps an rsyslog
// `message repeated N times`).
import { findLine, lineAfter, lineKey, lineTag } from './tag';
import { clearWrappers as clearCache, initWrappers, remember as rememberWrapper, wrapperSlot } from './wrappers';

const RECORD_INTS: i32 = 8;
const SLACK: i32 = 256;

let inBase: usize = 0;
let outBase: usize = 0;
let outRecords: i32 = 0;
let wrappersEnd: usize = 0;
let lastConsumed: i32 = 0;
// the raw filter (see filter): a verdict per tag key, and where kept lines are copied
const KEYS: i32 = 8_000_000;
export const SKIP: u8 = 1;
export const KEEP: u8 = 2;
let verdictBase: usize = 0;
let keptBase: usize = 0;
let keptSize: i32 = 0;
let filterLines: i32 = 0;
let filterKept: i32 = 0;
let inputCap: i32 = 0;

/** Lays out memory for `inputBytes` of lines and `records` records per call; returns where input goes. */
export function init(inputBytes: i32, records: i32): usize {
  inBase = (__heap_base + 63) & ~63;
  outBase = (inBase + <usize>inputBytes + <usize>SLACK + 63) & ~63;
  outRecords = records;
  inputCap = inputBytes;
  wrappersEnd = initWrappers(outBase + <usize>records * <usize>RECORD_INTS * 4);
  grow(wrappersEnd);
  clearCache();
  return inBase;
}

function grow(end: usize): void {
  const pages = <i32>((end + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have) memory.grow(pages - have);
}

/** Room for the raw filter: the verdict table (returned) and the kept lines (keptAt). */
export function initFilter(): usize {
  if (verdictBase == 0) {
    verdictBase = (wrappersEnd + 63) & ~63;
    keptBase = (verdictBase + <usize>KEYS + 63) & ~63;
    grow(keptBase + <usize>inputCap + <usize>SLACK);
  }
  return verdictBase;
}

export function keptAt(): usize {
  return keptBase;
}

/** Bytes of kept lines since the last call, lines passed and lines kept: read and reset by the caller. */
export function takeKeptBytes(): i32 {
  const n = keptSize;
  keptSize = 0;
  return n;
}

export function takeLines(): i32 {
  const n = filterLines;
  filterLines = 0;
  return n;
}

export function takeKept(): i32 {
  const n = filterKept;
  filterKept = 0;
  return n;
}

/**
 * The raw filter over the whole lines of input[from, to): a line whose plain tag has a verdict
 * (and is at most `maxLine` bytes) is skipped or copied (newline and all) after the kept lines;
 * at any other line it stops, with that line as record 0, and returns 1 (`consumed()` is past
 * it: the caller decides it). Returns 0 when no whole line is left.
 */
export function filter(from: i32, to: i32, maxLine: i32): i32 {
  const base = inBase;
  let pos = from;
  while (true) {
    const start = pos;
    const nl = findLine(base, start, to);
    if (nl >= to) break;
    const key = lineKey, at = lineTag, after = lineAfter;
    pos = nl + 1;
    const verdict = key >= 0 && nl - start <= maxLine ? load<u8>(verdictBase + <usize>key) : <u8>0;
    if (verdict == SKIP) {
      filterLines++;
      continue;
    }
    if (verdict == KEEP) {
      filterLines++;
      filterKept++;
      memory.copy(keptBase + <usize>keptSize, base + <usize>start, <usize>(pos - start));
      keptSize += pos - start;
      continue;
    }
    store<i32>(outBase, start);
    store<i32>(outBase, nl, 4);
    store<i32>(outBase, key, 8);
    store<i32>(outBase, at, 12);
    store<i32>(outBase, after, 16);
    store<i32>(outBase, -1, 20);
    lastConsumed = pos;
    return 1;
  }
  lastConsumed = pos;
  return 0;
}

export function outputAt(): usize {
  return outBase;
}

/** Where the last scan stopped: past the newline of the last line it recorded. */
export function consumed(): i32 {
  return lastConsumed;
}

/** Forgets every cached wrapper (a new file: its year and zone can differ). */
export function clearWrappers(): void {
  clearCache();
}

/**
 * Remembers the wrapper in input[k, k + len) (`shape`: len * 2 + 1 if a <PRI> was left out),
 * whose clock's seconds start at k + at with `frac` fraction digits after them; returns its base
 * number, or -1 when the digits are not a clock.
 */
export function remember(k: i32, len: i32, shape: i32, at: i32, frac: i32): i32 {
  return rememberWrapper(inBase + <usize>k, len, shape, at, frac);
}

/**
 * Records the lines that start at `from` and end (newline included) before `to`, up to the
 * records' room; returns how many. `consumed()` tells where it stopped.
 */
export function scan(from: i32, to: i32): i32 {
  const base = inBase;
  let pos = from;
  let n: i32 = 0;
  while (n < outRecords) {
    const start = pos;
    const nl = findLine(base, start, to);
    if (nl >= to) break;
    const key = lineKey, at = lineTag, after = lineAfter;
    const rec = outBase + <usize>(n * RECORD_INTS * 4);
    store<i32>(rec, start);
    store<i32>(rec, nl, 4);
    store<i32>(rec, key, 8);
    store<i32>(rec, at, 12);
    store<i32>(rec, after, 16);
    store<i32>(rec, key >= 0 ? wrapperSlot(base, start, at, after, nl, rec) : -1, 20);
    n++;
    pos = nl + 1;
  }
  lastConsumed = pos;
  return n;
}
