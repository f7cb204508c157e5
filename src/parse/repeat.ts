// rsyslog folds duplicates into `message repeated N times: [ … ]`: read here from text (the parser)
// and from bytes (the summary's scanner), the same way.

/** Messages a line stands for: an rsyslog repeat's N, but a line is one message even if it says `0 times`. */
export function atLeastOne(repeat: number | null): number {
  return repeat === null || repeat < 1 ? 1 : repeat;
}

const REPEATED_TEXT = /message repeated (?<n>\d{1,9}) times: \[ ?/y;

/** `message repeated N times: [` at `pos`: N, and where the message inside the brackets starts; else null. */
export function repeatIn(text: string, pos: number): { count: number; end: number } | null {
  REPEATED_TEXT.lastIndex = pos;
  const m = REPEATED_TEXT.exec(text);
  return m === null ? null : { count: Number(m.groups!.n), end: pos + m[0].length };
}

const REPEATED = Buffer.from('message repeated ');
const TIMES = Buffer.from(' times: [');

/** N of `message repeated N times: [` (1–9 digits) at `pos` in bytes, as `repeatIn` reads it; else null. */
export function repeatedAt(buf: Buffer, pos: number, end: number): number | null {
  if (pos + REPEATED.length > end || buf.compare(REPEATED, 0, REPEATED.length, pos, pos + REPEATED.length) !== 0) return null;
  let i = pos + REPEATED.length;
  let n = 0;
  const first = i;
  for (; i < end && buf[i]! >= 48 && buf[i]! <= 57; i++) n = n * 10 + buf[i]! - 48;
  if (i === first || i - first > 9 || i + TIMES.length > end) return null;
  return buf.compare(TIMES, 0, TIMES.length, i, i + TIMES.length) === 0 ? n : null;
}
