import type { Catalog } from '../catalog/load.js';
import { categoryOf } from '../catalog/categories.js';

/** What the summary needs of one line; both the record path and the fast byte path produce it. */
export interface SummaryInput {
  file: string;
  /** epoch milliseconds, or null when the line has no timestamp */
  time: number | null;
  host: string | null;
  /** null for a line without a tag */
  id: string | null;
  severity: number | null;
  /** messages this line stands for: N for rsyslog's "message repeated N times" */
  repeat: number;
}

export interface SummaryCounts {
  lines: number;
  classified: number;
  unparsed: number;
  messages: number;
  known: number;
  unknown: number;
  files: string[];
  severity: Record<string, number>;
  categories: Record<string, number>;
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

/** Counts only, never lines: memory grows with distinct IDs, hosts and minutes, not with input. */
export class SummaryAccumulator {
  readonly counts = emptyCounts();
  private readonly knownCache = new Map<string, boolean>();

  constructor(private readonly catalog: Catalog) {}

  add(input: SummaryInput): void {
    const c = this.counts;
    c.lines++;
    if (c.files[c.files.length - 1] !== input.file && !c.files.includes(input.file)) c.files.push(input.file);
    if (input.id === null || input.severity === null) {
      c.unparsed++;
      return;
    }
    const n = input.repeat;
    c.classified++;
    c.messages += n;
    if (this.isKnown(input.id)) c.known += n;
    else c.unknown += n;
    c.severity[String(input.severity)] = (c.severity[String(input.severity)] ?? 0) + n;
    const category = this.catalog.get(input.id)?.category ?? categoryOf(input.id);
    c.categories[category] = (c.categories[category] ?? 0) + n;
    let bySev = c.idSeverity.get(input.id);
    if (!bySev) c.idSeverity.set(input.id, (bySev = new Map()));
    bySev.set(input.severity, (bySev.get(input.severity) ?? 0) + n);
    if (input.host !== null) {
      const h = c.hosts.get(input.host);
      if (h) {
        h.count += n;
        if (h.worst === null || input.severity < h.worst) h.worst = input.severity;
      } else c.hosts.set(input.host, { count: n, worst: input.severity });
    }
    if (input.time !== null) {
      if (c.first === null || input.time < c.first) c.first = input.time;
      if (c.last === null || input.time > c.last) c.last = input.time;
      const minute = Math.floor(input.time / 60_000);
      let slot = c.minutes.get(minute);
      if (!slot) c.minutes.set(minute, (slot = [0, 0]));
      slot[input.severity <= 3 ? 0 : 1] += n;
    }
  }

  private isKnown(id: string): boolean {
    let known = this.knownCache.get(id);
    if (known === undefined) this.knownCache.set(id, (known = this.catalog.get(id) !== undefined));
    return known;
  }
}

/** Merges counts from workers that each read a part of the input, in input order. */
export function mergeCounts(parts: SummaryCounts[]): SummaryCounts {
  const out = emptyCounts();
  for (const p of parts) {
    out.lines += p.lines; out.classified += p.classified; out.unparsed += p.unparsed;
    out.messages += p.messages; out.known += p.known; out.unknown += p.unknown;
    for (const f of p.files) if (!out.files.includes(f)) out.files.push(f);
    for (const [k, v] of Object.entries(p.severity)) out.severity[k] = (out.severity[k] ?? 0) + v;
    for (const [k, v] of Object.entries(p.categories)) out.categories[k] = (out.categories[k] ?? 0) + v;
    for (const [id, bySev] of p.idSeverity) {
      let target = out.idSeverity.get(id);
      if (!target) out.idSeverity.set(id, (target = new Map()));
      for (const [s, n] of bySev) target.set(s, (target.get(s) ?? 0) + n);
    }
    for (const [host, h] of p.hosts) {
      const t = out.hosts.get(host);
      if (!t) out.hosts.set(host, { ...h });
      else {
        t.count += h.count;
        if (h.worst !== null && (t.worst === null || h.worst < t.worst)) t.worst = h.worst;
      }
    }
    if (p.first !== null && (out.first === null || p.first < out.first)) out.first = p.first;
    if (p.last !== null && (out.last === null || p.last > out.last)) out.last = p.last;
    for (const [m, [e, r]] of p.minutes) {
      const slot = out.minutes.get(m);
      if (slot) { slot[0] += e; slot[1] += r; } else out.minutes.set(m, [e, r]);
    }
  }
  return out;
}
