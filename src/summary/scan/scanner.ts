import { LineFeed, type RecordSink } from '../../input/line-feed.js';
import { LATER, MISS, M_FOLLOWS, RECORD_INTS, SLOT_MASK, type LineKernel } from '../../input/line-kernel.js';
import { parseLine } from '../../parse/line.js';
import { atLeastOne, repeatedAt } from '../../parse/repeat.js';
import { mayHoldTag, TagReader } from '../../parse/tag-bytes.js';
import { NO_HOST, Tally, wrapper, type Wrapper } from '../tally.js';
import type { TallyResult } from '../tally-result.js';
import type { ClockSpot } from './clock.js';
import { WrapperCache, type ScanFile } from './wrapper-cache.js';
import type { SectionsFeed } from '../sections-feed.js';
import type { ParseContext } from '../../parse/line.js';

/**
 * Counts lines for `summary` straight from bytes: no string or object per line. A line whose
 * `%ASA-6-302013` style tag is found in ASCII gets its wrapper from the cache; anything unusual
 * goes through `parseLine`, so every line counts exactly as the record path counts it. With
 * WebAssembly (LineKernel), lines and tags are found in bulk and wrappers looked up by slot.
 */
export class SummaryScanner implements RecordSink {
  private readonly tally = new Tally();
  private readonly tag = new TagReader();
  private readonly wrappers = new WrapperCache((host) => this.tally.hostOf(host));
  private readonly feed: LineFeed;
  private file: ScanFile = { name: '', year: 0 };
  private fileSeen = true;
  private fileStart = 0;
  /** the wrapper parsed for each of the kernel's cache slots */
  private readonly slotWrappers: (Wrapper | null)[] = new Array<Wrapper | null>(SLOT_MASK + 1).fill(null);
  /** wrappers the kernel remembers (LATER), by number: the wrapper and its clock in ms within the hour */
  private readonly bases: [Wrapper, number][] = [];
  private readonly toRemember: [k: number, len: number, shape: number, spot: ClockSpot, value: Wrapper][] = [];

  private ctx: ParseContext = {};

  /** `feed`: the sections and `--by`, which read the fields of the lines that can carry theirs */
  constructor(private readonly maxLineBytes = 1 << 20, private readonly sections: SectionsFeed | null = null) {
    this.feed = new LineFeed(this, maxLineBytes);
  }

  /** Where a reader can read bytes for `push` without a copy (the kernel's input), or null. */
  readBuffer(): Buffer | null {
    return this.feed.readBuffer();
  }

  /** Starts a new input: the wrapper cache is per file (the year and zone can differ). */
  startFile(file: ScanFile): void {
    this.file = file;
    this.ctx = { year: file.year, notAfter: file.notAfter, tz: file.tz };
    this.fileSeen = false;
    this.fileStart = this.tally.lines;
    this.wrappers.startFile(file);
    this.feed.reset();
  }

  /** Scans whole lines of `chunk`; a partial last line waits for the next chunk or `end()`. */
  push(chunk: Buffer): void {
    this.feed.push(chunk);
  }

  /** The input ended: a last line without a newline still counts. */
  end(): void {
    this.feed.end();
  }

  /** Long lines found since the last call, for warnings while the scan runs. */
  takeLongLines(): TallyResult['longLines'] {
    return this.tally.longLines.splice(0);
  }

  /** The counts so far; the scanner goes on from zero (a worker's next piece of the same file). */
  take(): TallyResult {
    this.fileSeen = false;
    this.fileStart = 0;
    const result = this.tally.take();
    if (this.sections !== null) result.sections = [this.sections.take()];
    return result;
  }

