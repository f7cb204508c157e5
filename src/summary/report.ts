import type { Catalog } from '../catalog/load.js';
import type { Lang } from '../catalog/types.js';
import { categoryOf } from '../catalog/categories.js';
import { shortMeaning } from '../catalog/meaning.js';
import type { Bucket, SeverityOverride, SummaryReport, TimelinePoint } from '../render/summary-report.js';
import type { SummaryCounts } from './counts.js';

const BUCKET_MS: Record<Bucket, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** The finest bucket that keeps the chart within about 120 columns. */
export function chooseBucket(first: number | null, last: number | null): Bucket {
  if (first === null || last === null) return 'minute';
  const span = last - first;
  if (span <= 120 * BUCKET_MS.minute) return 'minute';
  if (span <= 120 * BUCKET_MS.hour) return 'hour';
  return 'day';
}

export function buildReport(counts: SummaryCounts, catalog: Catalog, lang: Lang, bucket?: Bucket): SummaryReport {
  const ids: SummaryReport['ids'] = [];
  const overrides: SeverityOverride[] = [];
  for (const [id, bySev] of counts.idSeverity) {
    const entry = catalog.get(id);
    let count = 0;
    let mostLogged = -1;
    let mostLoggedCount = -1;
    for (const [sev, n] of bySev) {
      count += n;
      if (n > mostLoggedCount || (n === mostLoggedCount && sev < mostLogged)) [mostLogged, mostLoggedCount] = [sev, n];
      if (entry && sev !== entry.severity) overrides.push({ id, documented: entry.severity, logged: sev, count: n });
    }
    ids.push({
      id,
      count,
      severity: entry?.severity ?? mostLogged,
      loggedSeverity: mostLogged,
      category: entry?.category ?? categoryOf(id),
      known: entry !== undefined,
      // the whole first sentence: only terminal tables shorten it, at the terminal's width
      meaning: entry ? shortMeaning(entry, lang) : '',
    });
  }
  ids.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  overrides.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const hosts = [...counts.hosts].map(([host, h]) => ({ host, count: h.count, worstSeverity: h.worst }))
    .sort((a, b) => b.count - a.count || (a.host < b.host ? -1 : 1));
  const chosen = bucket ?? chooseBucket(counts.first, counts.last);
  return {
    schema: 'asalog.summary/1',
    files: counts.files,
    lines: counts.lines,
    classified: counts.classified,
    unparsed: counts.unparsed,
    messages: counts.messages,
    known: counts.known,
    unknown: counts.unknown,
    hostCount: hosts.length,
    first: iso(counts.first),
    last: iso(counts.last),
    spanSeconds: counts.first === null || counts.last === null ? null : Math.round((counts.last - counts.first) / 1000),
    severity: { ...counts.severity },
    categories: Object.fromEntries(Object.entries(counts.categories).sort(([, a], [, b]) => b - a)),
    ids,
    hosts,
    overrides,
    bucket: chosen,
    timeline: timeline(counts.minutes, chosen),
  };
}

const MAX_DENSE_POINTS = 10_000;

/**
 * Every bucket from first to last, empty ones included, so the chart's x axis is true time. Past
 * MAX_DENSE_POINTS (a clock reset to 1993 among this year's lines, `--bucket minute` over months)
 * only the buckets with messages: the output stays bounded and no message is left out.
 */
function timeline(minutes: Map<number, [number, number]>, bucket: Bucket): TimelinePoint[] {
  if (minutes.size === 0) return [];
  const size = BUCKET_MS[bucket];
  const slots = new Map<number, [number, number]>();
  for (const [minute, [errors, other]] of minutes) {
    const start = Math.floor((minute * 60_000) / size) * size;
    const slot = slots.get(start);
    if (slot) { slot[0] += errors; slot[1] += other; } else slots.set(start, [errors, other]);
  }
  const starts = [...slots.keys()].sort((a, b) => a - b);
  const from = starts[0]!;
  const to = starts[starts.length - 1]!;
  if ((to - from) / size + 1 > MAX_DENSE_POINTS) {
    return starts.map((t) => ({ start: new Date(t).toISOString(), errors: slots.get(t)![0], other: slots.get(t)![1] }));
  }
  const points: TimelinePoint[] = [];
  for (let t = from; t <= to; t += size) {
    const [errors, other] = slots.get(t) ?? [0, 0];
    points.push({ start: new Date(t).toISOString(), errors, other });
  }
  return points;
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
