import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idOrder, LANGS, type CatalogEntry, type CatalogFile, type Lang, type Origin } from './types.js';
import { InputError } from '../errors.js';
import { applyOverlays, readDeviceVariants, readTranslation, type DeviceVariant, type TranslationFile } from './overlays.js';
import { describeReadError } from '../input/read-error.js';
import { terminalSafe } from '../terminal-safe.js';

export const BUNDLED_DIR = fileURLToPath(new URL('../../catalog/', import.meta.url));
export const BUNDLED_MESSAGES = join(BUNDLED_DIR, 'messages.json');
const SUPPLEMENT_DIR = join(BUNDLED_DIR, 'supplement');

export interface CatalogSource {
  origin: Origin;
  file: string;
  count: number;
}

export interface Catalog {
  get(id: string): CatalogEntry | undefined;
  readonly entries: readonly CatalogEntry[];
  readonly sources: readonly CatalogSource[];
}

export function readCatalogFile(file: string, origin: Origin): CatalogEntry[] {
  let parsed: CatalogFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as CatalogFile;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // JSON.parse quotes the file's text: a corrupt catalog must not reach the terminal raw.
    const reason = code === 'ENOENT' ? 'not found' : code ? describeReadError(err) : terminalSafe((err as Error).message);
    throw new InputError(`catalog ${file}: ${reason}`);
  }
  const problem = validateCatalogFile(parsed);
  if (problem) throw new InputError(`catalog ${file}: ${problem}`);
  return parsed.messages.map((m) => ({ ...m, origin: m.origin ?? origin }));
}

/** A reason the data is not a usable catalog, or null. */
export function validateCatalogFile(data: unknown): string | null {
  const messages = (data as CatalogFile | null)?.messages;
  if (!Array.isArray(messages)) return 'no "messages" array';
  for (const [i, m] of messages.entries()) {
    const where = `messages[${i}]`;
    if (typeof m?.id !== 'string' || !/^\d{6}$/.test(m.id)) return `${where}: "id" must be a six-digit string`;
    if (!Number.isInteger(m.severity) || m.severity < 0 || m.severity > 7) return `${where} (${m.id}): "severity" must be 0-7`;
    // a class name as Cisco writes them (`auth`, `threat-detection`): never `__proto__`, which as a key of a count would vanish
    if (typeof m.category !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(m.category)) return `${where} (${m.id}): "category" must be a logging class name such as "auth" or "threat-detection"`;
    if (!Array.isArray(m.variants)) return `${where} (${m.id}): "variants" must be an array`;
    for (const v of m.variants) if (typeof v?.format !== 'string' || typeof v.docs !== 'object' || v.docs === null) return `${where} (${m.id}): each variant needs "format" and "docs"`;
  }
  return null;
}

export function supplementFiles(): string[] {
  if (!existsSync(SUPPLEMENT_DIR)) return [];
  return readdirSync(SUPPLEMENT_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(SUPPLEMENT_DIR, f));
}

/** Later layers win for the same ID: documents, then supplement, then the user's catalog. */
export function mergeLayers(layers: { origin: Origin; file: string; entries: CatalogEntry[] }[]): Catalog {
  const byId = new Map<string, CatalogEntry>();
  for (const layer of layers) for (const e of layer.entries) byId.set(e.id, e);
  const entries = [...byId.values()].sort(idOrder);
  return {
    get: (id) => byId.get(id),
    entries,
    sources: layers.map((l) => ({ origin: l.origin, file: l.file, count: l.entries.length })),
  };
}

let devices: DeviceVariant[] | null = null;
const translations = new Map<Lang, TranslationFile | null>();

/**
 * One layer as asalog uses it: the bundled files with the project's device variants and the
 * translations into `langs` (all three unless told: reading one file of three saves start-up time);
 * a user's catalog as it is, its entries replacing whole ones.
 */
export function readLayer(file: string, origin: Origin, langs: readonly Lang[] = LANGS): CatalogEntry[] {
  const entries = readCatalogFile(file, origin);
  if (origin === 'user') return entries;
  devices ??= readDeviceVariants(BUNDLED_DIR);
  for (const lang of langs) if (!translations.has(lang)) translations.set(lang, readTranslation(BUNDLED_DIR, lang));
  const files = langs.map((l) => translations.get(l)).filter((t): t is TranslationFile => t != null);
  return applyOverlays(entries, devices, files);
}

/** A catalog as the files it was read from: what another thread reads again rather than receive a copy. */
export type CatalogFiles = { origin: Origin; file: string }[];

/** The files of `catalog`, or null when a thread cannot read it again (made in memory, or a file is gone). */
export function catalogFiles(catalog: Catalog): CatalogFiles | null {
  if (catalog.sources.length === 0 || catalog.sources.some((s) => !existsSync(s.file))) return null;
  return catalog.sources.map((s) => ({ origin: s.origin, file: s.file }));
}

/** In another thread: the catalog read again from its files, with the texts of `lang`. */
export function catalogFromFiles(files: CatalogFiles, lang: Lang): Catalog {
  return mergeLayers(files.map((s) => ({ origin: s.origin, file: s.file, entries: readLayer(s.file, s.origin, [lang]) })));
}

export interface LoadOptions {
  /** an explicit user catalog file (`--catalog`), instead of the one in the config dir */
  catalogFile?: string;
  /** the user catalog in the config dir, when it exists */
  userCatalogFile?: string;
  /** the languages whose translations to read (default: all) */
  langs?: readonly Lang[];
}

export function loadCatalog(opts: LoadOptions = {}): Catalog {
  const layers = [{ origin: 'documents' as Origin, file: BUNDLED_MESSAGES, entries: readLayer(BUNDLED_MESSAGES, 'documents', opts.langs) }];
  for (const file of supplementFiles()) layers.push({ origin: 'supplement', file, entries: readLayer(file, 'supplement', opts.langs) });
  const user = opts.catalogFile ?? (opts.userCatalogFile && existsSync(opts.userCatalogFile) ? opts.userCatalogFile : undefined);
  if (user) layers.push({ origin: 'user', file: user, entries: readLayer(user, 'user') });
  return mergeLayers(layers);
}

/** Documented IDs closest to `id` numerically, for "did you mean" hints. */
export function nearestIds(catalog: Catalog, id: string, count = 3): string[] {
  const n = Number(id);
  return catalog.entries
    .map((e) => e.id)
    .sort((a, b) => Math.abs(Number(a) - n) - Math.abs(Number(b) - n) || (a < b ? -1 : 1))
    .slice(0, count)
    .sort();
}
