import type { Catalog } from '../catalog/load.js';
import { categoryOf } from '../catalog/categories.js';
import type { SummaryTotals } from '../render/summary-report.js';
import { severities, type TallyResult } from './tally-result.js';

/** A tally as the report reads it: totals as printed, the rest to be sorted and bucketed. */
export interface SummaryCounts extends SummaryTotals {
  /** by ID, then by logged severity: counts of messages */
  idSeverity: Map<string, Map<number, number>>;
  hosts: Map<string, { count: number; worst: number | null }>;
  first: number | null;
  last: number | null;
  /** minute (epoch minutes) → [error-or-worse messages, other messages] */
  minutes: Map<number, [number, number]>;
}

export function emptyCounts(): SummaryCounts {
  return {
    lines: 0, classified: 0, unparsed: 0, messages: 0, known: 0, unknown: 0, files: [],
    severity: Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7].map((n) => [String(n), 0])),
    categories: {}, idSeverity: new Map(), hosts: new Map(), first: null, last: null, minutes: new Map(),
  };
}

/**
 * A tally's numbers as the report reads them: known and unknown, categories, severities, with
 * every Map and key in first-seen order, so every path renders byte-identical reports.
 */
export function countsFromTally(tally: TallyResult, catalog: Catalog): SummaryCounts {
  const c = emptyCounts();
  c.lines = tally.lines;
  c.unparsed = tally.unparsed;
  c.classified = tally.classified;
  c.messages = tally.messages;
  c.files = [...tally.files];
  tally.ids.forEach((num, slot) => {
    const id = String(num).padStart(6, '0');
    const entry = catalog.get(id);
    const bySev = new Map<number, number>();
    let total = 0;
    for (const sev of severities(tally.sevOrder[slot]!)) {
      const n = tally.idSev[slot * 8 + sev]!;
      bySev.set(sev, n);
      total += n;
      c.severity[String(sev)] = (c.severity[String(sev)] ?? 0) + n;
    }
    c.idSeverity.set(id, bySev);
    if (entry !== undefined) c.known += total;
    else c.unknown += total;
    const category = entry?.category ?? categoryOf(id);
    c.categories[category] = (c.categories[category] ?? 0) + total;
  });
  for (const [host, count, worst] of tally.hosts) c.hosts.set(host, { count, worst });
  c.first = tally.first;
  c.last = tally.last;
  for (const [m, e, o] of tally.minutes) c.minutes.set(m, [e, o]);
  return c;
}
