import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { InputError } from '../errors.js';
import { describeReadError } from '../input/read-error.js';
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

/**
 * Validates, then writes atomically (temp file + rename): a failed write (full disk, a crash)
 * leaves the old file as it was, and the temp file is removed.
 */
export function writeUserCatalog(file: string, entries: CatalogEntry[], sources: string[]): void {
  const data: CatalogFile = { origin: 'user', generatedFrom: sources, messages: entries };
  const problem = validateCatalogFile(data);
  if (problem) throw new Error(`refusing to write an invalid catalog: ${problem}`);
  makeFolder(dirname(file));
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, serializeCatalog(data), { flag: 'wx' });
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InputError(`cannot write ${file}: ${systemReason(err)}; it was not changed`);
  }
}

/** Deeper than any real config path: the walk up from a folder ends here whatever the file system says. */
const MAX_FOLDER_DEPTH = 64;

/**
 * Creates a folder and the missing ones above it, one level at a time. Not `recursive: true`,
 * which spins forever where a level can never be created (under /proc): each level here is one
 * mkdir, tried once, and the walk up is bounded.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; missing.length <= MAX_FOLDER_DEPTH; at = dirname(at)) {
    const kind = folderKind(at);
    if (kind === 'folder') break;
    if (kind === 'other' || dirname(at) === at) throw cannotCreate(dir, kind === 'other' ? 'a file is in the way' : 'no such file or directory');
    missing.push(at);
  }
  if (missing.length > MAX_FOLDER_DEPTH) throw cannotCreate(dir, `more than ${MAX_FOLDER_DEPTH} missing levels`);
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || folderKind(level) !== 'folder') throw cannotCreate(dir, systemReason(err));
    }
  }
}

function folderKind(path: string): 'folder' | 'other' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw cannotCreate(path, systemReason(err));
  }
}

function cannotCreate(dir: string, reason: string): InputError {
  return new InputError(`cannot create ${dir}: ${reason}; set XDG_CONFIG_HOME or use --catalog <file>`);
}

/** Why the system refused, in words: describeReadError's, and a path through a file as the file in the way. */
function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way' : describeReadError(err);
}

/**
 * The most a document to import may hold. The whole syslog message reference as text is a few
 * megabytes (the bundled chapters are 13-221 KB); anything past this is not a chapter.
 */
export const MAX_CHAPTER_BYTES = 16 << 20;

/**
 * Reads the documents to import, each refused past MAX_CHAPTER_BYTES before it is all read.
 * Asynchronous, so that a document that never ends (a FIFO without a writer) leaves the process
 * able to answer Ctrl-C.
 */
export async function readChapters(paths: string[]): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  for (const p of paths) out.push({ name: p, text: await readChapter(p) });
  return out;
}

async function readChapter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(1 << 20), 0, 1 << 20, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_CHAPTER_BYTES) throw new InputError(`${path}: larger than ${MAX_CHAPTER_BYTES >> 20} MiB, the most a document to import may hold; import it chapter by chapter`);
      parts.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(parts).toString('utf8');
  } finally {
    await handle.close();
  }
}
