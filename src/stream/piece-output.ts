/** Collects a piece's output: strings are encoded every ~64 KB, so they die young. */
export class PieceOutput {
  private strings: string[] = [];
  private size = 0;
  private buffers: Buffer[] = [];

  add(out: string | Buffer): void {
    if (typeof out !== 'string') {
      this.encode(); // the strings before it go first
      return void this.buffers.push(out);
    }
    this.strings.push(out);
    this.size += out.length;
    if (this.size >= 1 << 15) this.encode();
  }

  /** Everything added, as one buffer; the output starts over. */
  bytes(): Buffer {
    this.encode();
    const out = this.buffers.length === 1 ? this.buffers[0]! : Buffer.concat(this.buffers);
    this.buffers = [];
    return out;
  }

  private encode(): void {
    if (this.strings.length) this.buffers.push(Buffer.from(this.strings.join('')));
    this.strings = [];
    this.size = 0;
  }
}

const NEWLINE = 10;

/** Raw lines kept by a filter, copied into large buffers that go to the output whole. */
export class KeptLines {
  private kept = Buffer.allocUnsafeSlow(0);
  private size = 0;

  /** `room`: bytes per buffer (filtered output is usually a small part of the input) */
  constructor(private readonly output: PieceOutput, private readonly room = 1 << 16) {}

  /** from[start, end) and, if `newline`, a newline after it */
  add(from: Buffer, start: number, end: number, newline: boolean): void {
    const need = end - start + (newline ? 1 : 0);
    if (this.kept.length - this.size < need) {
      this.flush();
      this.kept = Buffer.allocUnsafeSlow(Math.max(this.room, need));
    }
    this.size += from.copy(this.kept, this.size, start, end);
    if (newline) this.kept[this.size++] = NEWLINE;
  }

  /** Hands what was kept to the output (before anything else is added to it). */
  flush(): void {
    if (this.size) this.output.add(this.kept.subarray(0, this.size));
    this.kept = this.kept.subarray(this.size);
    this.size = 0;
  }
}
