import { closeSync, openSync, readSync } from 'node:fs';
import { mergeScans } from './scan-merge.js';
import type { ScanResult } from './scan-result.js';
import { SummaryScanner } from './scan-summary.js';

/** One regular file scanned in pieces by several threads; `shared` holds the piece counter and the stop flag. */
export interface PiecesJob {
  path: string;
  size: number;
  pieceBytes: number;
  name: string;
  year: number;
  /** see YearContext (year-context.ts) */
  notAfter?: number;
  tz?: string;
  maxLineBytes?: number;
  /** Int32Array: [next piece to claim, 1 = stop (Ctrl-C)] */
  shared: SharedArrayBuffer;
}

export interface Piece {
  index: number;
  /** bytes read for it */
  bytes: number;
  result: ScanResult;
}

const NEXT = 0;
const STOP = 1;
const READ_CHUNK = 1 << 20;

/**
 * Claims pieces of a file until none are left and scans each. Piece i holds the lines that start
 * in [i, i+1) × pieceBytes, so every thread finds the same cuts without talking to the others;
 * results are per piece, to be merged in file order.
 */
export class PieceReader {
  private readonly stop: Int32Array;
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(READ_CHUNK);
  private readonly scanner: SummaryScanner;

  constructor(private readonly job: PiecesJob) {
    this.stop = new Int32Array(job.shared);
    this.fd = openSync(job.path, 'r');
    this.scanner = new SummaryScanner(job.maxLineBytes);
    this.scanner.startFile({ name: job.name, year: job.year, notAfter: job.notAfter, tz: job.tz });
  }

  static pieces(job: Pick<PiecesJob, 'size' | 'pieceBytes'>): number {
    return Math.ceil(job.size / job.pieceBytes);
  }

  static stop(shared: SharedArrayBuffer): void {
    Atomics.store(new Int32Array(shared), STOP, 1);
  }

  /** The next unclaimed piece, scanned; null when there are none left or the scan was stopped. */
  next(): Piece | null {
    if (Atomics.load(this.stop, STOP) !== 0) return null;
    const index = Atomics.add(this.stop, NEXT, 1);
    const { size, pieceBytes } = this.job;
    if (index >= PieceReader.pieces(this.job)) return null;
    const limit = Math.min(size, (index + 1) * pieceBytes);
    const start = index === 0 ? 0 : this.lineAfter(index * pieceBytes - 1);
    let pos = start;
    while (pos < limit && Atomics.load(this.stop, STOP) === 0) {
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
    this.scanner.end();
    return { index, bytes: Math.max(0, pos - start), result: this.scanner.take() };
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Reads on past the piece's end to the newline that closes its last line. */
  private finishLine(pos: number): number {
    while (pos < this.job.size) {
      const n = readSync(this.fd, this.buf, 0, Math.min(READ_CHUNK, this.job.size - pos), pos);
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
    for (let pos = at; pos < this.job.size;) {
      const n = readSync(this.fd, this.buf, 0, Math.min(READ_CHUNK, this.job.size - pos), pos);
      if (n === 0) break;
      const nl = this.buf.subarray(0, n).indexOf(10);
      if (nl !== -1) return pos + nl + 1;
      pos += n;
    }
    return this.job.size;
  }
}

/** Pieces in any order (as threads finished them) as one scan of the file; long-line numbers made file-relative. */
export function joinPieces(pieces: Piece[]): ScanResult {
  const ordered = [...pieces].sort((a, b) => a.index - b.index);
  let before = 0;
  for (const { result } of ordered) {
    for (const long of result.longLines) long[0] += before;
    before += result.lines;
  }
  return mergeScans(ordered.map((p) => p.result));
}
