import { parseHeader } from '../../parse/header.js';
import { formatTimestamp } from '../../parse/timestamp.js';
import type { YearContext } from '../../parse/year-context.js';
import { NO_HOST, wrapper, type Wrapper } from '../tally.js';
import { clockSpot, LaterWrappers, type ClockSpot } from './clock.js';

/** Where the scanner reads: the file's name in the report, and how its zoneless times resolve. */
export interface ScanFile extends YearContext {
  name: string;
  tz?: string;
}

const TABLE = 8192;
const MAX_WORDS = 32;

/**
 * The wrapper in front of a tag parsed once per distinct spelling, and not even then when only
 * its clock moved (LaterWrappers). Keys are the wrapper's bytes after any `<PRI>` (it changes
 * neither host nor time), read four at a time and compared in full.
 */
export class WrapperCache {
  private readonly keys = new Int32Array(TABLE * MAX_WORDS);
  private readonly keyShape = new Int32Array(TABLE).fill(-1);
  private readonly values: Wrapper[] = new Array<Wrapper>(TABLE).fill(wrapper(NO_HOST, null, null));
  private readonly words = new Int32Array(MAX_WORDS);
  private readonly later = new LaterWrappers(this.words);
  private view: DataView = new DataView(new ArrayBuffer(0));
  private file: ScanFile = { name: '', year: 0 };
  private spot: ClockSpot | null = null;
  /**
   * After `get` parsed a wrapper or found it by its clock: the key (its bytes after any <PRI>,
   * from `k`) and where its clock is within it; else null. The summary's kernel remembers these.
   */
  keyClock: { k: number; len: number; shape: number; spot: ClockSpot } | null = null;

  constructor(private readonly hostOf: (name: string) => number) {}

  /** A new input: years and zones can differ between files. */
  startFile(file: ScanFile): void {
    this.file = file;
    this.keyShape.fill(-1);
    this.later.clear();
  }

  /** The bytes `get` reads next: call once per buffer, not per line. */
  use(buf: Buffer): void {
    if (this.view.buffer !== buf.buffer) this.view = new DataView(buf.buffer);
  }

  /** The wrapper between `start` and the tag at `p`; null when it is not plain ASCII. */
  get(buf: Buffer, start: number, p: number): Wrapper | null {
    this.keyClock = null;
    let k = start;
    let pri = 0;
    if (buf[k] === 60) {
      let j = k + 1;
      while (j < p && j <= k + 3 && buf[j]! >= 48 && buf[j]! <= 57) j++;
      if (j > k + 1 && buf[j] === 62) {
        k = j + 1;
        pri = 1;
      }
    }
    const len = p - k;
    const n = (len + 3) >> 2;
    if (n > MAX_WORDS) return this.parse(buf, start, p);
    const shape = len * 2 + pri;
    const words = this.words;
    let h = shape;
    if (len < 4) {
      let w = 0;
      for (let i = k; i < p; i++) w = (w << 8) | buf[i]!;
      words[0] = w;
      h = Math.imul(h ^ w, 0x9e3779b1);
    } else {
      // the last word overlaps the one before it when len is not a multiple of 4
      const view = this.view;
      const base = buf.byteOffset + k;
      for (let i = 0; i < n - 1; i++) {
        const w = view.getInt32(base + i * 4, true);
        words[i] = w;
        h = Math.imul(h ^ w, 0x9e3779b1);
      }
      const w = view.getInt32(base + len - 4, true);
      words[n - 1] = w;
      h = Math.imul(h ^ w, 0x9e3779b1);
    }
    h ^= h >>> 16;
    const slot = (h ^ (h >>> 13)) & (TABLE - 1);
    const keys = this.keys;
    const o = slot * MAX_WORDS;
    if (this.keyShape[slot] === shape) {
      let i = 0;
      while (i < n && keys[o + i] === words[i]) i++;
      if (i === n) return this.values[slot]!;
    }
    return this.miss(buf, start, p, k, shape, slot);
  }

  /** Bytes new to the cache (`words` holds them from `k`): a remembered wrapper whose clock moved, else parsed; then kept in `slot`. */
  private miss(buf: Buffer, start: number, p: number, k: number, shape: number, slot: number): Wrapper | null {
    const len = p - k;
    this.spot = null;
    const later = len >= 4 ? this.later.find(buf, k, len, shape) : null;
    const value = later ?? this.parse(buf, start, p);
    if (value === null) return null;
    if (later !== null) this.keyClock = { k, len, shape, spot: this.later.found! };
    const spot = this.spot as ClockSpot | null;
    if (spot !== null && spot.at >= k - start) {
      const keySpot = { ...spot, at: spot.at - (k - start) };
      this.later.remember(buf, k, len, shape, keySpot, value);
      this.keyClock = { k, len, shape, spot: keySpot };
    }
    this.keys.set(this.words.subarray(0, (len + 3) >> 2), slot * MAX_WORDS);
    this.keyShape[slot] = shape;
    this.values[slot] = value;
    return value;
  }

  private parse(buf: Buffer, start: number, p: number): Wrapper | null {
    for (let i = start; i < p; i++) if (buf[i]! >= 0x80) return null;
    const text = buf.toString('latin1', start, p);
    const parsed = parseHeader(text);
    const stamp = parsed.stamp === null ? null : formatTimestamp(parsed.stamp.time, parsed.stamp.zone, this.file.tz, this.file.year, this.file.notAfter);
    if (stamp !== null) this.spot = clockSpot(text, parsed.stamp!, this.file.tz);
    return wrapper(parsed.host === null ? NO_HOST : this.hostOf(parsed.host), stamp === null ? null : Date.parse(stamp), parsed.repeat);
  }
}
