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
