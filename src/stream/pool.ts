import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/load.js';
import { splittableFile } from '../input/open.js';
import { longLineWarning } from '../input/read-lines.js';
import type { StreamOptions } from './options.js';

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
  /** see YearContext (parse/year-context.ts) */
  notAfter?: number;
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
// A piece's rendered output (~4× its size as JSON) is held until it is written: 1 MB pieces keep
// that small, which saves the workers GC work; raw output is small, so its pieces can be larger.
const PIECE_BYTES = 1 << 20;
const RAW_PIECE_BYTES = 4 << 20;

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
    return await splittableFile(path, forced === 'workers' ? 0 : opts.output === 'raw' ? MIN_RAW_BYTES : MIN_BYTES);
  } catch {
    return null; // the normal path reports what is wrong with it
  }
}

type Reply = { ok: true; result: PieceResult } | { ok: false; message: string };
type Pending = [(r: PieceResult) => void, (e: Error) => void];

/**
 * Stream workers (one fewer than the cores) plus this thread: each worker has up to two pieces
 * queued, so it never waits for the main thread; a piece no worker has room for is done here,
 * where the catalog and the compiled formats are already warm.
 */
export class StreamPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<Worker, Pending[]>();
  private failure: Error | null = null;
  // Fresh multi-megabyte buffers cost page faults on every piece (a quarter of the reading time):
  // each piece's buffer comes back, to be read into again.
  private readonly spare: ArrayBuffer[] = [];

  constructor(init: StreamWorkerInit, env: NodeJS.ProcessEnv, private readonly local: (piece: Piece) => PieceResult) {
    const count = Math.max(1, Number(env.ASALOG_STREAM_WORKERS) || availableParallelism() - 1);
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: init });
      const queue: Pending[] = [];
      worker.on('message', (m: Reply) => {
        const [resolve, reject] = queue.shift()!;
        if (!m.ok) return reject(new Error(m.message));
        this.recycle(m.result.input);
        resolve(m.result);
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`stream worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
      this.pending.set(worker, queue);
    }
  }

  /** Pieces that may be in flight at once: two per worker, one here, one being read. */
  get depth(): number {
    return 2 * this.workers.length + 2;
  }

  run(piece: Piece): Promise<PieceResult> {
    if (this.failure) return Promise.reject(this.failure);
    let worker: Worker | null = null;
    for (const w of this.workers) if (this.pending.get(w)!.length < 2 && (worker === null || this.pending.get(w)!.length < this.pending.get(worker)!.length)) worker = w;
    if (worker === null) {
      try {
        const result = this.local(piece);
        this.recycle(result.input);
        return Promise.resolve(result);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    const queue = this.pending.get(worker)!;
    return new Promise((resolve, reject) => {
      queue.push([resolve, reject]);
      worker.postMessage(piece, [piece.bytes.buffer as ArrayBuffer]);
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

  private recycle(buffer: ArrayBuffer): void {
    if (this.spare.length < 16) this.spare.push(buffer);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const queue of this.pending.values()) for (const [, reject] of queue.splice(0)) reject(this.failure);
  }
}

export interface FileJob {
  path: string;
  year: number;
  /** see YearContext (parse/year-context.ts) */
  notAfter?: number;
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
  const pieceBytes = Number(job.env.ASALOG_STREAM_PIECE_BYTES) || (job.numbered ? PIECE_BYTES : RAW_PIECE_BYTES);
  const limit = pool.depth;
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
      const piece: Piece = { bytes, file: job.path, year: job.year, notAfter: job.notAfter, firstLine: job.numbered ? nextLine : 0, firstDropped: carryDropped };
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

