// Counts by key in bounded memory: exact while there are at most `capacity` keys, then Misra-Gries
// (each time a new key finds the table full, every count drops by the smallest one and the keys at
// zero go). A count is then an estimate that may be low by at most `maxError`, which the report
// prints; the keys that matter (the heavy hitters) stay. Used by the "what happened" sections,
// whose keys are addresses and user names an attacker can make as many of as he likes.

export const DEFAULT_CAPACITY = 4096;

export class TopCounter {
  private readonly counts = new Map<string, number>();
  /** the most any count may be below the true one (0 while exact) */
  maxError = 0;
  total = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  add(key: string, n = 1): void {
    this.total += n;
    const c = this.counts.get(key);
    if (c !== undefined) {
      this.counts.set(key, c + n);
      return;
    }
    if (this.counts.size < this.capacity) {
      this.counts.set(key, n);
      return;
    }
    // full: the new key and every kept one lose the smallest count among them
    let min = n;
    for (const v of this.counts.values()) if (v < min) min = v;
    this.maxError += min;
    for (const [k, v] of this.counts) {
      if (v <= min) this.counts.delete(k);
      else this.counts.set(k, v - min);
    }
    if (n > min) this.counts.set(key, n - min);
  }

  /** Keys by count, highest first; ties by key, so every run prints the same order. */
  ranked(): [string, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  get size(): number {
    return this.counts.size;
  }
}
