import { parseLine } from './parse-line.js';
import { atLeastOne, repeatedAt } from './scan-repeat.js';
import type { ScanResult } from './scan-result.js';
import { mayHoldTag, TagReader } from './scan-tag.js';
import { NO_HOST, ScanTally } from './scan-tally.js';
import { wrapper, WrapperCache, type ScanFile } from './scan-wrapper.js';

/**
 * Counts lines for `summary` straight from bytes: no string or object per line. A line whose
 * `%ASA-6-302013` style tag is found in ASCII gets its wrapper from the cache; anything unusual
 * goes through `parseLine`, so every line counts exactly as the record path counts it.
 */
export class SummaryScanner {
  private readonly tally = new ScanTally();
  private readonly tag = new TagReader();
  private readonly wrappers = new WrapperCache((host) => this.tally.hostOf(host));
  private file: ScanFile = { name: '', year: 0 };
  private fileSeen = true;
  private fileStart = 0;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private carryDropped = 0;

  constructor(private readonly maxLineBytes = 1 << 20) {}

  /** Starts a new input: the wrapper cache is per file (the year and zone can differ). */
  startFile(file: ScanFile): void {
    this.file = file;
    this.fileSeen = false;
    this.fileStart = this.tally.lines;
    this.wrappers.startFile(file);
    this.carry = [];
    this.carryBytes = 0;
    this.carryDropped = 0;
  }

  /** Scans whole lines of `chunk`; a partial last line waits for the next chunk or `end()`. */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.carryBytes > 0 || this.carryDropped > 0) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        this.keep(chunk);
        return;
      }
      this.keep(chunk.subarray(0, nl));
      this.flushCarry();
      start = nl + 1;
    }
    this.wrappers.use(chunk);
    const max = this.maxLineBytes;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      if (nl - start > max) this.longLine(chunk.subarray(start, start + max), nl - start - max);
      else this.line(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** The input ended: a last line without a newline still counts. */
  end(): void {
    if (this.carryBytes > 0 || this.carryDropped > 0) this.flushCarry();
  }

  /** Long lines found since the last call, for warnings while the scan runs. */
  takeLongLines(): ScanResult['longLines'] {
    return this.tally.longLines.splice(0);
  }

  /** The counts so far; the scanner goes on from zero (a worker's next piece of the same file). */
  take(): ScanResult {
    this.fileSeen = false;
    this.fileStart = 0;
    return this.tally.take();
  }

  private keep(part: Buffer): void {
    const room = this.maxLineBytes - this.carryBytes;
    if (part.length > room) {
      this.carryDropped += part.length - Math.max(room, 0);
      if (room <= 0) return;
      part = part.subarray(0, room);
    }
    if (part.length === 0) return;
    // A copy: the chunk may be a view the producer reuses (a worker's read buffer).
    this.carry.push(Buffer.from(part));
    this.carryBytes += part.length;
  }

  private flushCarry(): void {
    const bytes = Buffer.concat(this.carry, this.carryBytes);
    const dropped = this.carryDropped;
    this.carry = [];
    this.carryBytes = 0;
    this.carryDropped = 0;
    if (dropped > 0) this.longLine(bytes, dropped);
    else {
      this.wrappers.use(bytes);
      this.line(bytes, 0, bytes.length);
    }
  }

  private longLine(head: Buffer, dropped: number): void {
    this.tally.longLines.push([this.tally.lines - this.fileStart + 1, head.length, dropped]);
    this.slowLine(head, 0, head.length);
  }

  private line(buf: Buffer, start: number, nl: number): void {
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    const key = this.tag.read(buf, start, end);
    if (key < 0) return this.slowLine(buf, start, nl);
    const wrapper = this.wrappers.get(buf, start, this.tag.at);
    if (wrapper === null) return this.slowLine(buf, start, nl);
    let repeat = wrapper.repeat;
    if (repeat === null) {
      let e = this.tag.after;
      while (e < end && buf[e] === 32) e++;
      if (buf[e] === 109) repeat = repeatedAt(buf, e, end);
    }
    if (!this.fileSeen) this.noteFile();
    this.tally.lines++;
    this.tally.count(key >> 3, key & 7, atLeastOne(repeat), wrapper);
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
    const parsed = parseLine(buf.toString('utf8', start, end), { year: this.file.year, notAfter: this.file.notAfter, tz: this.file.tz });
    if (!this.fileSeen) this.noteFile();
    this.tally.lines++;
    if (parsed.id === null || parsed.severity === null) {
      this.tally.unparsed++;
      return;
    }
    const time = parsed.timestamp === null ? null : Date.parse(parsed.timestamp);
    const host = parsed.host === null ? NO_HOST : this.tally.hostOf(parsed.host);
    this.tally.count(Number(parsed.id), parsed.severity, atLeastOne(parsed.repeat ?? null), wrapper(host, time, null));
  }

  private noteFile(): void {
    this.fileSeen = true;
    this.tally.noteFile(this.file.name);
  }
}
