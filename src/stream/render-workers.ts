import { open } from 'node:fs/promises';
import type { SplitFile } from '../input/open.js';
import { warnLongLines, type ReadOptions } from '../input/read-options.js';
import { countNewlines } from '../input/raw-line.js';
import { yearContext } from '../parse/year-context.js';
import { OrderedWriter } from '../workers/ordered-writer.js';
import type { WorkerPool } from '../workers/pool.js';
import { pieceBytes } from '../workers/split.js';
import type { StreamSink } from './output-sink.js';
import type { LinePiece, RenderedPiece } from './piece.js';
import type { StreamRequest } from './task.js';

// A piece's rendered output (~4× its size as JSON) is held until it is written: 1 MB pieces keep
// that small, which saves the threads GC work; raw output is small, so its pieces can be larger.
const PIECE_BYTES = 1 << 20;
const RAW_PIECE_BYTES = 4 << 20;
// each pool thread has up to this many pieces queued, so it never waits for this thread
const QUEUED = 2;

/**
 * The stream view's pieces for the pool: this thread reads the file and numbers the lines (no
 * other thread can know a piece's first line number), the pool's threads classify and render;
 * a piece no thread has room for is done here, where everything is already warm.
 */
export class RenderWorkers {
  // Fresh multi-megabyte buffers cost page faults on every piece (a quarter of the reading time):
  // each piece's buffer comes back, to be read into again.
  private readonly spare: ArrayBuffer[] = [];

  /** `numbered`: the output shows line numbers (everything but raw), so this thread counts lines */
  constructor(private readonly pool: WorkerPool, private readonly local: (piece: LinePiece) => RenderedPiece, private readonly numbered: boolean) {}

  /** Reads the file in pieces cut after a newline and writes their output strictly in input order. */
  async renderFile(file: SplitFile, read: ReadOptions, env: NodeJS.ProcessEnv, sink: StreamSink): Promise<{ lines: number; matched: number }> {
    const size = pieceBytes(env, this.numbered ? PIECE_BYTES : RAW_PIECE_BYTES);
    const { year, notAfter } = yearContext(read.year, file.mtime);
    const total = { lines: 0, matched: 0 };
    const writer = new OrderedWriter<RenderedPiece>(async (r) => {
      this.recycle(r.input);
      warnLongLines(file.path, r.long, total.lines, read.onWarning);
      total.lines += r.lines;
      total.matched += r.matched;
      if (r.out.length) await sink.write(Buffer.from(r.out.buffer, r.out.byteOffset, r.out.length));
    });
    // at most two pieces per thread in flight, one here and one being read: a slow reader of the
    // output holds the file reading back
    const depth = QUEUED * this.pool.size + 2;
    let index = 0;
    const fh = await open(file.path, 'r');
    try {
      let pos = 0;
      let carry: Buffer = Buffer.alloc(0);
      let carryDropped = 0;
      let nextLine = 1;
      for (;;) {
        if (read.signal?.aborted) break;
        const buf = this.buffer(carry.length + size);
        carry.copy(buf);
        const { bytesRead } = await fh.read(buf, carry.length, size, pos);
        pos += bytesRead;
        read.onBytes?.(bytesRead);
        const data = buf.subarray(0, carry.length + bytesRead);
        if (bytesRead === 0 && data.length === 0) break;
        const end = bytesRead === 0 ? data.length : data.lastIndexOf(10) + 1;
        if (end === 0) {
          // no newline yet: a line longer than a piece keeps at most its head, like LineSplitter
          carry = data.length > read.maxLineBytes ? data.subarray(0, read.maxLineBytes) : data;
          carryDropped += data.length - carry.length;
          continue;
        }
        const bytes = data.subarray(0, end);
        carry = Buffer.from(data.subarray(end));
        const piece: LinePiece = { bytes, file: file.path, year, notAfter, firstLine: this.numbered ? nextLine : 0, firstDropped: carryDropped };
        carryDropped = 0;
        if (this.numbered) nextLine += countLines(bytes);
        writer.put(index++, this.render(piece));
        while (index - writer.written >= depth) {
          await writer.arrival();
          await writer.writeReady();
        }
        if (bytesRead === 0) break;
      }
      while (writer.written < index) {
        await writer.arrival();
        await writer.writeReady();
      }
    } finally {
      await fh.close();
    }
    return total;
  }

  private render(piece: LinePiece): Promise<RenderedPiece> | RenderedPiece {
    const request: StreamRequest = { kind: 'render', piece };
    const sent = this.pool.offer<RenderedPiece>(request, [piece.bytes.buffer as ArrayBuffer], QUEUED);
    return sent ?? this.local(piece);
  }

  /** A buffer of at least `size` bytes: a spare one, or a new one of `size` plus some room. */
  private buffer(size: number): Buffer {
    const i = this.spare.findIndex((b) => b.byteLength >= size);
    const ab = i === -1 ? new ArrayBuffer(size + (1 << 16)) : this.spare.splice(i, 1)[0]!;
    return Buffer.from(ab);
  }

  private recycle(buffer: ArrayBuffer): void {
    if (this.spare.length < 16) this.spare.push(buffer);
  }
}

/** The lines of a piece: those its newlines end, and a last one without a newline. */
function countLines(bytes: Buffer): number {
  const n = countNewlines(bytes);
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? n + 1 : n;
}
