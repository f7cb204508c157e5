import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Catalog } from './catalog.js';
import { longLineWarning } from './read-lines.js';
import type { StreamOptions } from './run-stream.js';

/** What a stream worker is started with: enough to compile the same step as the main thread. */
export interface StreamWorkerInit {
  opts: StreamOptions;
  catalog: { origin: Catalog['sources'][number]['origin']; file: string }[];
  color: boolean;
  now: number;
}

/** Whole lines of one file, in order; `firstLine` is 0 when the output needs no line numbers. */
export interface Piece {
  bytes: Uint8Array;
  file: string;
  year: number;
  firstLine: number;
  /** bytes of the piece's first line already dropped past the line limit by the reader */
  firstDropped: number;
}

export interface PieceResult {
  out: Uint8Array;
  /** the piece's bytes, handed back so the reader can read into them again */
  input: ArrayBuffer;
  lines: number;
  matched: number;
  /** [line within the piece (1-based), bytes kept, bytes dropped] of lines past the limit */
  long: [number, number, number][];
}

export interface StreamSink {
  write(part: Buffer): Promise<void> | undefined;
  flush(): Promise<void>;
}

// Starting two workers costs ~0.15 s of CPU: worth it from 32 MB when lines are classified and
// rendered, only from 256 MB when raw lines are copied (most decided from their bytes alone).
const MIN_BYTES = 32 << 20;
const MIN_RAW_BYTES = 256 << 20;
const DEFAULT_PIECE_BYTES = 4 << 20;

/**
 * Whether a file goes to the workers: a plain (not gzip) regular file large enough (below), not
 * followed, on a machine with more than one core. ASALOG_STREAM_PATH=single|workers forces the
 * choice (workers: any regular file), for tests and comparisons.
 */
export async function useWorkers(path: string, opts: StreamOptions, catalog: Catalog, env: NodeJS.ProcessEnv): Promise<{ size: number; mtime: Date } | null> {
  const forced = env.ASALOG_STREAM_PATH;
  if (forced === 'single' || opts.follow || path === '-') return null;
  if (forced !== 'workers' && availableParallelism() < 2) return null;
  // the workers rebuild the catalog from its files: one made in memory stays on this thread
  if (catalog.sources.length === 0 || catalog.sources.some((s) => !existsSync(s.file))) return null;
  try {
    const info = await stat(path);
    if (!info.isFile() || (forced !== 'workers' && info.size < (opts.output === 'raw' ? MIN_RAW_BYTES : MIN_BYTES))) return null;
    const fh = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
      if (bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return null;
    } finally {
      await fh.close();
    }
    return { size: info.size, mtime: info.mtime };
  } catch {
    return null; // the normal path reports what is wrong with it
  }
}

/** A pool of stream workers, started on the first large file and reused for the next ones. */
export class StreamPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: [Piece, (r: PieceResult) => void, (e: Error) => void][] = [];
  private readonly busy = new Map<Worker, (e: Error) => void>();
  private failure: Error | null = null;
  // Fresh multi-megabyte buffers cost page faults on every piece (a quarter of the reading time):
  // the workers hand each piece's buffer back, to be read into again.
  private readonly spare: ArrayBuffer[] = [];

  constructor(private readonly init: StreamWorkerInit, env: NodeJS.ProcessEnv) {
    const count = Math.max(1, Number(env.ASALOG_STREAM_WORKERS) || availableParallelism());
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: init });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`stream worker stopped with exit code ${code}`));
      });
      worker.unref();
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(piece: Piece): Promise<PieceResult> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push([piece, resolve, reject]);
      this.next();
    });
  }

  /** A buffer of at least `size` bytes: a spare one, or a new one of `size` plus some room. */
  buffer(size: number): Buffer {
    const i = this.spare.findIndex((b) => b.byteLength >= size);
    const ab = i === -1 ? new ArrayBuffer(size + (1 << 16)) : this.spare.splice(i, 1)[0]!;
    return Buffer.from(ab);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private next(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const [piece, resolve, reject] = this.queue.shift()!;
      this.busy.set(worker, reject);
      worker.once('message', (m: { ok: true; result: PieceResult } | { ok: false; message: string }) => {
        this.busy.delete(worker);
        this.idle.push(worker);
        if (m.ok && this.spare.length < 16) this.spare.push(m.result.input);
        if (m.ok) resolve(m.result);
        else reject(new Error(m.message));
        this.next();
      });
      worker.postMessage(piece, [piece.bytes.buffer as ArrayBuffer]);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const [, , reject] of this.queue.splice(0)) reject(this.failure);
    for (const reject of this.busy.values()) reject(this.failure);
    this.busy.clear();
  }
}

