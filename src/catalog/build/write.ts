import { writeFileSync } from 'node:fs';
import { buildCatalog, serializeCatalog } from './build.js';

export interface WriteResult {
  messages: number;
  problems: string[];
}

/** Builds the catalog from the chapters in `sourcesDir` and writes it; the caller reports problems. */
export function writeCatalog(sourcesDir: string, outFile: string): WriteResult {
  const catalog = buildCatalog(sourcesDir);
  writeFileSync(outFile, serializeCatalog(catalog));
  return { messages: catalog.messages.length, problems: catalog.problems ?? [] };
}
