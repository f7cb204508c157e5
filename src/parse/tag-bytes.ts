import { isWordChar } from './chars.js';

/**
 * Reads a line's first Cisco tag from bytes when it is plainly `%ASA-6-302013` (ASA, FTD, FDT or
 * PIX, with or without a class like `-auth`; then `:`, a blank or the end of the line), as findTag
 * would read it. `read` returns
 * `id * 8 + severity`, or -1 when that is not certain (the caller then parses the line as text);
 * `at` is then where the `%` is and `after` where the message starts (past a `:`).
 */
export class TagReader {
  at = 0;
  after = 0;

  /** `end`: the end of the line, its newline and carriage return excluded */
  read(buf: Buffer, start: number, end: number): number {
    let p = buf.indexOf(37, start);
    for (;;) {
      if (p === -1 || p >= end) return -1;
      if (p === start || !isWordChar(buf[p - 1]!)) {
        const c = buf[p + 1];
        if (c === 65 || c === 70 || c === 80 || c === 78 || c === 84) break; // A F P N T: maybe a tag
      }
      p = buf.indexOf(37, p + 1);
    }
    const c1 = buf[p + 1]!, c2 = buf[p + 2], c3 = buf[p + 3];
    const platform = (c1 === 65 && c2 === 83 && c3 === 65) || (c1 === 70 && ((c2 === 84 && c3 === 68) || (c2 === 68 && c3 === 84))) || (c1 === 80 && c2 === 73 && c3 === 88);
    if (!platform || buf[p + 4] !== 45) return -1;
    const q = isLower(buf[p + 5]) ? afterClass(buf, p + 5) : p + 5;
    if (q < 0 || q + 8 > end || buf[q + 1] !== 45) return -1;
    const sev = buf[q]! - 48;
    if (sev < 0 || sev > 7) return -1;
    let id = 0;
    for (let i = q + 2; i < q + 8; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) return -1;
      id = id * 10 + d;
    }
    let e = q + 8;
    if (e < end) {
      const c = buf[e]!;
      if (c === 58) e++;
      else if (c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13) return -1;
    }
    this.at = p;
    this.after = e;
    return id * 8 + sev;
  }
}

/** Past `auth-` or `session-x-` (parse-tag's class infix: 1–4 runs of 1–24 letters); -1 if not one. */
function afterClass(buf: Buffer, q: number): number {
  for (let runs = 1; runs <= 4; runs++) {
    const from = q;
    while (isLower(buf[q]) && q - from <= 24) q++;
    if (q === from || q - from > 24 || buf[q] !== 45) return -1;
    q++;
    if (!isLower(buf[q])) return q;
  }
  return -1;
}

function isLower(c: number | undefined): boolean {
  return c !== undefined && c >= 97 && c <= 122;
}

/** False when no tag can be in the line: every spelling parse-tag reads names its platform in capitals. */
export function mayHoldTag(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i + 2 < end; i++) {
    const c = buf[i]!, d = buf[i + 1];
    if ((c === 65 && d === 83) || (c === 70 && (d === 84 || d === 68)) || (c === 80 && d === 73) || (c === 78 && d === 71) || (c === 84 && d === 104)) return true;
  }
  return false;
}
