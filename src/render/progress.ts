import { inputsSize } from '../input/open.js';
import type { ReadOptions } from '../input/read-options.js';
import { warn, type Io } from '../io.js';

/** A one-line progress display on stderr, for terminals only (never in pipes or CI). */
export class Progress {
  private bytes = 0;
  private lastDraw = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(private readonly stderr: NodeJS.WritableStream, private readonly totalBytes: number | null) {}

  static enabled(stderr: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
    return stderr.isTTY === true && !env.CI;
  }

  /** A progress line for reading `paths`, when `wanted` and stderr is a terminal (not in CI); else null. */
  static async forInputs(io: Io, paths: string[], wanted = true): Promise<Progress | null> {
    return wanted && Progress.enabled(io.stderr, io.env) ? new Progress(io.stderr, await inputsSize(paths)) : null;
  }

  add(bytes: number): void {
    this.bytes += bytes;
    const now = Date.now();
    if (now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const mb = this.bytes / 1e6;
    const pct = this.totalBytes ? ` (${((100 * this.bytes) / this.totalBytes).toFixed(0)}%)` : '';
    this.stderr.write(`\r\x1b[Kasalog: read ${mb.toFixed(0)} MB${pct} at ${(mb / secs).toFixed(0)} MB/s`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stderr.write('\r\x1b[K');
  }
}

/**
 * How a reader reports while a progress line may be on the terminal: each error and warning as an
 * `asalog:` line after clearing it, the bytes read to it. `onUnreadable` hears of each input that
 * could not be read.
 */
export function readReports(io: Io, progress: Progress | null, onUnreadable: (file: string) => void): Pick<ReadOptions, 'onError' | 'onWarning' | 'onBytes'> {
  return {
    onError: (file, reason) => {
      onUnreadable(file);
      progress?.clear();
      warn(io, `${file}: ${reason}`);
    },
    onWarning: (message) => {
      progress?.clear();
      warn(io, message);
    },
    onBytes: progress === null ? undefined : (n) => progress.add(n),
  };
}
