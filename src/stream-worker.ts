// One stream worker: classifies, filters and renders pieces of a file (whole lines) as they come.
import { parentPort, workerData } from 'node:worker_threads';
import { buildCatalog, readCatalogFile } from './catalog.js';
import { createPalette } from './palette.js';
import { compileStep } from './stream-line.js';
import { pieceRunner } from './stream-piece.js';
import type { Piece, StreamWorkerInit } from './stream-workers.js';

const init = workerData as StreamWorkerInit;
const catalog = buildCatalog(init.catalog.map((s) => ({ origin: s.origin, file: s.file, entries: readCatalogFile(s.file, s.origin) })));
const { step, prefilter } = compileStep(init.opts, catalog, createPalette(init.color), new Date(init.now));
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
