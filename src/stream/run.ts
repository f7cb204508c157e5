import type { Catalog } from '../catalog/load.js';
import type { StreamOptions } from './options.js';
import { describeReadError } from '../input/read-error.js';
import { warn, type Io } from '../io.js';
import { DEFAULT_MAX_LINE_BYTES } from '../input/line-splitter.js';
import { OutputSink } from './output-sink.js';
import type { Palette } from '../render/palette.js';
import { readLines } from '../input/read-lines.js';
import { yearContext } from '../parse/year-context.js';
import { csvHeader } from '../render/record.js';
import { compileStep } from './step.js';
import { pieceRunner } from './piece.js';
import { filterInput } from './raw-input.js';
import { filterFileInWorkers } from './raw-workers.js';
import { StreamPool, streamFileInWorkers, useWorkers } from './pool.js';


export interface StreamResult {
  lines: number;
  matched: number;
  unreadable: number;
}

/** The default command: every input line is classified, filtered and written in the chosen format. */
export async function runStream(paths: string[], opts: StreamOptions, catalog: Catalog, palette: Palette, io: Io): Promise<StreamResult> {
  // one instant for relative --since/--until, on this thread and in every worker
  const now = new Date();
  const { step, prefilter } = compileStep(opts, catalog, palette, now);
  // `-o raw` filtered on the tag alone: lines decided from their bytes (stream/raw-input.ts, stream/raw-workers.ts)
  const rawFilter = prefilter !== null && !opts.withFilename ? { prefilter, step } : null;
  const sink = new OutputSink(io.stdout);
  const result: StreamResult = { lines: 0, matched: 0, unreadable: 0 };
  if (opts.output === 'csv') sink.write(csvHeader());
  const onError = (file: string, reason: string): void => {
    result.unreadable++;
    warn(io, `${file}: ${reason}`);
  };
  const onWarning = (m: string): void => warn(io, m);
  let pool: StreamPool | null = null;
  try {
    for (const path of paths.length ? paths : ['-']) {
      if (io.signal.aborted) break;
      // a large regular file is classified on every core, its output still in input order
      const big = await useWorkers(path, opts, catalog, io.env);
      if (big) {
        const init = { opts, catalog: catalog.sources.map((s) => ({ origin: s.origin, file: s.file })), color: palette.enabled, now: now.getTime() };
        const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
        try {
          // the raw filter: every thread reads its own pieces (stream/raw-workers.ts)
          const r = rawFilter !== null
            ? await filterFileInWorkers(init, rawFilter, { path, size: big.size, file: path, ...yearContext(opts.year, big.mtime), maxLineBytes }, { env: io.env, signal: io.signal, onWarning }, sink)
            : await streamFileInWorkers(pool ??= new StreamPool(init, io.env, pieceRunner(step, prefilter, opts)), {
              path, ...yearContext(opts.year, big.mtime), numbered: opts.output !== 'raw', maxLineBytes,
              signal: io.signal, env: io.env, onWarning,
            }, sink);
          result.lines += r.lines;
          result.matched += r.matched;
        } catch (err) {
          if (typeof (err as NodeJS.ErrnoException).syscall !== 'string') throw err;
          onError(path, describeReadError(err));
        }
        await sink.flush();
        continue;
      }
      if (rawFilter !== null && !opts.follow) {
        // the raw filter in this thread (stream/raw-input.ts)
        const r = await filterInput(path, rawFilter, { year: opts.year, maxLineBytes: opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, signal: io.signal, stdin: io.stdin, onError, onWarning }, sink);
        result.lines += r.lines;
        result.matched += r.matched;
        continue;
      }
      const batches = readLines({
        paths: [path],
        follow: opts.follow,
        year: opts.year,
        maxLineBytes: opts.maxLineBytes,
        // raw output filtered on the tag only: lines that provably fail are skipped as bytes
        skipLine: prefilter?.skip,
        signal: io.signal,
        stdin: io.stdin,
        onError,
        onWarning,
      });
      for await (const batch of batches) {
        result.lines += batch.skipped ?? 0;
        for (const raw of batch.lines) {
          result.lines++;
          const out = step(raw, batch.file, batch.year, batch.notAfter);
          if (out === null) continue;
          result.matched++;
          const w = sink.write(out);
          if (w) await w;
        }
        await sink.flush();
      }
    }
    await sink.flush();
  } finally {
    await pool?.close();
  }
  return result;
}
