// One worker thread of `summary`: claims pieces of a file and posts each piece's counts as it
// finishes, so an interrupted run still reports everything scanned.
import { parentPort, workerData } from 'node:worker_threads';
import { PieceReader, type PiecesJob } from './scan/pieces.js';

try {
  const reader = new PieceReader(workerData as PiecesJob);
  try {
    for (let piece = reader.next(); piece !== null; piece = reader.next()) parentPort!.postMessage({ ok: true, piece });
  } finally {
    reader.close();
  }
  parentPort!.postMessage({ ok: true, piece: null });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  parentPort!.postMessage({ ok: false, code: e?.code, message: e?.message ?? String(err) });
}
