import { LineKernel } from './line-kernel.js';

/** What a LineFeed hands its lines to. */
export interface LineSink {
  /** the line buf[start, nl): `nl` is its newline, or the end of the input for a last line without one */
  line(buf: Buffer, start: number, nl: number, newline: boolean): void;
  /** a line longer than the limit: its first bytes, and how many after them were not kept */
  longLine(head: Buffer, dropped: number, newline: boolean): void;
}

/** Where the bytes in the kernel's input came from: input[i] is bytes[i + shift]. */
export interface KernelOrigin {
  bytes: Buffer;
  shift: number;
}

/**
 * A sink of the kernel's records: `count` (RECORD_INTS each) of whole lines in `buf`, the kernel's
 * input, which the next chunk overwrites; `origin` holds the same bytes for as long as its chunk lives.
 */
export interface RecordSink extends LineSink {
  records(buf: Buffer, records: Int32Array, count: number, kernel: LineKernel, origin: KernelOrigin): void;
}

/** A sink that runs the kernel (its filter mode) over input[from, to) itself; returns where it stopped. */
export interface KernelSink extends LineSink {
  scanKernel(kernel: LineKernel, from: number, to: number): number;
}

const runsKernel = (sink: RecordSink | KernelSink): sink is KernelSink => 'scanKernel' in sink;

/**
 * Cuts chunks of bytes into lines for a LineSink: whole lines in bulk through the LineKernel
 * where there is WebAssembly (in place when the chunk was read into its input), else one by
 * one; a line cut by a chunk's end is kept (at most `maxLineBytes` of it) until its newline.
 */
export class LineFeed {
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private carryDropped = 0;
  private readonly kernel: LineKernel | null;

  /** `kernel`: one to reuse (it is the caller's to share only between feeds used one at a time) */
  constructor(private readonly sink: RecordSink | KernelSink, private readonly maxLineBytes: number, kernel?: LineKernel | null) {
    this.kernel = kernel !== undefined ? kernel : LineKernel.open({ filter: runsKernel(sink) });
  }

  /** Where a reader can read bytes for `push` without a copy (the kernel's input), or null. */
  readBuffer(): Buffer | null {
    return this.kernel?.input ?? null;
  }

  /** A new input: a partial line is dropped and the kernel's wrapper cache cleared. */
  reset(): void {
    this.kernel?.clearWrappers();
    this.carry = [];
    this.carryBytes = 0;
    this.carryDropped = 0;
  }

  /** Feeds the whole lines of `chunk`; a partial last line waits for the next chunk or `end()`. */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.carryBytes > 0 || this.carryDropped > 0) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        this.keep(chunk);
        return;
      }
      this.keep(chunk.subarray(0, nl));
      this.flushCarry(true);
      start = nl + 1;
    }
    if (this.kernel !== null) start = this.kernelLines(this.kernel, chunk, start);
    const max = this.maxLineBytes;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      if (nl - start > max) this.sink.longLine(chunk.subarray(start, start + max), nl - start - max, true);
      else this.sink.line(chunk, start, nl, true);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** The input ended: a last line without a newline is a line too. */
  end(): void {
    if (this.carryBytes > 0 || this.carryDropped > 0) this.flushCarry(false);
  }

  /**
   * The whole lines of chunk[start…] through the kernel: in place when the chunk is its input,
   * else copied in, a megabyte at a time. Returns where the lines it did not take begin (a last
   * line without a newline, or one longer than the kernel's input, for the byte loop).
   */
  private kernelLines(kernel: LineKernel, chunk: Buffer, start: number): number {
    const input = kernel.input;
    if (chunk.buffer === input.buffer && chunk.byteOffset === input.byteOffset) return this.scanInput(kernel, start, chunk.length, { bytes: input, shift: 0 });
    while (start < chunk.length) {
      const len = Math.min(input.length, chunk.length - start);
      chunk.copy(input, 0, start, start + len);
      const took = this.scanInput(kernel, 0, len, { bytes: chunk, shift: start });
      if (took === 0) break;
      start += took;
    }
    return start;
  }

  /** Feeds the whole lines in the kernel's input[from, to); returns where the rest begins. */
  private scanInput(kernel: LineKernel, from: number, to: number, origin: KernelOrigin): number {
    const sink = this.sink;
    if (runsKernel(sink)) return sink.scanKernel(kernel, from, to);
    for (;;) {
      const count = kernel.scan(from, to);
      if (count === 0) return from;
      sink.records(kernel.input, kernel.records, count, kernel, origin);
      from = kernel.consumed();
    }
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

  private flushCarry(newline: boolean): void {
    const bytes = Buffer.concat(this.carry, this.carryBytes);
    const dropped = this.carryDropped;
    this.carry = [];
    this.carryBytes = 0;
    this.carryDropped = 0;
    if (dropped > 0) this.sink.longLine(bytes, dropped, newline);
    else this.sink.line(bytes, 0, bytes.length, newline);
  }
}
