// AssemblyScript, not Node TypeScript: `npm run build` compiles it with asc to
// dist/line-scan.wasm (see src/input/line-kernel.ts, which loads it, and src/parse/tag-bytes.ts, whose
// TagReader this mirrors byte for byte).
//
// One pass over a buffer of whole lines with 16-byte SIMD compares, writing per line:
//   [start, newline, tag key (id * 8 + severity, or -1), tag at, message after, wrapper]
// `wrapper` is a slot of a cache of the bytes in front of the tag (after any `<PRI>`), so the
// caller parses each distinct wrapper once: the slot, plus MISS when these bytes are new to it
// (the caller parses them and keeps the result for the slot), or -1 when they are not cacheable
// (non-ASCII, longer than 128 bytes, or no tag). M_FOLLOWS: the message starts with `m`
// (perhaps an rsyslog `message repeated N times`).

const RECORD_INTS: i32 = 8;
const SLOTS: i32 = 8192;
const KEY_MAX: i32 = 128;
const SLOT_BYTES: i32 = 8 + KEY_MAX;
const SLACK: i32 = 256;

export const MISS: i32 = 1 << 16;
export const M_FOLLOWS: i32 = 1 << 17;
/** with MISS: the wrapper is a remembered one (record int 6) whose clock moved (int 7: its clock) */
export const LATER: i32 = 1 << 18;
// wrappers that differ from a remembered one only in the clock's minute, second and fraction
// digits (LaterWrappers in summary/scan/clock.ts, whose rules these are): per layout, where the clock is;
// per remembered wrapper, its bytes with those digits zeroed
const LAYOUTS: i32 = 4096;
const LAYOUT_BYTES: i32 = 12;
const BASES: i32 = 8192;
const BASE_BYTES: i32 = 16 + KEY_MAX;
let layoutBase: usize = 0;
let baseBase: usize = 0;

let inBase: usize = 0;
let outBase: usize = 0;
let outRecords: i32 = 0;
let keyBase: usize = 0;
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
  keyBase = outBase + <usize>records * <usize>RECORD_INTS * 4;
  layoutBase = keyBase + <usize>SLOTS * <usize>SLOT_BYTES;
  baseBase = layoutBase + <usize>LAYOUTS * <usize>LAYOUT_BYTES;
  grow(baseBase + <usize>BASES * <usize>BASE_BYTES);
  clearWrappers();
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
    verdictBase = (baseBase + <usize>BASES * <usize>BASE_BYTES + 63) & ~63;
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
  for (let s: i32 = 0; s < SLOTS; s++) store<i32>(keyBase + <usize>(s * SLOT_BYTES), -1);
  memory.fill(layoutBase, 0, <usize>LAYOUTS * <usize>LAYOUT_BYTES);
  for (let b: i32 = 0; b < BASES; b++) store<i32>(baseBase + <usize>(b * BASE_BYTES), -1);
}

/**
 * Remembers the wrapper in input[k, k + len) (`shape`: len * 2 + 1 if a <PRI> was left out),
 * whose clock's seconds start at k + at with `frac` fraction digits after them; returns its base
 * number, or -1 when the digits are not a clock.
 */
export function remember(k: i32, len: i32, shape: i32, at: i32, frac: i32): i32 {
  const from = inBase + <usize>k;
  if (at < 3 || at + 3 + frac > len || len > KEY_MAX) return -1;
  const lh = layoutHash(from, len, shape);
  const hint = layoutBase + <usize>((lh & (LAYOUTS - 1)) * LAYOUT_BYTES);
  store<u32>(hint, lh | 1);
  store<i32>(hint, at, 4);
  store<i32>(hint, frac, 8);
  const b = maskedHash(from, len, at, frac) & (BASES - 1);
  const entry = baseBase + <usize>(b * BASE_BYTES);
  store<i32>(entry, shape);
  store<i32>(entry, at, 4);
  store<i32>(entry, frac, 8);
  copyMasked(entry + 16, from, len, at, frac);
  return b;
}

let laterClock: i32 = 0;

