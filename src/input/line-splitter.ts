import { LineFeed, type KernelOrigin, type RecordSink } from './line-feed.js';
import { LineKernel, RECORD_INTS } from './line-kernel.js';
import { DEFAULT_MAX_LINE_BYTES, type RawLine } from './raw-line.js';

/** A byte-level pre-filter: true when the line buf[start, end) provably fails the filter. */
export type SkipLine = (buf: Buffer, start: number, end: number) => boolean;

// One kernel for every splitter of a thread: opening one costs milliseconds, and a splitter uses
// only its line records (no wrapper cache), each chunk scanned whole before the next is taken.
let shared: LineKernel | null | undefined;
const splitterKernel = (): LineKernel | null => (shared === undefined ? (shared = LineKernel.open()) : shared);

/**
 * Splits a byte stream into RawLines through the one line reader (LineFeed: the kernel where there
 * is WebAssembly, else a byte loop), without decoding, so invalid UTF-8 and NUL survive. Lines
 * longer than `maxLineBytes` keep their head and count the rest. The lines are views of the
 * chunks pushed, which must therefore not be reused by their producer.
 */
export class LineSplitter implements RecordSink {
  private readonly feed: LineFeed;
  private out: RawLine[] = [];
  private lineNumber = 0;

  /** lines passed over by `skip` (never returned; still numbered) */
  skipped = 0;

  /** `linesBefore`: lines of the input before the first byte pushed (reading started mid-file) */
  constructor(private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES, private readonly skip?: SkipLine, linesBefore = 0) {
    this.feed = new LineFeed(this, maxLineBytes, splitterKernel());
    this.lineNumber = linesBefore;
  }

  /** The whole lines of `chunk` (with the line a previous chunk began); a partial last line waits. */
  push(chunk: Buffer): RawLine[] {
    this.feed.push(chunk);
    return this.take();
  }

  /** The input ended: a last line without a newline, if any. */
  end(): RawLine[] {
    this.feed.end();
    return this.take();
  }

  line(buf: Buffer, start: number, nl: number, newline: boolean): void {
    if (this.skip !== undefined && newline && this.skip(buf, start, nl)) {
      this.lineNumber++;
      this.skipped++;
      return;
    }
    this.out.push({ bytes: buf.subarray(start, nl), number: ++this.lineNumber, newline, droppedBytes: 0 });
  }

  longLine(head: Buffer, dropped: number, newline: boolean): void {
    this.out.push({ bytes: head, number: ++this.lineNumber, newline, droppedBytes: dropped });
  }

  records(_input: Buffer, r: Int32Array, count: number, _kernel: LineKernel, origin: KernelOrigin): void {
    const { bytes, shift } = origin;
    const max = this.maxLineBytes;
    for (let i = 0, last = count * RECORD_INTS; i < last; i += RECORD_INTS) {
      const start = r[i]! + shift, nl = r[i + 1]! + shift;
      if (nl - start > max) this.longLine(bytes.subarray(start, start + max), nl - start - max, true);
      else this.line(bytes, start, nl, true);
    }
  }

  private take(): RawLine[] {
    const lines = this.out;
    this.out = [];
    return lines;
  }
}