export interface FileJob {
  path: string;
  year: number;
  /** whether the output shows line numbers (everything but raw): then the reader counts lines */
  numbered: boolean;
  maxLineBytes: number;
  signal?: AbortSignal;
  env: NodeJS.ProcessEnv;
  onWarning: (message: string) => void;
}

/**
 * Reads one regular file in pieces cut after a newline, has the pool classify and render them,
 * and writes the results strictly in input order. At most two pieces per worker are in flight,
 * so a slow reader of the output holds the file reading back.
 */
export async function streamFileInWorkers(pool: StreamPool, job: FileJob, sink: StreamSink): Promise<{ lines: number; matched: number }> {
  const pieceBytes = Number(job.env.ASALOG_STREAM_PIECE_BYTES) || DEFAULT_PIECE_BYTES;
  const limit = 2 * Math.max(1, Number(job.env.ASALOG_STREAM_WORKERS) || availableParallelism());
  const inFlight: Promise<PieceResult>[] = [];
  const total = { lines: 0, matched: 0 };
  const take = async (): Promise<void> => {
    const r = await inFlight.shift()!;
    for (const [n, kept, dropped] of r.long) job.onWarning(longLineWarning(job.path, total.lines + n, kept, dropped));
    total.lines += r.lines;
    total.matched += r.matched;
    if (r.out.length) {
      const w = sink.write(Buffer.from(r.out.buffer, r.out.byteOffset, r.out.length));
      if (w) await w;
    }
  };
  const fh = await open(job.path, 'r');
  try {
    let pos = 0;
    let carry: Buffer = Buffer.alloc(0);
    let carryDropped = 0;
    let nextLine = 1;
    for (;;) {
      if (job.signal?.aborted) break;
      const buf = pool.buffer(carry.length + pieceBytes);
      carry.copy(buf);
      const { bytesRead } = await fh.read(buf, carry.length, pieceBytes, pos);
      pos += bytesRead;
      const data = buf.subarray(0, carry.length + bytesRead);
      if (bytesRead === 0 && data.length === 0) break;
      const end = bytesRead === 0 ? data.length : data.lastIndexOf(10) + 1;
      if (end === 0) {
        // no newline yet: a line longer than a piece keeps at most its head, like LineSplitter
        carry = data.length > job.maxLineBytes ? data.subarray(0, job.maxLineBytes) : data;
        carryDropped += data.length - carry.length;
        continue;
      }
      const bytes = data.subarray(0, end);
      carry = Buffer.from(data.subarray(end));
      const piece: Piece = { bytes, file: job.path, year: job.year, firstLine: job.numbered ? nextLine : 0, firstDropped: carryDropped };
      carryDropped = 0;
      if (job.numbered) nextLine += countLines(bytes);
      const p = pool.run(piece);
      p.catch(() => undefined); // awaited in order by take(); this only keeps Node from calling it unhandled
      inFlight.push(p);
      while (inFlight.length >= limit) await take();
      if (bytesRead === 0) break;
    }
    while (inFlight.length) await take();
  } finally {
    await fh.close();
  }
  return total;
}

function countLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? n + 1 : n;
}

