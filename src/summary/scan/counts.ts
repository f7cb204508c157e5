import type { Catalog } from '../../catalog/load.js';
import { categoryOf } from '../../catalog/categories.js';
import { severities, type ScanResult } from './result.js';
import { emptyCounts, type SummaryCounts } from '../counts.js';

/**
 * A scan's numbers as the accumulator would have counted them, Map and key orders included
 * (first seen first), so every path renders byte-identical reports.
 */
export function countsFromScan(scan: ScanResult, catalog: Catalog): SummaryCounts {
  const c = emptyCounts();
  c.lines = scan.lines;
  c.unparsed = scan.unparsed;
  c.classified = scan.classified;
  c.messages = scan.messages;
  c.files = [...scan.files];
  scan.ids.forEach((num, slot) => {
    const id = String(num).padStart(6, '0');
    const entry = catalog.get(id);
    const bySev = new Map<number, number>();
    let total = 0;
    for (const sev of severities(scan.sevOrder[slot]!)) {
      const n = scan.idSev[slot * 8 + sev]!;
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
  for (const [host, count, worst] of scan.hosts) c.hosts.set(host, { count, worst });
  c.first = scan.first;
  c.last = scan.last;
  for (const [m, e, o] of scan.minutes) c.minutes.set(m, [e, o]);
  return c;
}
