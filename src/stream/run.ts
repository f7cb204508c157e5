import { catalogFiles, type Catalog } from '../catalog/load.js';
import { splittableFile, STDIN_NAME, type SplitFile } from '../input/open.js';
import { readLines } from '../input/read-lines.js';
import { describeReadError } from '../input/read-error.js';
import type { ReadOptions } from '../input/read-options.js';
import type { Io } from '../io.js';
import type { Palette } from '../render/palette.js';
import { Progress, readReports } from '../render/progress.js';
import { csvHeader } from '../render/record.js';
import { WorkerPool } from '../workers/pool.js';
import { manyCores, poolSize, splitFrom } from '../workers/split.js';
import { filterFileInWorkers } from './filter-workers.js';
import type { RawLocal } from './raw-filter.js';
import type { StreamOptions } from './options.js';
import { OutputSink, type StreamSink } from './output-sink.js';
import { pieceRunner } from './piece.js';
import { filterInput } from './raw-input.js';
import { RenderWorkers } from './render-workers.js';
import { stepInit } from './step-init.js';
import { compileStep, type CompiledStep } from './step.js';

export interface StreamResult {
  lines: number;
  matched: number;
  unreadable: number;
  /** lines that passed the filter, per input in the order read (`--count`) */
  files: { file: string; matched: number }[];
}

/** `--count`: the lines are counted, not written. */
const DISCARD: StreamSink = { write: () => undefined, flush: async () => undefined };

type Counted = { lines: number; matched: number };

/** The default command: every input line is classified, filtered and written in the chosen output. */
export async function runStream(paths: string[], opts: StreamOptions, catalog: Catalog, palette: Palette, io: Io): Promise<StreamResult> {
  // one instant for relative --since/--until, on this thread and in every pool thread
  const now = new Date();
  const compiled = compileStep(opts, catalog, palette, now);
  // `-o raw` filtered on the tag alone: lines decided from their bytes (raw-input.ts, filter-workers.ts)
  const rawLocal: RawLocal | null = compiled.prefilter !== null && !opts.withFilename ? { prefilter: compiled.prefilter, step: compiled.step } : null;
  const sink = opts.count ? DISCARD : new OutputSink(io.stdout);
  const result: StreamResult = { lines: 0, matched: 0, unreadable: 0, files: [] };
  if (opts.output === 'csv') sink.write(csvHeader(opts.fields));
  // what is written goes to a file or a pipe: say how far the reading is, as summary does
  const progress = await Progress.forInputs(io, paths, (io.stdout.isTTY !== true || opts.count === true) && !opts.follow);
  const read: ReadOptions = {
    year: opts.year, tz: opts.tz, maxLineBytes: opts.maxLineBytes, signal: io.signal, stdin: io.stdin,
    ...readReports(io, progress, () => result.unreadable++),
  };
  let threads: Threads | null = null;
  try {
    for (const path of paths.length ? paths : ['-']) {
      if (io.signal.aborted) break;
      const unreadableBefore = result.unreadable;
      const big = await splitFile(path, opts, catalog, io.env);
      let counted: Counted;
      if (big !== null) {
        threads ??= new Threads(opts, catalog, palette, now, compiled, io.env);
        counted = await threads.file(big, rawLocal, read, io.env, sink);
      } else if (rawLocal !== null && !opts.follow && opts.start === undefined) counted = await filterInput(path, rawLocal, read, sink);
      else counted = await lineByLine(path, opts, compiled, read, sink);
      result.lines += counted.lines;
      result.matched += counted.matched;
      // (a file that could not be read has its error, not a count: as grep -c)
      if (result.unreadable === unreadableBefore) result.files.push({ file: path === '-' ? STDIN_NAME : path, matched: counted.matched });
      await sink.flush();
    }
  } finally {
    progress?.clear();
    await threads?.close();
  }
  return result;
}

/** One input through the step, a batch of lines per chunk read: a live pipe shows its lines as they come. */
async function lineByLine(path: string, opts: StreamOptions, { step, prefilter }: CompiledStep, read: ReadOptions, sink: StreamSink): Promise<Counted> {
  const counted = { lines: 0, matched: 0 };
  // raw output filtered on the tag only: lines that provably fail are skipped as bytes
  // (not with -n, which counts lines the prefilter would pass over)
  const skipLine = opts.start === undefined ? prefilter?.skip : undefined;
  for await (const batch of readLines({ ...read, paths: [path], follow: opts.follow, start: opts.start, skipLine })) {
    counted.lines += batch.skipped ?? 0;
    for (const raw of batch.lines) {
      counted.lines++;
      const out = step(raw, batch.file, batch.year, batch.notAfter);
      if (out === null) continue;
      counted.matched++;
      const w = sink.write(out);
      if (w) await w;
    }
    await sink.flush();
  }
  return counted;
}

/**
 * Whether a file goes to the pool: a plain (not gzip) regular file large enough for its work,
 * not followed, on a machine with more than one core. ASALOG_STREAM_PATH=single|workers forces
 * the choice (workers: any regular file), for tests and comparisons.
 */
async function splitFile(path: string, opts: StreamOptions, catalog: Catalog, env: NodeJS.ProcessEnv): Promise<SplitFile | null> {
  const forced = env.ASALOG_STREAM_PATH;
  if (forced === 'single' || opts.follow || opts.start !== undefined || path === '-') return null;
  if (forced !== 'workers' && !manyCores()) return null;
  // the threads rebuild the catalog from its files: one made in memory stays on this thread
  if (catalogFiles(catalog) === null) return null;
  try {
    return await splittableFile(path, forced === 'workers' ? 0 : splitFrom(opts.output === 'raw' ? 'filter' : 'render'));
  } catch {
    return null; // the line-by-line path reports what is wrong with it
  }
}

/** The stream view's use of the pool, started at the first large file. */
class Threads {
  private readonly pool: WorkerPool;
  private readonly renderers: RenderWorkers;

  constructor(opts: StreamOptions, catalog: Catalog, palette: Palette, now: Date, { step, prefilter }: CompiledStep, env: NodeJS.ProcessEnv) {
    // (a file goes to the pool only when its catalog is in files: see splitFile)
    this.pool = new WorkerPool(new URL('./task.js', import.meta.url), stepInit(opts, catalogFiles(catalog)!, palette.enabled, now), poolSize(env));
    this.renderers = new RenderWorkers(this.pool, pieceRunner(step, prefilter, opts.maxLineBytes), opts.output !== 'raw');
  }

  async file(file: SplitFile, rawLocal: RawLocal | null, read: ReadOptions, env: NodeJS.ProcessEnv, sink: StreamSink): Promise<Counted> {
    try {
      // the raw filter: every thread reads its own pieces
      if (rawLocal !== null) return await filterFileInWorkers(this.pool, rawLocal, file, read, env, sink);
      return await this.renderers.renderFile(file, read, env, sink);
    } catch (err) {
      if (typeof (err as NodeJS.ErrnoException).syscall !== 'string') throw err;
      read.onError(file.path, describeReadError(err));
      return { lines: 0, matched: 0 };
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
