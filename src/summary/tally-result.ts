import type { LongLine } from '../input/read-options.js';
import type { SectionsPart } from './sections-feed.js';

/**
 * What a Tally counted (a whole input, or a piece of a file), as plain data a thread can post;
 * `countsFromTally` turns it into the report's SummaryCounts.
 */
export interface TallyResult {
  lines: number;
  unparsed: number;
  classified: number;
  messages: number;
  files: string[];
  /** IDs as numbers, in the order first seen */
  ids: number[];
  /** per ID (same order), eight numbers each: messages by logged severity 0–7 */
  idSev: Float64Array;
  /** per ID: its severities in the order first seen (the record path's Map order), see `severities` */
  sevOrder: Int32Array;
  hosts: Array<[host: string, count: number, worst: number]>;
  first: number | null;
  last: number | null;
  minutes: Array<[minute: number, errors: number, other: number]>;
  /** lines cut at the length limit, numbered within their file (or piece) */
  longLines: LongLine[];
  /** the sections' and `--by`'s part of the piece (summary/sections-feed.ts), folded in as it comes */
  sections?: SectionsPart[];
}

/** Severities kept in first-seen order as decimal digits, severity + 1 each: 6 then 4 is 75. */
export function withSeverity(order: number, sev: number): number {
  return order * 10 + sev + 1;
}

export function severities(order: number): number[] {
  const out: number[] = [];
  for (let digit = firstDigit(order); digit >= 1; digit /= 10) out.push(severityAt(order, digit));
  return out;
}

/** The place value of the first severity in `order` (0 when there is none): walk down by tens with severityAt. */
export function firstDigit(order: number): number {
  let digit = 1;
  while (digit * 10 <= order) digit *= 10;
  return order === 0 ? 0 : digit;
}

export function severityAt(order: number, digit: number): number {
  return (Math.floor(order / digit) % 10) - 1;
}
