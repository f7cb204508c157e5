import { buildCatalog, readCatalogFile } from '../catalog/load.js';
import { createPalette } from '../render/create-palette.js';
import { compileStep, type CompiledStep } from './step.js';
import type { StreamWorkerInit } from './pool.js';

/** In a worker thread: the main thread's catalog rebuilt from its files, and the same step compiled. */
export async function workerStep(init: StreamWorkerInit): Promise<CompiledStep> {
  const catalog = buildCatalog(init.catalog.map((s) => ({ origin: s.origin, file: s.file, entries: readCatalogFile(s.file, s.origin) })));
  return compileStep(init.opts, catalog, await createPalette(init.color), new Date(init.now));
}
