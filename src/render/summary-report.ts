// The document `asalog summary` produces (schema asalog.summary/1): built by summary/report.ts,
// printed by render/summary.ts and render/html/. A leaf, so neither side imports the other.

/** The main table of the summary: `--by`; any other name is a canonical field (`src_ip`, `user` …). */
export type Pivot = 'id' | 'category' | 'severity' | 'host' | (string & {});

/** `--by <canonical field>`: messages per value of the field. */
export interface FieldPivot {
  field: string;
  rows: [string, number][];
  /** distinct values counted (before --top) */
  total: number;
  /** messages of known IDs without the field */
  without: number;
  /** messages of known IDs: with the field and without */
  messages: number;
  /** when the counts are estimates: the most a count may be low by */
  maxError?: number;
}

export interface IdCount {
  id: string;
  count: number;
  /** the documented default; for an unknown ID the level logged most */
  severity: number;
  /** the level its lines were logged at most (the lower on a tie) */
  loggedSeverity: number;
  category: string;
  known: boolean;
}

/** An ID in the catalog whose lines were logged most at another level than its documented default. */
export function loggedOffDefault(i: IdCount): boolean {
  return i.known && i.loggedSeverity !== i.severity;
}

export interface HostCount {
  host: string;
  count: number;
  worstSeverity: number | null;
}

export interface SeverityOverride {
  id: string;
  documented: number;
  logged: number;
  count: number;
}

export type Bucket = 'minute' | 'hour' | 'day';

export interface TimelinePoint {
  /** bucket start, ISO 8601 UTC */
  start: string;
  /** messages at severity 0-3 (errors and worse) */
  errors: number;
  /** messages at severity 4-7 */
  other: number;
}

/** The totals the counts carry and the report prints as they are. */
export interface SummaryTotals {
  files: string[];
  lines: number;
  classified: number;
  unparsed: number;
  messages: number;
  known: number;
  unknown: number;
  severity: Record<string, number>;
  categories: Record<string, number>;
}

/** One ranked table of a "what happened" section: key and count per row, highest first (or events in time order). */
export interface HappenedTable {
  title: string;
  head: string[];
  rows: (string | number)[][];
  /** how many rows there were before --top cut them */
  total: number;
  /** when the counts are estimates (more distinct keys than the table keeps): the most a count may be low by */
  maxError?: number;
  /** rows in time order, not ranked */
  ordered?: boolean;
}

export interface HappenedSection {
  key: 'denied' | 'connections' | 'vpn' | 'auth' | 'admin' | 'ha';
  title: string;
  summary: string;
  tables: HappenedTable[];
}

/** The stable JSON schema of `asalog summary -o json` (documented in the README). */
export interface SummaryReport extends SummaryTotals {
  schema: 'asalog.summary/1';
  hostCount: number;
  first: string | null;
  last: string | null;
  spanSeconds: number | null;
  ids: (IdCount & { meaning: string })[];
  hosts: HostCount[];
  overrides: SeverityOverride[];
  bucket: Bucket;
  timeline: TimelinePoint[];
  /** `--sections`: what happened, from the canonical fields */
  happened?: HappenedSection[];
  /** `--by <canonical field>` */
  byField?: FieldPivot;
}
