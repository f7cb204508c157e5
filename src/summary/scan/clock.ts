import type { TimestampMatch } from '../../parse/time.js';
import { fixedOffset } from '../../parse/zone.js';
import { wrapper, type Wrapper } from '../tally.js';

/** Where a wrapper's clock is: the seconds' first digit, the fraction's digits after them, and the time within the hour in ms. */
export interface ClockSpot {
  at: number;
  frac: number;
  clock: number;
}

const TABLE = 8192;
const CLOCK = /(?<hour>\d{1,2}):(?<minute>\d\d):(?<second>\d\d)/g;

/**
 * Wrappers that differ from one parsed before only in the minute, second and fraction digits
 * (`Nov 20 10:00:01 fw-1` after `Nov 20 10:00:00 fw-1`): the same host, the time moved by the
 * difference. Parsing would give the same: every pattern parseHeader tries treats all digits
 * alike, and the offset is fixed (see clockSpot). Keyed by the wrapper's words with those digits
 * zeroed, as WrapperCache reads them into `words`.
 */
export class LaterWrappers {
  private readonly bases: Int32Array;
  private readonly baseShape = new Int32Array(TABLE).fill(-1);
  private readonly baseAt = new Int32Array(TABLE);
  private readonly baseClock = new Int32Array(TABLE);
  private readonly baseValue: Wrapper[] = new Array<Wrapper>(TABLE).fill(wrapper(-1, null, null));
  /** per layout (see layoutSlot): the last clock spot parsed, `at + 1` (0: none) and fraction digits */
  private readonly hintAt = new Int32Array(TABLE);
  private readonly hintFrac = new Int32Array(TABLE);
  private readonly masked: Int32Array;
  /** where the clock was in the wrapper the last successful `find` returned */
  found: ClockSpot | null = null;

  constructor(private readonly words: Int32Array) {
    this.bases = new Int32Array(TABLE * words.length);
    this.masked = new Int32Array(words.length);
  }

  clear(): void {
    this.baseShape.fill(-1);
    this.hintAt.fill(0);
  }

  /** `shape`: the key's length × 2 + 1 if a `<PRI>` was left out; `words` hold the key's bytes */
  find(buf: Buffer, k: number, len: number, shape: number): Wrapper | null {
    const hint = layoutSlot(buf, k, len, shape);
    const at = this.hintAt[hint]! - 1;
    const frac = this.hintFrac[hint]!;
    if (at < 3 || at + 3 + frac > len) return null;
    const minute = sixty(buf, k + at - 3), second = sixty(buf, k + at);
    if (minute < 0 || second < 0) return null;
    let millis = 0;
    for (let i = 0; i < frac; i++) {
      const d = buf[k + at + 3 + i]! - 48;
      if (d < 0 || d > 9) return null;
      if (i < 3) millis = millis * 10 + d;
    }
    for (let i = frac; i < 3; i++) millis *= 10;
    const slot = this.mask(len, at, frac);
    if (this.baseShape[slot] !== shape || this.baseAt[slot] !== at) return null;
    const o = slot * this.words.length;
    for (let i = (len + 3) >> 2; i-- > 0;) if (this.bases[o + i] !== this.masked[i]) return null;
    const base = this.baseValue[slot]!;
    const clock = (minute * 60 + second) * 1000 + millis;
    this.found = { at, frac, clock };
    return wrapper(base.host, base.time! + clock - this.baseClock[slot]!, base.repeat);
  }

  remember(buf: Buffer, k: number, len: number, shape: number, spot: ClockSpot, value: Wrapper): void {
    const hint = layoutSlot(buf, k, len, shape);
    this.hintAt[hint] = spot.at + 1;
    this.hintFrac[hint] = spot.frac;
    const slot = this.mask(len, spot.at, spot.frac);
    this.bases.set(this.masked.subarray(0, (len + 3) >> 2), slot * this.words.length);
    this.baseShape[slot] = shape;
    this.baseAt[slot] = spot.at;
    this.baseClock[slot] = spot.clock;
    this.baseValue[slot] = value;
  }

  /** `masked`: the words with the minute, second and fraction digits zeroed; returns their slot. */
  private mask(len: number, at: number, frac: number): number {
    let h = len;
    const last = at + 2 + frac;
    for (let i = 0, n = (len + 3) >> 2; i < n; i++) {
      const from = Math.min(i * 4, len - 4);
      let w = this.words[i]!;
      for (let pos = Math.max(from, at - 3); pos < from + 4 && pos <= last; pos++) {
        if (pos !== at - 1 && pos !== at + 2) w &= ~(0xff << ((pos - from) * 8));
      }
      this.masked[i] = w;
      h = Math.imul(h ^ w, 0x9e3779b1);
      h ^= h >>> 15;
    }
    return (h ^ (h >>> 13)) & (TABLE - 1);
  }
}

/**
 * Where the stamp's clock is in `text` (the wrapper, parsed), or null when other digits there
 * could mean more than a shifted time: a leap second (:60 is read as :59), more fraction digits
 * than the parser reads, or an offset looked up in an IANA zone.
 */
export function clockSpot(text: string, stamp: TimestampMatch, tz: string | undefined): ClockSpot | null {
  if ((stamp.zone === null || fixedOffset(stamp.zone) === null) && tz !== undefined && fixedOffset(tz) === null) return null;
  let found: RegExpExecArray | null = null;
  CLOCK.lastIndex = 0;
  for (let m = CLOCK.exec(text); m !== null && m.index + m[0].length <= stamp.end; m = CLOCK.exec(text)) found = m;
  const g = found?.groups;
  const t = stamp.time;
  if (!found || !g || Number(g.hour) !== t.hour || Number(g.minute) !== t.minute || Number(g.second) !== t.second) return null;
  const at = found.index + found[0].length - 2;
  let frac = 0;
  const sep = text.charCodeAt(at + 2);
  if (sep === 46 || sep === 44) while (isDigit(text.charCodeAt(at + 3 + frac))) frac++;
  if (frac > 9) return null;
  return { at, frac, clock: (t.minute * 60 + t.second) * 1000 + t.millis };
}

/** Wrappers of one layout (the same bytes but for digits, `<PRI>` or not) share a hint. */
function layoutSlot(buf: Buffer, k: number, len: number, shape: number): number {
  let h = shape;
  for (let i = k; i < k + len; i++) {
    const c = buf[i]!;
    h = Math.imul(h ^ (c >= 48 && c <= 57 ? 48 : c), 0x01000193);
  }
  return (h ^ (h >>> 15)) & (TABLE - 1);
}

function sixty(buf: Buffer, at: number): number {
  const tens = buf[at]! - 48, ones = buf[at + 1]! - 48;
  return tens >= 0 && tens <= 5 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
