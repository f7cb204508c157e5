import { abortable } from '../../input/abortable.js';
import { describeReadError } from '../../input/read-error.js';
import { openInput, splittableFile, STDIN_NAME } from '../../input/open.js';
import type { ScanResult } from './result.js';
import { SummaryScanner } from './scanner.js';
import { scanFileInWorkers } from '../workers.js';
import { yearContext } from '../../parse/year-context.js';

/**
 * `scan`: every input in this thread; `workers`: regular files split across worker threads
 * (gzip and stdin stay in this thread); `auto`: workers for regular files of 64 MB and more.
 */
export type ScanMode = 'scan' | 'workers' | 'auto';

export interface ScanInputsOptions {
  mode: ScanMode;
  year?: number;
  tz?: string;
  maxLineBytes?: number;
  signal?: AbortSignal;
  stdin?: NodeJS.ReadableStream;
  onError: (file: string, reason: string) => void;
  onWarning: (message: string) => void;
  onBytes?: (bytes: number) => void;
}

const WORKER_MIN_BYTES = 64 << 20;

/** The summary's fast path over every input, in order: one ScanResult per run of inputs. */
export async function scanInputs(paths: string[], opts: ScanInputsOptions): Promise<ScanResult[]> {
  const parts: ScanResult[] = [];
  let scanner: SummaryScanner | null = null;
  const flush = (): void => {
    if (scanner !== null) parts.push(scanner.take());
    scanner = null;
  };
  for (const path of paths.length ? paths : ['-']) {
    if (opts.signal?.aborted) break;
    const name = path === '-' ? STDIN_NAME : path;
    try {
      const split = await splittable(path, opts.mode);
      if (split !== null) {
        flush();
        const result = await scanFileInWorkers(path, split.size, { name, ...yearContext(opts.year, split.mtime), tz: opts.tz, maxLineBytes: opts.maxLineBytes, signal: opts.signal, onBytes: opts.onBytes });
        warnLong(result.longLines, name, opts.onWarning);
        parts.push(result);
        continue;
      }
      const input = await openInput(path, opts.stdin);
      scanner ??= new SummaryScanner(opts.maxLineBytes);
      scanner.startFile({ name: input.name, ...yearContext(opts.year, input.mtime), tz: opts.tz });
      for await (const chunk of abortable(input.chunks, opts.signal)) {
        opts.onBytes?.(chunk.length);
        scanner.push(chunk);
        warnLong(scanner.takeLongLines(), input.name, opts.onWarning);
        if (opts.signal?.aborted) break;
      }
      scanner.end();
      warnLong(scanner.takeLongLines(), input.name, opts.onWarning);
    } catch (err) {
      opts.onError(name, describeReadError(err));
    }
  }
  flush();
  return parts;
}

async function splittable(path: string, mode: ScanMode): Promise<{ size: number; mtime: Date } | null> {
  if (mode === 'scan' || path === '-') return null;
  return splittableFile(path, mode === 'auto' ? WORKER_MIN_BYTES : 0);
}

function warnLong(lines: ScanResult['longLines'], file: string, warn: (m: string) => void): void {
  for (const [line, kept, dropped] of lines) {
    warn(`${file}:${line}: line longer than ${kept} bytes; ${dropped} bytes past the limit were not read (see --max-line)`);
  }
}
