// AssemblyScript (see line-scan.ts): a line's newline and its first plain `%ASA-6-302013` tag,
// read as TagReader (src/parse/tag-bytes.ts) reads it, byte for byte.
import { findEither, findNewline, isLower, isWordByte } from './find';

let tagEnd: i32 = 0;
export let lineKey: i32 = -1;
export let lineTag: i32 = 0;
export let lineAfter: i32 = 0;

/**
 * The newline of the line at `start` (or `to` if it has none before `to`); sets lineKey to its
 * first plain tag's id * 8 + severity (or -1), lineTag to where the `%` is and lineAfter to
 * where the message starts.
 */
// @ts-ignore: decorator
@inline
export function findLine(base: usize, start: i32, to: i32): i32 {
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
      return closeTag(base, p + 13, id * 8 + sev);
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
  return closeTag(base, q + 8, id * 8 + sev);
}

/**
 * A tag ends at `e` with a `:` (taken into it), a blank, or the end of the line (a newline or
 * carriage return, as for TagReader): `key`, with tagEnd set; anything else makes it no tag (-1).
 */
// @ts-ignore: decorator
@inline
function closeTag(base: usize, e: i32, key: i32): i32 {
  const c = load<u8>(base + <usize>e);
  if (c == 58) e++;
  else if (c != 32 && c != 9 && c != 10 && c != 11 && c != 12 && c != 13) return -1;
  tagEnd = e;
  return key;
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
