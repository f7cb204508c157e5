import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { joinPieces, PieceReader, type Piece, type PiecesJob } from './scan/pieces.js';
import type { ScanResult } from './scan/result.js';

export interface SplitOptions {
  name: string;
  year: number;
  /** see YearContext (parse/year-context.ts) */
  notAfter?: number;
  tz?: string;
  maxLineBytes?: number;
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
}

// Small enough that the threads finish together however busy the cores are, large enough that
// a piece's counts cost next to nothing to post and merge.
const MAX_PIECE = 16 << 20;
const MIN_PIECE = 64 << 10;

type WorkerMessage = { ok: true; piece: Piece | null } | { ok: false; code?: string; message: string };

/**
 * Scans one regular file on every core: this thread and one worker per other core claim pieces
 * of the file in turn, and the pieces' counts are merged in file order.
 */
export async function scanFileInWorkers(path: string, size: number, opts: SplitOptions): Promise<ScanResult> {
  const job: PiecesJob = { path, size, pieceBytes: Math.max(MIN_PIECE, Math.min(MAX_PIECE, Math.ceil(size / 64))), name: opts.name, year: opts.year, notAfter: opts.notAfter, tz: opts.tz, maxLineBytes: opts.maxLineBytes, shared: new SharedArrayBuffer(8) };
  const pieces: Piece[] = [];
  const got = (piece: Piece): void => {
    pieces.push(piece);
    opts.onBytes?.(piece.bytes);
  };
  const onAbort = (): void => PieceReader.stop(job.shared);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();
  const helpers = Math.min(availableParallelism(), PieceReader.pieces(job)) - 1;
  // A failed worker stops every thread; its error is the file's (handled at once: no unhandled rejection while this thread scans).
  let failure: { err: unknown } | null = null;
  const fail = (err: unknown): void => {
    failure ??= { err };
    onAbort();
  };
  const workers = Array.from({ length: Math.max(0, helpers) }, () => runWorker(job, got).catch(fail));
  try {
    const reader = new PieceReader(job);
    try {
      for (let piece = reader.next(); piece !== null; piece = reader.next()) {
        got(piece);
        await nextTurn(); // lets Ctrl-C and the workers' messages in between pieces
      }
    } finally {
      reader.close();
    }
  } catch (err) {
    fail(err);
  }
  await Promise.all(workers);
  opts.signal?.removeEventListener('abort', onAbort);
  if (failure !== null) throw (failure as { err: unknown }).err;
  return joinPieces(pieces);
}

function runWorker(job: PiecesJob, got: (piece: Piece) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
    worker.on('message', (m: WorkerMessage) => {
      if (!m.ok) reject(Object.assign(new Error(m.message), { code: m.code }));
      else if (m.piece !== null) got(m.piece);
      else resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`summary worker stopped with exit code ${code}`));
    });
  });
}
