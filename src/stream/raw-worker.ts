// One worker thread of a raw filter run: claims pieces of the file, filters them and posts each
// piece's output as it finishes (see stream/raw-workers.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { rawScanner, type RawWorkerData } from './raw-workers.js';
import { FilePieces } from '../summary/scan/pieces.js';
import { workerStep } from './worker-step.js';

const { init, job } = workerData as RawWorkerData;
try {
  const { prefilter, step } = await workerStep(init);
  const reader = new FilePieces(job.range, rawScanner(job, prefilter!, step));
  try {
    for (let piece = reader.next(true); piece !== null && piece !== 'wait'; piece = reader.next(true)) {
      const own = piece.result.out.buffer.byteLength > Buffer.poolSize;
      parentPort!.postMessage({ ok: true, piece }, own ? [piece.result.out.buffer as ArrayBuffer] : []);
    }
  } finally {
    reader.close();
  }
  parentPort!.postMessage({ ok: true, piece: null });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