/** A remembered wrapper that this one is but for its clock: its base number (laterClock: this clock in ms within the hour), or -1. */
function laterBase(from: usize, len: i32, shape: i32): i32 {
  const lh = layoutHash(from, len, shape);
  const hint = layoutBase + <usize>((lh & (LAYOUTS - 1)) * LAYOUT_BYTES);
  if (load<u32>(hint) != (lh | 1)) return -1;
  const at = load<i32>(hint, 4);
  const frac = load<i32>(hint, 8);
  if (at < 3 || at + 3 + frac > len) return -1;
  const minute = sixty(from + <usize>(at - 3));
  const second = sixty(from + <usize>at);
  if (minute < 0 || second < 0) return -1;
  let millis: i32 = 0;
  for (let i: i32 = 0; i < frac; i++) {
    const d = <i32>load<u8>(from + <usize>(at + 3 + i)) - 48;
    if (d < 0 || d > 9) return -1;
    if (i < 3) millis = millis * 10 + d;
  }
  for (let i: i32 = frac; i < 3; i++) millis *= 10;
  const b = maskedHash(from, len, at, frac) & (BASES - 1);
  const entry = baseBase + <usize>(b * BASE_BYTES);
  if (load<i32>(entry) != shape || load<i32>(entry, 4) != at || load<i32>(entry, 8) != frac) return -1;
  for (let i: i32 = 0; i < len; i++) if (load<u8>(entry + 16 + <usize>i) != masked(from, i, at, frac)) return -1;
  laterClock = (minute * 60 + second) * 1000 + millis;
  return b;
}

/** The byte at i of a wrapper whose clock is at `at`: 0 for the minute, second and fraction digits. */
// @ts-ignore: decorator
@inline
function masked(from: usize, i: i32, at: i32, frac: i32): u8 {
  return i >= at - 3 && i <= at + 2 + frac && i != at - 1 && i != at + 2 ? 0 : load<u8>(from + <usize>i);
}

function maskedHash(from: usize, len: i32, at: i32, frac: i32): i32 {
  let h: u32 = <u32>len;
  for (let i: i32 = 0; i < len; i++) h = (h ^ masked(from, i, at, frac)) * 0x01000193;
  return <i32>(h ^ (h >> 15));
}

function copyMasked(to: usize, from: usize, len: i32, at: i32, frac: i32): void {
  for (let i: i32 = 0; i < len; i++) store<u8>(to + <usize>i, masked(from, i, at, frac));
}

/** Wrappers of one layout (the same bytes but for digits, <PRI> or not) share a hint. */
function layoutHash(from: usize, len: i32, shape: i32): u32 {
  let h: u32 = <u32>shape;
  for (let i: i32 = 0; i < len; i++) {
    const c = load<u8>(from + <usize>i);
    h = (h ^ (c >= 48 && c <= 57 ? 48 : c)) * 0x01000193;
  }
  return h ^ (h >> 15);
}

