import { withSeverity, type TallyResult } from './tally-result.js';

export const NO_HOST = -1;
const UNSEEN = 9;

/** What a line's syslog wrapper says, as the summary needs it: host number, epoch ms, rsyslog repeat. */
export interface Wrapper {
  host: number;
  time: number | null;
  /** the time's minute since the epoch (NaN without a time): worked out once, not per line */
  minute: number;
  repeat: number | null;
}

export function wrapper(host: number, time: number | null, repeat: number | null): Wrapper {
  return { host, time, minute: time === null ? NaN : Math.floor(time / 60_000), repeat };
}

/** What the record path counts of one classified line. */
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

/**
 * The summary's one accumulator, for the byte scanner and the record path alike: counters in
 * typed arrays and first-seen lists instead of a Map per line. Host numbers outlive `take()` (the
 * scanner caches them per wrapper); everything else starts over.
 */
export class Tally {
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
  longLines: TallyResult['longLines'] = [];

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
    const host = wrapper.host, time = wrapper.time, minute = wrapper.minute;
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
      if (minute !== this.minute) {
        let s = this.minutes.get(minute);
        if (!s) this.minutes.set(minute, (s = [0, 0]));
        this.minute = minute;
        this.minuteSlot = s;
      }
      this.minuteSlot[sev <= 3 ? 0 : 1] += n;
    }
  }

  /** One line as the record path classified it (the scanner counts from bytes with `count`). */
  add(input: SummaryInput): void {
    this.noteFile(input.file);
    this.lines++;
    if (input.id === null || input.severity === null) {
      this.unparsed++;
      return;
    }
    const host = input.host === null ? NO_HOST : this.hostOf(input.host);
    this.count(Number(input.id), input.severity, input.repeat, wrapper(host, input.time, null));
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
  take(): TallyResult {
    const ids = this.ids;
    const result: TallyResult = {
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
