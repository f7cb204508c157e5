import type { Wrapper } from './scan-wrapper.js';

/** What a scan found, as plain data a worker can post; `countsFromScan` turns it into SummaryCounts. */
export interface ScanResult {
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
  /** lines cut at the length limit: line number within its file (or byte range), bytes kept, bytes dropped */
  longLines: Array<[line: number, kept: number, dropped: number]>;
}

export const NO_HOST = -1;
const UNSEEN = 9;

/**
 * The scanner's counters, in typed arrays and first-seen lists instead of a Map per line. Host
 * numbers outlive `take()` (the scanner caches them per wrapper); everything else starts over.
 */
export class ScanTally {
  lines = 0;
  unparsed = 0;
  private classified = 0;
  private messages = 0;
  private files: string[] = [];
  private readonly idSlot = new Int32Array(1_000_000).fill(-1);
  private ids: number[] = [];
  private idSev = new Float64Array(8 * 1024);
  private sevOrder = new Int32Array(1024);
  private readonly hostSlot = new Map<string, number>();
  private readonly hostNames: string[] = [];
  private hostCount = new Float64Array(64);
  /** worst severity counted per host; UNSEEN: not counted since the last take */
  private hostWorst = new Uint8Array(64).fill(UNSEEN);
  private hostOrder: number[] = [];
  // ±Infinity, not null, while there is none: a field that stays a number keeps count() optimized
  private first = Infinity;
  private last = -Infinity;
  private minutes = new Map<number, [number, number]>();
  private minute = NaN;
  private minuteSlot: [number, number] = [0, 0];
  longLines: ScanResult['longLines'] = [];

  noteFile(name: string): void {
    if (!this.files.includes(name)) this.files.push(name);
  }

  hostOf(host: string): number {
    let slot = this.hostSlot.get(host);
    if (slot === undefined) {
      slot = this.hostNames.length;
      this.hostSlot.set(host, slot);
      this.hostNames.push(host);
      if (slot === this.hostWorst.length) {
        const count = new Float64Array(slot * 2);
        count.set(this.hostCount);
        this.hostCount = count;
        const worst = new Uint8Array(slot * 2).fill(UNSEEN);
        worst.set(this.hostWorst);
        this.hostWorst = worst;
      }
    }
    return slot;
  }

  /**
   * `n` messages of one line (more for an rsyslog repeat); the wrapper's host is from hostOf or
   * NO_HOST. (The wrapper is passed whole: a time passed alone would be boxed on every call.)
   */
  count(id: number, sev: number, n: number, wrapper: Wrapper): void {
    const host = wrapper.host, time = wrapper.time;
    this.classified++;
    this.messages += n;
    let slot = this.idSlot[id]!;
    if (slot === -1) slot = this.addId(id);
    const at = slot * 8 + sev;
    if (this.idSev[at] === 0) this.sevOrder[slot] = withSeverity(this.sevOrder[slot]!, sev);
    this.idSev[at]! += n;
    if (host !== NO_HOST) {
      const worst = this.hostWorst[host]!;
      if (worst === UNSEEN) this.hostOrder.push(host);
      this.hostCount[host]! += n;
      if (sev < worst) this.hostWorst[host] = sev;
    }
    if (time !== null) {
      if (time < this.first) this.first = time;
      if (time > this.last) this.last = time;
      const minute = Math.floor(time / 60_000);
      if (minute !== this.minute) {
        let s = this.minutes.get(minute);
        if (!s) this.minutes.set(minute, (s = [0, 0]));
        this.minute = minute;
        this.minuteSlot = s;
      }
      this.minuteSlot[sev <= 3 ? 0 : 1] += n;
    }
  }

  private addId(id: number): number {
    const slot = this.ids.length;
    this.idSlot[id] = slot;
    this.ids.push(id);
    if (this.idSev.length < (slot + 1) * 8) {
      const grown = new Float64Array(this.idSev.length * 2);
      grown.set(this.idSev);
      this.idSev = grown;
      const order = new Int32Array(this.sevOrder.length * 2);
      order.set(this.sevOrder);
      this.sevOrder = order;
    }
    return slot;
  }

  /** What was counted since the last take, and a fresh start. */
  take(): ScanResult {
    const ids = this.ids;
    const result: ScanResult = {
      lines: this.lines, unparsed: this.unparsed, classified: this.classified, messages: this.messages,
      files: this.files,
      ids,
      idSev: this.idSev.slice(0, ids.length * 8),
      sevOrder: this.sevOrder.slice(0, ids.length),
      hosts: this.hostOrder.map((h) => [this.hostNames[h]!, this.hostCount[h]!, this.hostWorst[h]!]),
      first: this.first === Infinity ? null : this.first, last: this.last === -Infinity ? null : this.last,
      minutes: [...this.minutes].map(([m, [e, o]]) => [m, e, o]),
      longLines: this.longLines,
    };
    for (const id of ids) this.idSlot[id] = -1;
    this.idSev.fill(0, 0, ids.length * 8);
    this.sevOrder.fill(0, 0, ids.length);
    this.lines = this.unparsed = this.classified = this.messages = 0;
    this.files = [];
    this.ids = [];
    for (const h of this.hostOrder) {
      this.hostCount[h] = 0;
      this.hostWorst[h] = UNSEEN;
    }
    this.hostOrder = [];
    this.first = Infinity;
    this.last = -Infinity;
    this.minutes = new Map();
    this.minute = NaN;
    this.longLines = [];
    return result;
  }
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
