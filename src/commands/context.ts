import { userCatalogPath } from '../catalog/config-paths.js';
import { loadCatalog, type Catalog } from '../catalog/load.js';
import type { Io } from '../io.js';
import type { Lang } from '../catalog/types.js';
import { createPalette } from '../render/create-palette.js';
import { decideColor, type ColorMode, type Palette } from '../render/palette.js';

/** What every command's action gets from cli.ts: the process edges, and a way to raise the exit code. */
export interface CommandContext {
  io: Io;
  /** the worst exit code wins (EXIT in errors.ts) */
  setExit: (code: number) => void;
}

/** The bundled catalog, plus the user's (or `--catalog`); with `lang`, only that language's translations are read. */
export function catalogFor(opts: { catalog?: string }, io: Io, lang?: Lang): Catalog {
  return loadCatalog({ catalogFile: opts.catalog, userCatalogFile: userCatalogPath(io.env), ...(lang ? { langs: [lang] } : {}) });
}

export function paletteFor(opts: { color?: ColorMode }, io: Io): Promise<Palette> {
  return createPalette(decideColor(opts.color ?? 'auto', io.env, io.stdout.isTTY === true));
}
