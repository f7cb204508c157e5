// rsyslog folds duplicates into `message repeated N times: [ … ]`; read from bytes as parse-line reads it.

/** Messages a line stands for: an rsyslog repeat's N, but a line is one message even if it says `0 times`. */
export function atLeastOne(repeat: number | null): number {
  return repeat === null || repeat < 1 ? 1 : repeat;
}

const REPEATED = Buffer.from('message repeated ');
const TIMES = Buffer.from(' times: [');

/** N of `message repeated N times: [` (1–9 digits) at `pos`, as parse-line's REPEATED reads it; else null. */
export function repeatedAt(buf: Buffer, pos: number, end: number): number | null {
  if (pos + REPEATED.length > end || buf.compare(REPEATED, 0, REPEATED.length, pos, pos + REPEATED.length) !== 0) return null;
  let i = pos + REPEATED.length;
  let n = 0;
  const first = i;
  for (; i < end && buf[i]! >= 48 && buf[i]! <= 57; i++) n = n * 10 + buf[i]! - 48;
  if (i === first || i - first > 9 || i + TIMES.length > end) return null;
  return buf.compare(TIMES, 0, TIMES.length, i, i + TIMES.length) === 0 ? n : null;
}