function sixty(at: usize): i32 {
  const tens = <i32>load<u8>(at) - 48, ones = <i32>load<u8>(at + 1) - 48;
  return tens >= 0 && tens <= 5 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
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

let tagEnd: i32 = 0;
let lineKey: i32 = -1;
let lineTag: i32 = 0;
let lineAfter: i32 = 0;

/**
 * The newline of the line at `start` (or `to` if it has none before `to`); sets lineKey to its
 * first plain tag's id * 8 + severity (or -1), lineTag to where the `%` is and lineAfter to
 * where the message starts.
 */
// @ts-ignore: decorator
@inline
function findLine(base: usize, start: i32, to: i32): i32 {
  lineKey = -1;
  lineTag = 0;
  lineAfter = 0;
  let p = findEither(base, start, to, 37, 10);
  while (p < to && load<u8>(base + <usize>p) == 37) {
    const next = load<u8>(base + <usize>p + 1);
    if ((p == start || !isWordByte(load<u8>(base + <usize>p - 1))) && (next == 65 || next == 70 || next == 80 || next == 78 || next == 84)) {
      const key = readTag(base, p);
      if (key >= 0) {
        lineKey = key;
        lineTag = p;
        lineAfter = tagEnd;
      }
      return findNewline(base, p + 1, to);
    }
    p = findEither(base, p + 1, to, 37, 10);
  }
  return p;
}

/** TagReader.read from the `%` at `p`: id * 8 + severity, or -1; sets tagEnd (past a `:`). */
function readTag(base: usize, p: i32): i32 {
  // `%ASA-6-302013` and `%FTD-6-302013`, the usual spellings, from two 8-byte loads
  const w = load<u64>(base + <usize>p);
  const head = w & 0xffffffffff;
  if (head == 0x2d41534125 || head == 0x2d44544625) {
    const sev = <i32>((w >> 40) & 0xff) - 48;
    const digits = load<u64>(base + <usize>p + 7) & 0xffffffffffff;
    // six bytes 0x30-0x39: high nibbles 3, and adding 6 to each leaves them 3
    if (sev >= 0 && sev <= 7 && ((w >> 48) & 0xff) == 45 && (digits & 0xf0f0f0f0f0f0) == 0x303030303030 && ((digits + 0x060606060606) & 0xf0f0f0f0f0f0) == 0x303030303030) {
      const v = digits - 0x303030303030;
      const id = <i32>(v & 0xff) * 100000 + <i32>((v >> 8) & 0xff) * 10000 + <i32>((v >> 16) & 0xff) * 1000 + <i32>((v >> 24) & 0xff) * 100 + <i32>((v >> 32) & 0xff) * 10 + <i32>((v >> 40) & 0xff);
      let e = p + 13;
      const c = load<u8>(base + <usize>e);
      if (c == 58) e++;
      else if (c != 32 && c != 9 && c != 10 && c != 11 && c != 12 && c != 13) return -1;
      tagEnd = e;
      return id * 8 + sev;
    }
  }
  const c1 = load<u8>(base + <usize>p + 1), c2 = load<u8>(base + <usize>p + 2), c3 = load<u8>(base + <usize>p + 3);
  const platform = (c1 == 65 && c2 == 83 && c3 == 65) || (c1 == 70 && ((c2 == 84 && c3 == 68) || (c2 == 68 && c3 == 84))) || (c1 == 80 && c2 == 73 && c3 == 88);
  if (!platform || load<u8>(base + <usize>p + 4) != 45) return -1;
  const q = isLower(load<u8>(base + <usize>p + 5)) ? afterClass(base, p + 5) : p + 5;
  if (q < 0 || load<u8>(base + <usize>q + 1) != 45) return -1;
  const sev = <i32>load<u8>(base + <usize>q) - 48;
  if (sev < 0 || sev > 7) return -1;
  let id: i32 = 0;
  for (let i = q + 2; i < q + 8; i++) {
    const d = <i32>load<u8>(base + <usize>i) - 48;
    if (d < 0 || d > 9) return -1;
    id = id * 10 + d;
  }
  // a newline or carriage return here is the end of the line, as for TagReader
  let e = q + 8;
  const c = load<u8>(base + <usize>e);
  if (c == 58) e++;
  else if (c != 32 && c != 9 && c != 10 && c != 11 && c != 12 && c != 13) return -1;
  tagEnd = e;
  return id * 8 + sev;
}

/** Past `auth-` or `session-x-` (1–4 runs of 1–24 lower-case letters, each then `-`); -1 if not one. */
function afterClass(base: usize, q: i32): i32 {
  for (let runs = 1; runs <= 4; runs++) {
    const from = q;
    while (isLower(load<u8>(base + <usize>q)) && q - from <= 24) q++;
    if (q == from || q - from > 24 || load<u8>(base + <usize>q) != 45) return -1;
    q++;
    if (!isLower(load<u8>(base + <usize>q))) return q;
  }
  return -1;
}

/** The cache slot for the wrapper of the line at `start` whose tag is at `at`, with flags (LATER: ints 6 and 7 of `rec`). */
function wrapperSlot(base: usize, start: i32, at: i32, after: i32, nl: i32, rec: usize): i32 {
  let k = start;
  let pri: i32 = 0;
  if (load<u8>(base + <usize>k) == 60) {
    let j = k + 1;
    while (j < at && j <= k + 3 && isDigit(load<u8>(base + <usize>j))) j++;
    if (j > k + 1 && load<u8>(base + <usize>j) == 62) {
      k = j + 1;
      pri = 1;
    }
  }
  const len = at - k;
  if (len > KEY_MAX) return -1;
  const from = base + <usize>k;
  let h: u64 = <u64>(len * 2 + pri);
  let high: u64 = 0;
  if (len >= 8) {
    let i: i32 = 0;
    for (; i + 8 < len; i += 8) {
      const w = load<u64>(from + <usize>i);
      high |= w;
      h = (h ^ w) * 0x9e3779b97f4a7c15;
    }
    const w = load<u64>(from + <usize>(len - 8));
    high |= w;
    h = (h ^ w) * 0x9e3779b97f4a7c15;
  } else {
    for (let i: i32 = 0; i < len; i++) {
      const c = <u64>load<u8>(from + <usize>i);
      high |= c;
      h = (h ^ c) * 0x100000001b3;
    }
  }
  if ((high & 0x8080808080808080) != 0) return -1;
  h ^= h >> 29;
  const slot = <i32>(h ^ (h >> 32)) & (SLOTS - 1);
  const entry = keyBase + <usize>(slot * SLOT_BYTES);
  let flags: i32 = 0;
  // the message after blanks starts with `m`: the caller checks for a repeat
  let e = after;
  while (e < nl && load<u8>(base + <usize>e) == 32) e++;
  if (load<u8>(base + <usize>e) == 109) flags = M_FOLLOWS;
  const shape = len * 2 + pri;
  if (load<i32>(entry) == shape && sameBytes(entry + 8, from, len)) return slot | flags;
  store<i32>(entry, shape);
  memory.copy(entry + 8, from, <usize>len);
  if (len >= 4) {
    const b = laterBase(from, len, shape);
    if (b >= 0) {
      store<i32>(rec, b, 24);
      store<i32>(rec, laterClock, 28);
      flags |= LATER;
    }
  }
  return slot | MISS | flags;
}

function sameBytes(a: usize, b: usize, len: i32): bool {
  if (len < 8) {
    for (let i: i32 = 0; i < len; i++) if (load<u8>(a + <usize>i) != load<u8>(b + <usize>i)) return false;
    return true;
  }
  let i: i32 = 0;
  for (; i + 8 < len; i += 8) if (load<u64>(a + <usize>i) != load<u64>(b + <usize>i)) return false;
  return load<u64>(a + <usize>(len - 8)) == load<u64>(b + <usize>(len - 8));
}

/** The first byte `x` or `y` at or after `pos`, or `to`: 16 bytes a step. */
// @ts-ignore: decorator
@inline
function findEither(base: usize, pos: i32, to: i32, x: i8, y: i8): i32 {
  const xv = i8x16.splat(x);
  const yv = i8x16.splat(y);
  while (pos < to) {
    const v = v128.load(base + <usize>pos);
    const m = i8x16.bitmask(v128.or(i8x16.eq(v, xv), i8x16.eq(v, yv)));
    if (m != 0) {
      const i = pos + ctz(m);
      return i < to ? i : to;
    }
    pos += 16;
  }
  return to;
}

/** The first newline at or after `pos`, or `to`: 64 bytes a step (most of a line is after its tag). */
// @ts-ignore: decorator
@inline
function findNewline(base: usize, pos: i32, to: i32): i32 {
  const nlv = i8x16.splat(10);
  while (pos + 64 <= to) {
    const at = base + <usize>pos;
    const a = i8x16.eq(v128.load(at), nlv);
    const b = i8x16.eq(v128.load(at, 16), nlv);
    const c = i8x16.eq(v128.load(at, 32), nlv);
    const d = i8x16.eq(v128.load(at, 48), nlv);
    if (v128.any_true(v128.or(v128.or(a, b), v128.or(c, d)))) {
      const m = <u64>i8x16.bitmask(a) | (<u64>i8x16.bitmask(b) << 16) | (<u64>i8x16.bitmask(c) << 32) | (<u64>i8x16.bitmask(d) << 48);
      return pos + <i32>ctz(m);
    }
    pos += 64;
  }
  return findEither(base, pos, to, 10, 10);
}

// @ts-ignore: decorator
@inline
function isWordByte(c: u8): bool {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

// @ts-ignore: decorator
@inline
function isLower(c: u8): bool {
  return c >= 97 && c <= 122;
}

// @ts-ignore: decorator
@inline
function isDigit(c: u8): bool {
  return c >= 48 && c <= 57;
}
