// AssemblyScript (see line-scan.ts): byte searches with 16-byte SIMD compares, and byte classes.

/** The first byte `x` or `y` at or after `pos`, or `to`: 16 bytes a step. */
// @ts-ignore: decorator
@inline
export function findEither(base: usize, pos: i32, to: i32, x: i8, y: i8): i32 {
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
export function findNewline(base: usize, pos: i32, to: i32): i32 {
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
export function isWordByte(c: u8): bool {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

// @ts-ignore: decorator
@inline
export function isLower(c: u8): bool {
  return c >= 97 && c <= 122;
}

// @ts-ignore: decorator
@inline
export function isDigit(c: u8): bool {
  return c >= 48 && c <= 57;
}
