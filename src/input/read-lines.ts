import { stat } from 'node:fs/promises';
import type { YearContext } from '../parse/year-context.js';
import { yearContext } from '../parse/year-context.js';
import { abortable } from './abortable.js';
import { FILE_STARTS_OVER, followFile } from './follow.js';
import { LineSplitter, type SkipLine } from './line-splitter.js';
import { isGzipFile, openInput, STDIN_NAME, type OpenedInput } from './open.js';
import { LastLines, lastLines, type LineStart } from './tail-start.js';
import type { RawLine } from './raw-line.js';
import { describeReadError } from './read-error.js';
import { longLineWarning, type ReadOptions } from './read-options.js';

export interface LineBatch extends YearContext {
  file: string;
  lines: RawLine[];
  /** lines passed over by `skipLine` since the previous batch */
  skipped?: number;
}

export interface ReadLinesOptions extends ReadOptions {
  paths: string[];
  follow?: boolean;
  /** a byte-level pre-filter: lines it returns true for are never made into RawLines */
  skipLine?: SkipLine;
  /** `-n`: the last N lines of each input, or from line K */
  start?: LineStart;
}

/**
 * One path for files, stdin and gzip: yields the lines of each input in order, a batch per chunk
 * read, so a live pipe shows lines as they arrive. A failing input is reported and skipped.
 */
export async function* readLines(opts: ReadLinesOptions): AsyncGenerator<LineBatch> {
  const paths = opts.paths.length ? opts.paths : ['-'];
  for (const path of paths) {
    if (opts.signal?.aborted) return;
    let name = path === '-' ? STDIN_NAME : path;
    try {
      const { input, shown, linesBefore } = await openSource(path, opts);
      name = input.name;
      const { year, notAfter } = yearContext(opts.year, opts.follow ? null : input.mtime);
      const batch = (lines: RawLine[], skipped?: number, kept = shown.keep(lines)): LineBatch | null => {
        warnDropped(lines, name, opts.onWarning);
        return kept.length || skipped ? { file: name, year, notAfter, lines: kept, skipped } : null;
      };
      let splitter = new LineSplitter(opts.maxLineBytes, opts.skipLine, linesBefore);
      for await (const chunk of abortable(input.chunks, opts.signal)) {
        if (chunk === FILE_STARTS_OVER) {
          // A followed file truncated or replaced: a line it left unfinished ends here, and the
          // new file's lines are numbered from 1.
          const unfinished = batch(splitter.end());
          if (unfinished) yield unfinished;
          splitter = new LineSplitter(opts.maxLineBytes, opts.skipLine);
          continue;
        }
        const lines = batch(splitter.push(chunk), splitter.skipped);
        splitter.skipped = 0;
        if (lines) yield lines;
        if (opts.signal?.aborted) break;
      }
      const last = batch(splitter.end());
      if (last) yield last;
      const held = shown.end();
      if (held.length) yield { file: name, year, notAfter, lines: held };
    } catch (err) {
      opts.onError(name, describeReadError(err));
    }
  }
}

/** Which of the lines read are shown (`-n`): all, those from line K on, or the last N of an input read to its end. */
interface Shown {
  keep(lines: RawLine[]): RawLine[];
  /** the lines held back until the input ended */
  end(): RawLine[];
}

const ALL_SHOWN: Shown = { keep: (lines) => lines, end: () => [] };

/**
 * Opens one input where `-n` says reading starts: a plain file at the byte offset of its last N
 * lines (read back from its end, its line numbers kept); stdin and gzip, which cannot be read
 * backwards, to their end, keeping the last N lines (unless -f only implied them: then whole).
 */
async function openSource(path: string, opts: ReadLinesOptions): Promise<{ input: ReadSource; shown: Shown; linesBefore: number }> {
  const start = opts.start;
  let offset = 0;
  let linesBefore = 0;
  let shown = ALL_SHOWN;
  if (start !== undefined && 'from' in start) shown = { keep: (lines) => lines.filter((l) => l.number >= start.from), end: () => [] };
  else if (start !== undefined && (path === '-' || (await isGzipFile(path)) || !(await stat(path)).isFile())) {
    if (start.implied) return openSource(path, { ...opts, start: undefined });
    const ring = new LastLines(start.last);
    shown = { keep: (lines) => (ring.push(lines), []), end: () => ring.take() };
  } else if (start !== undefined) ({ offset, linesBefore } = await lastLines(path, start.last));
  const input: ReadSource = opts.follow && path !== '-' ? await openFollowed(path, opts, offset) : await openInput(path, opts.stdin, offset, opts.onBytes);
  return { input, shown, linesBefore };
}

/** An input as readLines reads it: a followed file also says where it starts over. */
type ReadSource = Omit<OpenedInput, 'chunks'> & { chunks: AsyncIterable<Buffer | typeof FILE_STARTS_OVER> };

async function openFollowed(path: string, opts: ReadLinesOptions, offset: number): Promise<ReadSource> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  // A rotated .gz does not grow, and following it would print compressed bytes: read it once.
  if (await isGzipFile(path)) {
    opts.onWarning(`${path}: gzip file; read once, not followed`);
    return openInput(path, opts.stdin, offset, opts.onBytes);
  }
  const signal = opts.signal ?? new AbortController().signal;
  return { name: path, mtime: info.mtime, size: null, chunks: followFile(path, { signal, onNotice: opts.onWarning, from: offset }) };
}

function warnDropped(lines: RawLine[], file: string, warn: (m: string) => void): void {
  for (const l of lines) {
    if (l.droppedBytes > 0) warn(longLineWarning(file, [l.number, l.bytes.length, l.droppedBytes]));
  }
}
