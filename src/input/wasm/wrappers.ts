// AssemblyScript (see line-scan.ts): the cache of the bytes in front of a tag. A line's wrapper
// is a slot of it, plus MISS when its bytes are new to the slot (the caller parses them and keeps
// the result for the slot), or -1 when they are not cacheable (non-ASCII, longer than KEY_MAX).
// Wrappers that differ from a remembered one only in the clock's minute, second and fraction
// digits (LaterWrappers in src/summary/scan/clock.ts, whose rules these are) are found here too
// (LATER): per layout, where the clock is; per remembered wrapper, its bytes with those digits zeroed.
import { isDigit } from './find';

const SLOTS: i32 = 8192;
const KEY_MAX: i32 = 128;
const SLOT_BYTES: i32 = 8 + KEY_MAX;
const LAYOUTS: i32 = 4096;
const LAYOUT_BYTES: i32 = 12;
const BASES: i32 = 8192;
const BASE_BYTES: i32 = 16 + KEY_MAX;

export const MISS: i32 = 1 << 16;
export const M_FOLLOWS: i32 = 1 << 17;
/** with MISS: the wrapper is a remembered one (record int 6) whose clock moved (int 7: its clock) */
export const LATER: i32 = 1 << 18;

let keyBase: usize = 0;
let layoutBase: usize = 0;
let baseBase: usize = 0;

/** Lays the cache out from `at`; returns where it ends. */
export function initWrappers(at: usize): usize {
  keyBase = at;
  layoutBase = keyBase + <usize>SLOTS * <usize>SLOT_BYTES;
  baseBase = layoutBase + <usize>LAYOUTS * <usize>LAYOUT_BYTES;
  return baseBase + <usize>BASES * <usize>BASE_BYTES;
}

/** Forgets every cached wrapper (a new file: its year and zone can differ). */
export function clearWrappers(): void {
  for (let s: i32 = 0; s < SLOTS; s++) store<i32>(keyBase + <usize>(s * SLOT_BYTES), -1);
  memory.fill(layoutBase, 0, <usize>LAYOUTS * <usize>LAYOUT_BYTES);
  for (let b: i32 = 0; b < BASES; b++) store<i32>(baseBase + <usize>(b * BASE_BYTES), -1);
}

/**
 * Remembers the wrapper of `len` bytes at `from` (`shape`: len * 2 + 1 if a <PRI> was left out),
 * whose clock's seconds start at k + at with `frac` fraction digits after them; returns its base
 * number, or -1 when the digits are not a clock.
 */
export function remember(from: usize, len: i32, shape: i32, at: i32, frac: i32): i32 {
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

/** The cache slot for the wrapper of the line at `start` whose tag is at `at`, with flags (LATER: ints 6 and 7 of `rec`). */
export function wrapperSlot(base: usize, start: i32, at: i32, after: i32, nl: i32, rec: usize): i32 {
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
