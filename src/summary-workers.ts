import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScanResult } from './scan-summary.js';

/** What one worker scans: [start, end) of a file, both on line boundaries. */
export interface RangeJob {
  path: string;
  name: string;
  year: number;
  tz?: string;
  maxLineBytes?: number;
  start: number;
  end: number;
  index: number;
  /** Int32Array[1]: set to 1 to stop every worker after its current read (Ctrl-C) */
  stop: SharedArrayBuffer;
  /** Float64Array[workers]: bytes scanned by each worker, for the progress display */
  progress: SharedArrayBuffer;
}

export interface SplitOptions {
  name: string;
  year: number;
  tz?: string;
  maxLineBytes?: number;
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
}

/**
 * Scans one regular file on every core: the file is cut into byte ranges that end on a newline,
 * a worker thread scans each, and the results come back in file order. Long-line numbers are
 * made file-relative again from the line counts of the ranges before.
 */
export async function scanFileInWorkers(path: string, size: number, opts: SplitOptions): Promise<ScanResult[]> {
  const bounds = await lineBoundaries(path, size, availableParallelism());
  const stop = new SharedArrayBuffer(4);
  const progress = new SharedArrayBuffer(8 * bounds.length);
  const onAbort = (): void => {
    Atomics.store(new Int32Array(stop), 0, 1);
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();
  let reported = 0;
  const done = new Float64Array(progress);
  const timer = opts.onBytes && setInterval(() => {
    const total = done.reduce((a, b) => a + b, 0);
    opts.onBytes!(total - reported);
    reported = total;
  }, 200);
  try {
    const results = await Promise.all(bounds.map(([start, end], index) => runWorker({
      path, name: opts.name, year: opts.year, tz: opts.tz, maxLineBytes: opts.maxLineBytes, start, end, index, stop, progress,
    })));
    let before = 0;
    for (const r of results) {
      for (const long of r.longLines) long[0] += before;
      before += r.lines;
    }
    return results;
  } finally {
    if (timer) clearInterval(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

function runWorker(job: RangeJob): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./summary-worker.js', import.meta.url), { workerData: job });
    worker.once('message', (m: { ok: true; result: ScanResult } | { ok: false; code?: string; message: string }) => {
      if (m.ok) resolve(m.result);
      else reject(Object.assign(new Error(m.message), { code: m.code }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`summary worker stopped with exit code ${code}`));
    });
  });
}

/** `parts` ranges of roughly equal size, each ending just after a newline (or at the end of the file). */
async function lineBoundaries(path: string, size: number, parts: number): Promise<Array<[number, number]>> {
  const cuts = [0];
  const fh = await open(path, 'r');
  try {
    const probe = Buffer.allocUnsafe(1 << 16);
    for (let i = 1; i < parts; i++) {
      let pos = Math.max(Math.floor((size * i) / parts), cuts[cuts.length - 1]!, 1) - 1;
      let cut = size;
      while (pos < size) {
        const { bytesRead } = await fh.read(probe, 0, probe.length, pos);
        if (bytesRead === 0) break;
        const nl = probe.subarray(0, bytesRead).indexOf(10);
        if (nl !== -1) {
          cut = pos + nl + 1;
          break;
        }
        pos += bytesRead;
      }
      if (cut > cuts[cuts.length - 1]! && cut < size) cuts.push(cut);
    }
  } finally {
    await fh.close();
  }
  cuts.push(size);
  return cuts.slice(0, -1).map((start, i) => [start, cuts[i + 1]!]);
}
