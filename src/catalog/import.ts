import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { readCatalogFile, validateCatalogFile, type Catalog } from './load.js';
import { idOrder, type CatalogEntry, type CatalogFile } from './types.js';
import { parseChapter, serializeCatalog } from './build/build.js';
import { mergeEntries } from './build/merge.js';

export interface ImportProblem {
  file: string;
  line: number;
  message: string;
}

export interface ImportPlan {
  /** the user catalog after the import */
  result: CatalogEntry[];
  added: string[];
  /** IDs already in the user catalog, now replaced by the imported text */
  replaced: string[];
  /** imported IDs that the bundled catalog also has: the user's entry wins from now on */
  overridesBundled: string[];
  problems: ImportProblem[];
}

/**
 * Parses chapters with the same parser that builds the bundled catalog and merges them into the
 * user's catalog, without writing anything: the caller writes only a plan without problems.
 */
export function planImport(files: { name: string; text: string }[], existing: CatalogEntry[], bundled: Catalog): ImportPlan {
  const problems: ImportProblem[] = [];
  const imported: CatalogEntry[] = [];
  for (const f of files) {
    const chapter = parseChapter(f.text, basename(f.name));
    problems.push(...chapter.problems.map((p) => ({ file: f.name, line: p.line, message: p.message })));
    if (chapter.entries.length === 0) problems.push({ file: f.name, line: 1, message: 'no message entries found: not a chapter of the syslog message reference in a known layout' });
    imported.push(...chapter.entries);
  }
  const merged = mergeEntries(imported).map((e) => ({ ...e, origin: 'user' as const }));
  const before = new Set(existing.map((e) => e.id));
  const byId = new Map(existing.map((e) => [e.id, e]));
  for (const e of merged) byId.set(e.id, e);
  return {
    result: [...byId.values()].sort(idOrder),
    added: merged.filter((e) => !before.has(e.id)).map((e) => e.id),
    replaced: merged.filter((e) => before.has(e.id)).map((e) => e.id),
    overridesBundled: merged.filter((e) => bundled.get(e.id) && bundled.get(e.id)?.origin !== 'user').map((e) => e.id),
    problems,
  };
}

export function readUserCatalog(file: string): CatalogEntry[] {
  return existsSync(file) ? readCatalogFile(file, 'user') : [];
}

/** Validates, then writes atomically (temp file + rename): a failed write leaves the old file. */
export function writeUserCatalog(file: string, entries: CatalogEntry[], sources: string[]): void {
  const data: CatalogFile = { origin: 'user', generatedFrom: sources, messages: entries };
  const problem = validateCatalogFile(data);
  if (problem) throw new Error(`refusing to write an invalid catalog: ${problem}`);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, serializeCatalog(data));
  renameSync(tmp, file);
}

export function readChapters(paths: string[]): { name: string; text: string }[] {
  return paths.map((p) => ({ name: p, text: readFileSync(p, 'utf8') }));
}
