/** A line as bytes: exact input bytes, so raw output can reproduce the input. */
export interface RawLine {
  bytes: Buffer;
  /** 1-based line number within its file */
  number: number;
  /** false for a last line that ended without a newline */
  newline: boolean;
  /** bytes dropped beyond the line-length limit (0 normally) */
  droppedBytes: number;
}

/** The line's text for parsing: UTF-8 (invalid bytes become U+FFFD), without a CR before the LF. */
export function lineText(bytes: Buffer): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
  return bytes.toString('utf8', 0, end);
}

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

/**
 * Splits a byte stream into lines on `\n`, without decoding, so invalid UTF-8 and NUL survive.
 * Lines longer than `maxLineBytes` keep their head and count the rest, which bounds memory.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private dropped = 0;
  private lineNumber = 0;

  /** lines passed over by `skip` (never yielded; still numbered) */
  skipped = 0;

  /** `skip`: lines it returns true for are counted but not yielded (see filter/tag-prefilter.ts) */
  constructor(private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES, private readonly skip?: (chunk: Buffer, start: number, end: number) => boolean) {}

  *push(chunk: Buffer): Generator<RawLine> {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) {
        this.keep(chunk.subarray(start));
        return;
      }
      if (this.skip && this.pendingBytes === 0 && this.dropped === 0 && nl - start <= this.maxLineBytes && this.skip(chunk, start, nl)) {
        this.lineNumber++;
        this.skipped++;
        start = nl + 1;
        continue;
      }
      this.keep(chunk.subarray(start, nl));
      yield this.take(true);
      start = nl + 1;
    }
  }

  *end(): Generator<RawLine> {
    if (this.pendingBytes > 0 || this.dropped > 0) yield this.take(false);
  }

  private keep(part: Buffer): void {
    if (part.length === 0) return;
    const room = this.maxLineBytes - this.pendingBytes;
    if (part.length > room) {
      this.dropped += part.length - Math.max(room, 0);
      if (room <= 0) return;
      part = part.subarray(0, room);
    }
    // No copy: stream chunks are fresh buffers that are never reused by their producer.
    this.pending.push(part);
    this.pendingBytes += part.length;
  }

  private take(newline: boolean): RawLine {
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    const line: RawLine = { bytes, number: ++this.lineNumber, newline, droppedBytes: this.dropped };
    this.pending = [];
    this.pendingBytes = 0;
    this.dropped = 0;
    return line;
  }
}
