import { closeSync, openSync, readSync } from 'node:fs';

/** What reads one file's pieces: the scanner and, through `shared`, the threads' common state. */
export interface PieceRange {
  path: string;
  size: number;
  pieceBytes: number;
  /** Int32Array (see `sharedState`): [next piece to claim, 1 = stop (Ctrl-C), pieces written (with `window`)] */
  shared: SharedArrayBuffer;
  /** claim a piece only while it is fewer than this many ahead of the pieces written */
  window?: number;
}

/** What scans a piece's lines; `take` ends the piece. */
export interface PieceScanner<R> {
  readBuffer(): Buffer | null;
  push(chunk: Buffer): void;
  end(): void;
  take(): R;
}

/** A piece a thread claimed and scanned (any thread, any order: `index` says where it goes). */
export interface ScannedPiece<R> {
  index: number;
  /** bytes read for it */
  bytes: number;
  /** false when a stop (Ctrl-C) cut it short: it ends at a read, maybe inside a line */
  whole: boolean;
  result: R;
}

const NEXT = 0;
const STOP = 1;
const WRITTEN = 2;
const READ_CHUNK = 1 << 20;

/**
 * Claims pieces of a file until none are left and scans each. Piece i holds the lines that start
 * in [i, i+1) × pieceBytes, so every thread finds the same cuts without talking to the others;
 * results are per piece, to be merged (or written) in file order.
 */
export class FilePieces<R> {
  private readonly state: Int32Array;
  private readonly fd: number;
  private readonly buf: Buffer;

  constructor(private readonly range: PieceRange, private readonly scanner: PieceScanner<R>) {
    this.state = new Int32Array(range.shared);
    this.fd = openSync(range.path, 'r');
    // read straight into the scanner's kernel when it has one: no copy
    this.buf = scanner.readBuffer()?.subarray(0, READ_CHUNK) ?? Buffer.allocUnsafe(READ_CHUNK);
  }

  /** The state the threads reading one file share: see PieceRange.shared. */
  static sharedState(): SharedArrayBuffer {
    return new SharedArrayBuffer(12);
  }

  static pieces(range: Pick<PieceRange, 'size' | 'pieceBytes'>): number {
    return Math.ceil(range.size / range.pieceBytes);
  }

  static stop(shared: SharedArrayBuffer): void {
    const state = new Int32Array(shared);
    Atomics.store(state, STOP, 1);
    if (state.length > WRITTEN) Atomics.notify(state, WRITTEN);
  }

  /** The writer wrote piece `index`: threads waiting for the window go on. */
  static written(shared: SharedArrayBuffer, count: number): void {
    const state = new Int32Array(shared);
    Atomics.store(state, WRITTEN, count);
    Atomics.notify(state, WRITTEN);
  }

  /**
   * The next unclaimed piece, scanned; null when there are none left or the scan was stopped.
   * With a window, `wait` says what to do while it is full: false returns 'wait' (a thread with
   * an event loop), true blocks until the writer moves on.
   */
  next(wait = true): ScannedPiece<R> | null | 'wait' {
    const window = this.range.window;
    for (;;) {
      if (Atomics.load(this.state, STOP) !== 0) return null;
      if (window === undefined) break;
      const written = Atomics.load(this.state, WRITTEN);
      if (Atomics.load(this.state, NEXT) < written + window) break;
      if (Atomics.load(this.state, NEXT) >= FilePieces.pieces(this.range)) return null;
      if (!wait) return 'wait';
      Atomics.wait(this.state, WRITTEN, written, 100);
    }
    const index = Atomics.add(this.state, NEXT, 1);
    if (index >= FilePieces.pieces(this.range)) return null;
    return this.scan(index);
  }

  close(): void {
    closeSync(this.fd);
  }

  private scan(index: number): ScannedPiece<R> {
    const { size, pieceBytes } = this.range;
    const limit = Math.min(size, (index + 1) * pieceBytes);
    const start = index === 0 ? 0 : this.lineAfter(index * pieceBytes - 1);
    let pos = start;
    let whole = true;
    while (pos < limit) {
      if (Atomics.load(this.state, STOP) !== 0) {
        whole = false;
        break;
      }
      const n = readSync(this.fd, this.buf, 0, Math.min(READ_CHUNK, size - pos), pos);
      if (n === 0) break;
      // The piece ends with the line that holds its last byte.
      const cut = pos + n <= limit ? -1 : this.buf.subarray(0, n).indexOf(10, limit - 1 - pos);
      if (cut !== -1) {
        this.scanner.push(this.buf.subarray(0, cut + 1));
        pos += cut + 1;
        break;
      }
      this.scanner.push(this.buf.subarray(0, n));
      pos += n;
      if (pos >= limit && this.buf[n - 1] !== 10) pos = this.finishLine(pos);
    }
    // a piece cut short keeps no half line
    if (whole) this.scanner.end();
    return { index, bytes: Math.max(0, pos - start), whole, result: this.scanner.take() };
  }

  /** Reads on past the piece's end to the newline that closes its last line. */
  private finishLine(pos: number): number {
    while (pos < this.range.size) {
      const n = readSync(this.fd, this.buf, 0, Math.min(READ_CHUNK, this.range.size - pos), pos);
      if (n === 0) break;
      const nl = this.buf.subarray(0, n).indexOf(10);
      const take = nl === -1 ? n : nl + 1;
      this.scanner.push(this.buf.subarray(0, take));
      pos += take;
      if (nl !== -1) break;
    }
    return pos;
  }

  /** Where the first line starting after byte `at` begins (the file's size if none does). */
  private lineAfter(at: number): number {
    for (let pos = at; pos < this.range.size;) {
      const n = readSync(this.fd, this.buf, 0, Math.min(READ_CHUNK, this.range.size - pos), pos);
      if (n === 0) break;
      const nl = this.buf.subarray(0, n).indexOf(10);
      if (nl !== -1) return pos + nl + 1;
      pos += n;
    }
    return this.range.size;
  }
}
