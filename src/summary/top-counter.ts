// Counts by key in bounded memory: exact while there are at most `capacity` keys, then a batched
// Misra-Gries (when a new key finds the table full, every count drops by the median and the keys at
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
    // a key made of slices of a log line would keep the whole line alive while it is counted
    key = own(key);
    if (this.counts.size < this.capacity) {
      this.counts.set(key, n);
      return;
    }
    // full: every count drops by the median count, and the keys at or below it go, so half the
    // table is free for the next new keys (one sort per capacity/2 new keys, not a scan per key).
    // A key loses at most the median per round: maxError, the sum of the medians, bounds the loss.
    const values = [...this.counts.values()].sort((a, b) => a - b);
    const cut = values[values.length >> 1]!;
    this.maxError += cut;
    for (const [k, v] of this.counts) {
      if (v <= cut) this.counts.delete(k);
      else this.counts.set(k, v - cut);
    }
    // the new key loses at most the median too
    if (n > cut) this.counts.set(key, n - cut);
  }

  /** Keys by count, highest first; ties by key, so every run prints the same order. */
  ranked(): [string, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** The first `top` keys by count, how many keys there were, and the error bound when counts are estimates. */
  top(top: number): { rows: [string, number][]; total: number; maxError?: number } {
    const out: { rows: [string, number][]; total: number; maxError?: number } = { rows: this.ranked().slice(0, top), total: this.counts.size };
    if (this.maxError > 0) out.maxError = this.maxError;
    return out;
  }

  get size(): number {
    return this.counts.size;
  }

  /** The counts as plain data, for a thread to post (see `merge`). */
  state(): TopCounterState {
    return { counts: [...this.counts], maxError: this.maxError, total: this.total };
  }

  /** The state, and the counter starts again from nothing (a thread's next piece). */
  take(): TopCounterState {
    const s = this.state();
    this.counts.clear();
    this.maxError = 0;
    this.total = 0;
    return s;
  }

  /**
   * Adds what another counter counted (a later piece of the same input). While the keys of both
   * fit the capacity the result is exactly what one counter of everything would hold; past it,
   * the error bounds add up (Misra-Gries summaries merge this way, Agarwal et al. 2012).
   */
  merge(other: TopCounterState): void {
    let added = 0;
    for (const [k, v] of other.counts) {
      this.add(k, v);
      added += v;
    }
    this.total += other.total - added;
    this.maxError += other.maxError;
  }
}

/** Every counter of a table of them, taken (see `TopCounter.take`). */
export function takeAll(table: Readonly<Record<string, TopCounter>>): Record<string, TopCounterState> {
  const out: Record<string, TopCounterState> = {};
  for (const [name, counter] of Object.entries(table)) out[name] = counter.take();
  return out;
}

/** The states `takeAll` gave, each into the counter of the same name. */
export function mergeAll(table: Readonly<Record<string, TopCounter>>, states: Readonly<Record<string, TopCounterState>>): void {
  for (const [name, state] of Object.entries(states)) table[name]!.merge(state);
}

export interface TopCounterState {
  counts: [string, number][];
  maxError: number;
  total: number;
}

/** A copy of `s` that shares no memory with the string it was cut from (V8 keeps the parent of a slice). */
function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
