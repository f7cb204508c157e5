import { stat } from 'node:fs/promises';
import type { YearContext } from '../parse/year-context.js';
import { yearContext } from '../parse/year-context.js';
import { abortable } from './abortable.js';
import { FILE_STARTS_OVER, followFile } from './follow.js';
import { LineSplitter, type SkipLine } from './line-splitter.js';
import { isGzipFile, openInput, STDIN_NAME, type OpenedInput } from './open.js';
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
      const input: ReadSource = opts.follow && path !== '-' ? await openFollowed(path, opts) : await openInput(path, opts.stdin);
      name = input.name;
      const { year, notAfter } = yearContext(opts.year, opts.follow ? null : input.mtime);
      let splitter = new LineSplitter(opts.maxLineBytes, opts.skipLine);
      for await (const chunk of abortable(input.chunks, opts.signal)) {
        if (chunk === FILE_STARTS_OVER) {
          // A followed file truncated or replaced: a line it left unfinished ends here, and the
          // new file's lines are numbered from 1.
          const unfinished = splitter.end();
          warnDropped(unfinished, name, opts.onWarning);
          if (unfinished.length) yield { file: name, year, notAfter, lines: unfinished };
          splitter = new LineSplitter(opts.maxLineBytes, opts.skipLine);
          continue;
        }
        opts.onBytes?.(chunk.length);
        const lines = splitter.push(chunk);
        warnDropped(lines, name, opts.onWarning);
        const skipped = splitter.skipped;
        splitter.skipped = 0;
        if (lines.length || skipped) yield { file: name, year, notAfter, lines, skipped };
        if (opts.signal?.aborted) break;
      }
      const last = splitter.end();
      warnDropped(last, name, opts.onWarning);
      if (last.length) yield { file: name, year, notAfter, lines: last };
    } catch (err) {
      opts.onError(name, describeReadError(err));
    }
  }
}

/** An input as readLines reads it: a followed file also says where it starts over. */
type ReadSource = Omit<OpenedInput, 'chunks'> & { chunks: AsyncIterable<Buffer | typeof FILE_STARTS_OVER> };

async function openFollowed(path: string, opts: ReadLinesOptions): Promise<ReadSource> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  // A rotated .gz does not grow, and following it would print compressed bytes: read it once.
  if (await isGzipFile(path)) {
    opts.onWarning(`${path}: gzip file; read once, not followed`);
    return openInput(path, opts.stdin);
  }
  const signal = opts.signal ?? new AbortController().signal;
  return { name: path, mtime: info.mtime, size: null, chunks: followFile(path, { signal, onNotice: opts.onWarning }) };
}

function warnDropped(lines: RawLine[], file: string, warn: (m: string) => void): void {
  for (const l of lines) {
    if (l.droppedBytes > 0) warn(longLineWarning(file, [l.number, l.bytes.length, l.droppedBytes]));
  }
}
