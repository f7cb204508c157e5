import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { LineFeed } from '../input/line-feed.js';
import { RawFilter, type RawResult } from './raw-filter.js';
import { longLineWarning } from '../input/read-lines.js';
import type { TagPrefilter } from '../filter/tag-prefilter.js';
import { FilePieces, type Piece, type PieceRange, type PieceScanner } from '../summary/scan/pieces.js';
import type { LineStep } from './step.js';
import type { StreamSink, StreamWorkerInit } from './pool.js';

/** One file of a raw filter run: what every thread needs to read and filter its pieces. */
export interface RawFileJob {
  range: PieceRange;
  file: string;
  year: number;
  /** see YearContext (parse/year-context.ts) */
  notAfter?: number;
  maxLineBytes: number;
}

export interface RawWorkerData {
  init: StreamWorkerInit;
  job: RawFileJob;
}

type WorkerMessage = { ok: true; piece: Piece<RawResult> | null } | { ok: false; message: string };

// Pieces are claimed by every thread in turn and written in file order: at most WINDOW of them
// past the last one written, which bounds memory when the output is read slowly.
const PIECE_BYTES = 4 << 20;
const WINDOW = 8;

/** A piece scanner for `-o raw` with a tag filter: a LineFeed into a RawFilter. */
export function rawScanner(job: RawFileJob, prefilter: TagPrefilter, step: LineStep): PieceScanner<RawResult> {
  const filter = new RawFilter(prefilter, (raw) => step(raw, job.file, job.year, job.notAfter), job.maxLineBytes);
  const feed = new LineFeed(filter, job.maxLineBytes);
  return { readBuffer: () => feed.readBuffer(), push: (c) => feed.push(c), end: () => feed.end(), take: () => filter.take() };
}

/**
 * `-o raw` filtered on the tag for one large regular file, on every core: this thread and the
 * workers claim pieces and read them themselves (no copying between threads but the kept
 * lines); this thread writes each piece's output in file order.
 */
export async function filterFileInWorkers(init: StreamWorkerInit, local: { prefilter: TagPrefilter; step: LineStep }, job: Omit<RawFileJob, 'range'> & { path: string; size: number }, opts: { env: NodeJS.ProcessEnv; signal?: AbortSignal; onWarning: (m: string) => void }, sink: StreamSink): Promise<{ lines: number; matched: number }> {
  const range: PieceRange = { path: job.path, size: job.size, pieceBytes: Number(opts.env.ASALOG_STREAM_PIECE_BYTES) || PIECE_BYTES, shared: new SharedArrayBuffer(12), window: WINDOW };
  const fileJob: RawFileJob = { range, file: job.file, year: job.year, notAfter: job.notAfter, maxLineBytes: job.maxLineBytes };
  const stop = (): void => FilePieces.stop(range.shared);
  opts.signal?.addEventListener('abort', stop, { once: true });
  if (opts.signal?.aborted) stop();
  const done = new Map<number, Piece<RawResult>>();
  // Worker news (a piece, an end) wakes this thread when it waits: checked and awaited with no
  // await in between, so none is missed.
  let wake: (() => void) | null = null;
  const wakeUp = (): void => {
    wake?.();
    wake = null;
  };
  const news = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));
  let failure: Error | null = null;
  const count = Math.min(FilePieces.pieces(range), Math.max(1, Number(opts.env.ASALOG_STREAM_WORKERS) || availableParallelism() - 1) + 1) - 1;
  let running = Math.max(0, count);
  const workers = Array.from({ length: running }, () => runWorker({ init, job: fileJob }, (p) => {
    done.set(p.index, p);
    wakeUp();
  }).catch((err: Error) => {
    failure ??= err;
    stop();
  }).finally(() => {
    running--;
    wakeUp();
  }));
  const total = { lines: 0, matched: 0 };
  let written = 0;
  // After a stop, the first piece cut short ends the output: what follows it would leave a gap.
  let cut = false;
  const writeReady = async (): Promise<void> => {
    for (let p = done.get(written); p !== undefined && !cut; p = done.get(written)) {
      done.delete(written);
      if (!p.whole) {
        cut = true;
        stop();
        break;
      }
      const r = p.result;
      for (const [n, kept, dropped] of r.long) opts.onWarning(longLineWarning(job.path, total.lines + n, kept, dropped));
      total.lines += r.lines;
      total.matched += r.matched;
      if (r.out.length) await sink.write(r.out);
      FilePieces.written(range.shared, ++written);
    }
  };
  const reader = new FilePieces(range, rawScanner(fileJob, local.prefilter, local.step));
  try {
    for (;;) {
      await writeReady();
      const piece = reader.next(false);
      if (piece === null) break;
      if (piece === 'wait') {
        if (!done.has(written) && running > 0) await news();
        continue;
      }
      done.set(piece.index, piece);
      await nextTurn(); // lets Ctrl-C and the workers' pieces in
    }
    for (;;) {
      await writeReady();
      if (cut || (running === 0 && !done.has(written))) break;
      if (!done.has(written)) await news();
    }
  } finally {
    stop();
    reader.close();
    await Promise.all(workers);
    opts.signal?.removeEventListener('abort', stop);
  }
  if (failure !== null) throw failure;
  return total;
}

function runWorker(data: RawWorkerData, got: (piece: Piece<RawResult>) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./raw-worker.js', import.meta.url), { workerData: data });
    worker.on('message', (m: WorkerMessage) => {
      if (!m.ok) reject(new Error(m.message));
      else if (m.piece !== null) got(m.piece);
      else resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`raw filter worker stopped with exit code ${code}`));
      resolve();
    });
  });
}
