import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogEntry, CatalogFile } from '../types.js';
import { stripFurniture } from './furniture.js';
import { langOf, platformOf } from './layout.js';
import { mergeEntries } from './merge.js';
import { toCatalogEntry } from './parse-entry.js';
import { splitEntries, type Problem } from './split-entries.js';

export interface ParsedChapter {
  entries: CatalogEntry[];
  problems: Problem[];
}

export function parseChapter(text: string, fileName: string): ParsedChapter {
  const doc = { fileName, lang: langOf(text, fileName), platform: platformOf(text, fileName) };
  const { entries, problems } = splitEntries(stripFurniture(text), doc.lang);
  return { entries: mergeEntries(entries.map((e) => toCatalogEntry(e, doc))), problems };
}

/** Every chapter in `sourcesDir` parsed and merged into the bundled catalog's file. */
export function catalogFromSources(sourcesDir: string): CatalogFile {
  const files = readdirSync(sourcesDir).filter((f) => f.endsWith('.txt')).sort();
  const chapters = files.map((f) => ({ file: f, ...parseChapter(readFileSync(join(sourcesDir, f), 'utf8'), f) }));
  const problems = chapters.flatMap((c) => c.problems.map((p) => `${c.file}:${p.line}: ${p.message}`));
  return {
    generatedFrom: files,
    ...(problems.length ? { problems } : {}),
    messages: mergeEntries(chapters.flatMap((c) => c.entries)),
  };
}

export const serializeCatalog = (c: CatalogFile): string => `${JSON.stringify(c, null, 2)}\n`;
