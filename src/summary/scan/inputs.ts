import { abortable } from '../../input/abortable.js';
import { openInput, splittableFile, STDIN_NAME, type SplitFile } from '../../input/open.js';
import { describeReadError } from '../../input/read-error.js';
import { warnLongLines, type ReadOptions } from '../../input/read-options.js';
import { yearContext } from '../../parse/year-context.js';
import { claimPieces } from '../../workers/claim.js';
import { FilePieces, type PieceRange } from '../../workers/file-pieces.js';
import { WorkerPool } from '../../workers/pool.js';
import { manyCores, pieceBytes, poolSize, splitFrom } from '../../workers/split.js';
import { pieceCounter, type CountFileJob, type CountInit } from '../task.js';
import { mergeTallies } from '../tally-merge.js';
import type { TallyResult } from '../tally-result.js';
import { SummaryScanner } from './scanner.js';
import { catalogFiles, type Catalog } from '../../catalog/load.js';
import type { Lang } from '../../catalog/types.js';
import { SectionsFeed, type SectionsSpec, type SectionsTarget } from '../sections-feed.js';

/**
 * `scan`: every input in this thread; `workers`: regular files split across the pool's threads
 * (gzip and stdin stay in this thread); `auto`: the pool for regular files large enough.
 */
export type ScanMode = 'scan' | 'workers' | 'auto';

export interface ScanInputsOptions extends ReadOptions {
  mode: ScanMode;
  env: NodeJS.ProcessEnv;
  /** the sections and `--by` to read fields for, the catalog that reads them, and the run's own sections they end in */
  sections?: { spec: SectionsSpec; catalog: Catalog; lang: Lang; into: SectionsTarget };
}

/**
 * A scanner, with the sections' feed when asked: `inOrder` (this thread reads whole inputs in
 * order) counts straight into the run's sections, so VPN session starts and ends are paired as
 * they come rather than kept for a merge; a piece of a split file posts its part.
 */
function newScanner(opts: ScanInputsOptions, inOrder: boolean): SummaryScanner {
  const s = opts.sections;
  const feed = s ? new SectionsFeed(s.catalog, s.spec, inOrder ? s.into : undefined) : null;
  return new SummaryScanner(opts.maxLineBytes, feed);
}

/** The summary's byte path over every input, in order: one TallyResult per run of inputs. */
export async function scanInputs(paths: string[], opts: ScanInputsOptions): Promise<TallyResult[]> {
  const parts: TallyResult[] = [];
  let scanner: SummaryScanner | null = null;
  const flush = (): void => {
    if (scanner !== null) parts.push(foldSections(scanner.take(), opts));
    scanner = null;
  };
  let pool: WorkerPool | null = null;
  try {
    for (const path of paths.length ? paths : ['-']) {
      if (opts.signal?.aborted) break;
      const name = path === '-' ? STDIN_NAME : path;
      try {
        const split = await splittable(path, opts.mode, opts);
        if (split !== null) {
          flush();
          pool ??= new WorkerPool(new URL('../task.js', import.meta.url), countInit(opts), poolSize(opts.env), opts.sections ? SECTIONS_THREAD : undefined);
          const result = await countFileInPieces(pool, split, opts);
          warnLongLines(name, result.longLines, 0, opts.onWarning);
          parts.push(result);
          continue;
        }
        scanner ??= newScanner(opts, true);
        await scanInput(scanner, path, opts);
      } catch (err) {
        opts.onError(name, describeReadError(err));
      }
    }
  } finally {
    await pool?.close();
  }
  flush();
  return parts;
}

/** One input (stdin, gzip, a small file) through this thread's scanner. */
async function scanInput(scanner: SummaryScanner, path: string, opts: ScanInputsOptions): Promise<void> {
  const input = await openInput(path, opts.stdin, 0, opts.onBytes);
  scanner.startFile({ name: input.name, ...yearContext(opts.year, input.mtime), tz: opts.tz });
  for await (const chunk of abortable(input.chunks, opts.signal)) {
    scanner.push(chunk);
    warnLongLines(input.name, scanner.takeLongLines(), 0, opts.onWarning);
    if (opts.signal?.aborted) break;
  }
  scanner.end();
  warnLongLines(input.name, scanner.takeLongLines(), 0, opts.onWarning);
}

// Small enough that the threads finish together however busy the cores are, large enough that
// a piece's counts cost next to nothing to post and merge.
const MAX_PIECE = 16 << 20;
const MIN_PIECE = 64 << 10;

/**
 * One regular file on every core (`pool` null: this thread alone): its pieces' tallies merged in
 * file order, long lines numbered in the file.
 */
export async function countFileInPieces(pool: WorkerPool | null, file: SplitFile, opts: ScanInputsOptions): Promise<TallyResult> {
  const range: PieceRange = { path: file.path, size: file.size, pieceBytes: pieceBytes(opts.env, Math.max(MIN_PIECE, Math.min(MAX_PIECE, Math.ceil(file.size / 64)))), shared: FilePieces.sharedState() };
  const job: CountFileJob = { range, name: file.path, ...yearContext(opts.year, file.mtime), tz: opts.tz, maxLineBytes: opts.maxLineBytes };
  const tallies: TallyResult[] = [];
  let linesBefore = 0;
  await claimPieces<TallyResult>(pool, {
    range,
    scanner: pieceCounter(job, newScanner(opts, false)),
    request: job,
    signal: opts.signal,
    onPiece: (piece) => opts.onBytes?.(piece.bytes),
    // an interrupted run keeps even a piece cut short: the report holds everything counted
    write: ({ result }) => {
      for (const long of result.longLines) long[0] += linesBefore;
      linesBefore += result.lines;
      tallies.push(foldSections(result, opts));
    },
  });
  return mergeTallies(tallies);
}

/** A result's sections part, merged into the run's sections as it comes (in input order): a part is not kept until the end. */
function foldSections(result: TallyResult, opts: ScanInputsOptions): TallyResult {
  const into = opts.sections?.into;
  for (const part of result.sections ?? []) {
    if (into?.happened && part.happened) into.happened.merge(part.happened);
    if (into?.pivot && part.pivot) into.pivot.merge(part.pivot);
  }
  delete result.sections;
  return result;
}

// A thread reading sections makes short-lived objects per line: a small young generation (V8's
// default is 16 MB per semi-space) keeps ~30 MB of RSS per thread at the same speed (measured on
// the 111 MB bench log: 255-265 MB peak instead of 285-290 MB, 5.0 s either way).
const SECTIONS_THREAD = { maxYoungGenerationSizeMb: 4 };

/** What the threads need for the sections (splittable checked that the catalog is in files). */
function countInit(opts: ScanInputsOptions): CountInit | null {
  if (!opts.sections) return null;
  return { sections: opts.sections.spec, lang: opts.sections.lang, catalog: catalogFiles(opts.sections.catalog)! };
}

async function splittable(path: string, mode: ScanMode, opts: ScanInputsOptions): Promise<SplitFile | null> {
  if (mode === 'scan' || path === '-' || (mode === 'auto' && !manyCores())) return null;
  // the threads read the catalog again from its files: one made in memory stays on this thread
  if (opts.sections && catalogFiles(opts.sections.catalog) === null) return null;
  return splittableFile(path, mode === 'auto' ? splitFrom('count') : 0);
}
