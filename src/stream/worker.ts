// One stream worker: classifies, filters and renders pieces of a file (whole lines) as they come.
import { parentPort, workerData } from 'node:worker_threads';
import { pieceRunner } from './piece.js';
import type { Piece, StreamWorkerInit } from './pool.js';
import { workerStep } from './worker-step.js';

const init = workerData as StreamWorkerInit;
const { step, prefilter } = await workerStep(init);
const run = pieceRunner(step, prefilter, init.opts);

parentPort!.on('message', (piece: Piece) => {
  try {
    const result = run(piece);
    // moved, not copied, unless it lives in Buffer's shared pool (8 KB slabs of small buffers)
    const own = result.out.buffer.byteLength > Buffer.poolSize;
    const transfer = [result.input, ...(own ? [result.out.buffer as ArrayBuffer] : [])];
    parentPort!.postMessage({ ok: true, result }, transfer);
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
