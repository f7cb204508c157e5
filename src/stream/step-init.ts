import { catalogFromFiles, type CatalogFiles } from '../catalog/load.js';
import { createPalette } from '../render/create-palette.js';
import type { StreamOptions } from './options.js';
import { compileStep, type CompiledStep } from './step.js';

/** What another thread needs to compile the same step as this one. */
export interface StepInit {
  opts: StreamOptions;
  /** the catalog's files: a thread reads them again rather than receive a copy */
  catalog: CatalogFiles;
  color: boolean;
  /** the instant relative --since/--until resolve against, the same in every thread */
  now: number;
}

export function stepInit(opts: StreamOptions, catalog: CatalogFiles, color: boolean, now: Date): StepInit {
  return { opts, catalog, color, now: now.getTime() };
}

/** In a pool thread: the main thread's catalog rebuilt from its files, and the same step compiled. */
export async function stepInThread(init: StepInit): Promise<CompiledStep> {
  return compileStep(init.opts, catalogFromFiles(init.catalog, init.opts.lang), await createPalette(init.color), new Date(init.now));
}