  records(buf: Buffer, r: Int32Array, count: number, kernel: LineKernel): void {
    this.wrappers.use(buf);
    const max = this.maxLineBytes;
    const slots = this.slotWrappers;
    for (let i = 0, last = count * RECORD_INTS; i < last; i += RECORD_INTS) {
      const start = r[i]!, nl = r[i + 1]!, key = r[i + 2]!, slot = r[i + 5]!;
      if (nl - start > max) {
        // the kernel cached this line's wrapper in its slot: the slot's wrapper must follow
        if (key >= 0 && slot >= 0 && (slot & MISS) !== 0) this.missed(buf, r, i, slot);
        this.longLine(buf.subarray(start, start + max), nl - start - max);
        continue;
      }
      if (key < 0) {
        this.slowLine(buf, start, nl);
        continue;
      }
      const found = slot >= 0 && (slot & MISS) === 0 ? slots[slot & SLOT_MASK]! : this.missed(buf, r, i, slot);
      if (found === null) {
        this.slowLine(buf, start, nl);
        continue;
      }
      let repeat = found.repeat;
      if (repeat === null && (slot < 0 || (slot & M_FOLLOWS) !== 0)) repeat = repeatAfterTag(buf, r[i + 4]!, nl > start && buf[nl - 1] === 13 ? nl - 1 : nl);
      if (!this.fileSeen) this.noteFile();
      this.tally.lines++;
      this.tally.count(key >> 3, key & 7, atLeastOne(repeat), found);
      if (this.sections !== null) this.sections.line(buf, start, nl, key >> 3, repeat, this.ctx);
    }
    // told to the kernel once its records are read: it found this batch's lines without them
    for (const [k, len, shape, spot, value] of this.toRemember.splice(0)) {
      const base = kernel.remember(k, len, shape, spot.at, spot.frac);
      if (base >= 0) this.bases[base] = [value, spot.clock];
    }
  }

  /** A wrapper the kernel had not cached: a remembered one whose clock moved (LATER), else from the JS caches or parsed. */
  private missed(buf: Buffer, r: Int32Array, i: number, slot: number): Wrapper | null {
    if (slot >= 0 && (slot & LATER) !== 0) {
      const [base, clock] = this.bases[r[i + 6]!]!;
      return (this.slotWrappers[slot & SLOT_MASK] = wrapper(base.host, base.time! + r[i + 7]! - clock, base.repeat));
    }
    const found = this.wrappers.get(buf, r[i]!, r[i + 3]!);
    if (slot < 0) return found;
    this.slotWrappers[slot & SLOT_MASK] = found;
    const kc = this.wrappers.keyClock;
    if (found !== null && kc !== null) this.toRemember.push([kc.k, kc.len, kc.shape, kc.spot, found]);
    return found;
  }

  longLine(head: Buffer, dropped: number): void {
    this.tally.longLines.push([this.tally.lines - this.fileStart + 1, head.length, dropped]);
    this.slowLine(head, 0, head.length);
  }

  line(buf: Buffer, start: number, nl: number): void {
    this.wrappers.use(buf);
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    const key = this.tag.read(buf, start, end);
    if (key < 0) return this.slowLine(buf, start, nl);
    const wrapper = this.wrappers.get(buf, start, this.tag.at);
    if (wrapper === null) return this.slowLine(buf, start, nl);
    const repeat = wrapper.repeat ?? repeatAfterTag(buf, this.tag.after, end);
    if (!this.fileSeen) this.noteFile();
    this.tally.lines++;
    this.tally.count(key >> 3, key & 7, atLeastOne(repeat), wrapper);
    if (this.sections !== null) this.sections.line(buf, start, nl, key >> 3, repeat, this.ctx);
  }

  /** Any line the fast path is unsure of: the full parser decides, as for the record path. */
  private slowLine(buf: Buffer, start: number, nl: number): void {
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    if (!mayHoldTag(buf, start, end)) {
      if (!this.fileSeen) this.noteFile();
      this.tally.lines++;
      this.tally.unparsed++;
      return;
    }
    const text = buf.toString('utf8', start, end);
    const parsed = parseLine(text, this.ctx);
    if (!this.fileSeen) this.noteFile();
    this.tally.lines++;
    if (parsed.id === null || parsed.severity === null) {
      this.tally.unparsed++;
      return;
    }
    const time = parsed.timestamp === null ? null : Date.parse(parsed.timestamp);
    const host = parsed.host === null ? NO_HOST : this.tally.hostOf(parsed.host);
    this.tally.count(Number(parsed.id), parsed.severity, atLeastOne(parsed.repeat ?? null), wrapper(host, time, null));
    if (this.sections !== null) this.sections.text(text, Number(parsed.id), parsed.repeat ?? null, this.ctx);
  }

  private noteFile(): void {
    this.fileSeen = true;
    this.tally.noteFile(this.file.name);
  }
}

/** An rsyslog `message repeated N times: [` right after the tag (blanks skipped): N, else null. */
function repeatAfterTag(buf: Buffer, after: number, end: number): number | null {
  let e = after;
  while (e < end && buf[e] === 32) e++;
  return buf[e] === 109 ? repeatedAt(buf, e, end) : null;
}
