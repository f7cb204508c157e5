// The two kinds of table a "what happened" section holds: a ranked TopCounter cut to --top, and a
// short list of the longest things (connections, VPN sessions) kept while counting.
import type { HappenedTable } from '../render/summary-report.js';
import type { TopCounter } from './top-counter.js';

export interface Longest { seconds: number; what: string }

/** A copy of the message counts of a section, which start again from zero (a thread's next piece). */
export function takeCounts<T extends Record<string, number>>(counts: T): T {
  const copy = { ...counts };
  for (const k of Object.keys(counts)) (counts as Record<string, number>)[k] = 0;
  return copy;
}

/** A later piece's counts added to these. */
export function addCounts<T extends Record<string, number>>(counts: T, more: Readonly<T>): void {
  for (const k of Object.keys(counts)) (counts as Record<string, number>)[k]! += more[k]!;
}

export function table(title: string, head: [string, string], counter: TopCounter, top: number): HappenedTable {
  return { title, head, ...counter.top(top) };
}

/**
 * Keeps `list` the longest `top` items, sorted, ties by name: the same list whatever order the
 * items come in, so pieces of a file merge to what one pass gives.
 */
export function keepLongest(list: Longest[], top: number, seconds: number, what: string): void {
  const last = list[list.length - 1];
  if (list.length >= top && (seconds < last!.seconds || (seconds === last!.seconds && what >= last!.what))) return;
  list.push({ seconds, what });
  list.sort((a, b) => b.seconds - a.seconds || (a.what < b.what ? -1 : 1));
  if (list.length > top) list.pop();
}

export function longestTable(title: string, head: [string, string], list: readonly Longest[]): HappenedTable {
  return { title, head, rows: list.map((l) => [l.what, l.seconds]), total: list.length };
}
