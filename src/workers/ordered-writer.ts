/**
 * Results of numbered pieces that arrive in any order (from any thread, or as promises), handed to
 * `write` strictly by number: 0, 1, 2 … The one place where output regains the input's order.
 * `write` returns false to end the output there (a piece cut short by Ctrl-C leaves a gap after it).
 */
export class OrderedWriter<R> {
  private readonly ready = new Map<number, R>();
  private next = 0;
  private ended = false;
  private failure: { err: unknown } | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly write: (result: R, index: number) => Promise<boolean | void> | boolean | void) {}

  /** Pieces written so far. */
  get written(): number {
    return this.next;
  }

  /** Whether `write` ended the output. */
  get stopped(): boolean {
    return this.ended;
  }

  /** The next piece in order has arrived. */
  get hasNext(): boolean {
    return this.ready.has(this.next);
  }

  /** A piece's result, or a promise of it; a rejected promise fails the writer (see `rethrow`). */
  put(index: number, result: R | Promise<R>): void {
    if (result instanceof Promise) {
      result.then((r) => this.put(index, r), (err: unknown) => {
        this.failure ??= { err };
        this.wakeUp();
      });
      return;
    }
    this.ready.set(index, result);
    this.wakeUp();
  }

  /** Writes every piece that is ready, in order, up to the first one still missing. */
  async writeReady(): Promise<void> {
    this.rethrow();
    for (let r = this.ready.get(this.next); r !== undefined && !this.ended; r = this.ready.get(this.next)) {
      this.ready.delete(this.next);
      if ((await this.write(r, this.next)) === false) this.ended = true;
      else this.next++;
      this.rethrow();
    }
  }

  /**
   * Resolves when something arrives: a piece, a failure, or a `wakeUp` from outside (a thread
   * that ended). Checked and awaited with no await in between, so no arrival is missed.
   */
  arrival(): Promise<void> {
    if (this.hasNext || this.failure) return Promise.resolve();
    return new Promise((resolve) => (this.wake = resolve));
  }

  wakeUp(): void {
    this.wake?.();
    this.wake = null;
  }

  /** Throws the first failure of a piece's promise. */
  rethrow(): void {
    if (this.failure) throw this.failure.err;
  }
}
