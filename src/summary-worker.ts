// One worker thread of `summary`: scans a byte range of a file (whole lines) and posts its ScanResult.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { SummaryScanner } from './scan-summary.js';
import type { RangeJob } from './summary-workers.js';

const READ_CHUNK = 1 << 20;
const job = workerData as RangeJob;
const stop = new Int32Array(job.stop);
const progress = new Float64Array(job.progress);

try {
  const scanner = new SummaryScanner(job.maxLineBytes);
  scanner.startFile({ name: job.name, year: job.year, tz: job.tz });
  const fd = openSync(job.path, 'r');
  const buf = Buffer.allocUnsafe(READ_CHUNK);
  let pos = job.start;
  try {
    while (pos < job.end && Atomics.load(stop, 0) === 0) {
      const n = readSync(fd, buf, 0, Math.min(READ_CHUNK, job.end - pos), pos);
      if (n === 0) break;
      scanner.push(buf.subarray(0, n));
      pos += n;
      progress[job.index] = pos - job.start;
    }
  } finally {
    closeSync(fd);
  }
  scanner.end();
  parentPort!.postMessage({ ok: true, result: scanner.result() });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  parentPort!.postMessage({ ok: false, code: e?.code, message: e?.message ?? String(err) });
}
