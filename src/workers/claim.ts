import { setImmediate as nextTurn } from 'node:timers/promises';
import { FilePieces, type PieceRange, type PieceScanner, type ScannedPiece } from './file-pieces.js';
import { OrderedWriter } from './ordered-writer.js';
import type { WorkerPool } from './pool.js';

export interface ClaimJob<R> {
  range: PieceRange;
  /** this thread's scanner for its pieces */
  scanner: PieceScanner<R>;
  /** what the pool's threads are sent to claim pieces of the same range (they reply with ScannedPieces) */
  request: unknown;
  signal?: AbortSignal;
  /** each piece as it arrives, from any thread (progress) */
  onPiece?: (piece: ScannedPiece<R>) => void;
  /** each piece in file order; false ends the output there */
  write: (piece: ScannedPiece<R>) => Promise<boolean | void> | boolean | void;
}

/**
 * One regular file on every core: this thread and the pool's threads claim its pieces in turn and
 * scan them where they are (no bytes cross threads but the results); `write` gets the pieces in
 * file order. With a window (PieceRange.window), no thread runs further ahead of the writing.
 */
export async function claimPieces<R>(pool: WorkerPool | null, job: ClaimJob<R>): Promise<void> {
  const { range } = job;
  const stop = (): void => FilePieces.stop(range.shared);
  job.signal?.addEventListener('abort', stop, { once: true });
  if (job.signal?.aborted) stop();
  const writer = new OrderedWriter<ScannedPiece<R>>(async (piece) => {
    const go = await job.write(piece);
    FilePieces.written(range.shared, writer.written + 1);
    return go;
  });
  const arrived = (piece: ScannedPiece<R>): void => {
    job.onPiece?.(piece);
    writer.put(piece.index, piece);
  };
  let failure: { err: unknown } | null = null;
  // the pool's threads help only where there are pieces left for them
  const helpers = Math.min(pool?.size ?? 0, FilePieces.pieces(range) - 1);
  let running = Math.max(0, helpers);
  const threads = running === 0 ? [] : pool!.broadcast<ScannedPiece<R>>(job.request, helpers, arrived).map((done) => done.catch((err: unknown) => {
    failure ??= { err };
    stop();
  }).finally(() => {
    running--;
    writer.wakeUp();
  }));
  const reader = new FilePieces(range, job.scanner);
  try {
    for (;;) {
      await writer.writeReady();
      const piece = writer.stopped ? null : reader.next(false);
      if (piece === null) break;
      if (piece === 'wait') {
        if (running > 0) await writer.arrival();
        continue;
      }
      arrived(piece);
      await nextTurn(); // lets Ctrl-C and the threads' pieces in
    }
    // the pieces the threads are still scanning
    for (;;) {
      await writer.writeReady();
      if (writer.stopped || (running === 0 && !writer.hasNext)) break;
      await writer.arrival();
    }
  } finally {
    stop();
    reader.close();
    await Promise.all(threads);
    job.signal?.removeEventListener('abort', stop);
  }
  if (failure !== null) throw (failure as { err: unknown }).err;
}
