import { parseHeader } from './parse-header.js';
import { parseLine } from './parse-line.js';
import { formatTimestamp } from './parse-time.js';

/** Where the scanner reads: the file's name in the report, and how its zoneless times resolve. */
export interface ScanFile {
  name: string;
  year: number;
  tz?: string;
}

/** What a scan found, as plain data a worker can post; `countsFromScan` turns it into SummaryCounts. */
export interface ScanResult {
  lines: number;
  unparsed: number;
  classified: number;
  messages: number;
  files: string[];
  /** IDs as numbers, in the order first seen */
  ids: number[];
  /** per ID (same order): messages by logged severity 0–7 */
  idSev: number[][];
  /** per ID: severities in the order first seen (the record path's Map order) */
  sevOrder: number[][];
  hosts: Array<[host: string, count: number, worst: number]>;
  first: number | null;
  last: number | null;
  minutes: Array<[minute: number, errors: number, other: number]>;
  /** lines cut at the length limit: line number within its file (or byte range), bytes kept, bytes dropped */
  longLines: Array<[line: number, kept: number, dropped: number]>;
}

interface HeaderInfo {
  host: number;
  time: number | null;
  repeat: number | null;
}

const TABLE = 8192;
const MAX_KEY = 96;
const NO_SLOT = -1;

/**
 * Counts lines for `summary` straight from bytes: no string or object per line. A line whose
 * `%ASA-6-302013` style tag is found in ASCII gets its wrapper parsed once per distinct wrapper
 * (a few per second of log: the timestamp changes once a second); anything unusual goes through
 * `parseLine`, so every line counts exactly as the record path counts it.
 */
export class SummaryScanner {
  private lines = 0;
  private unparsed = 0;
  private classified = 0;
  private messages = 0;
  private readonly files: string[] = [];
  private readonly idSlot = new Int32Array(1_000_000).fill(NO_SLOT);
  private readonly ids: number[] = [];
  private idSev = new Float64Array(8 * 1024);
  private readonly sevOrder: number[][] = [];
  private sevSeen = new Uint8Array(1024);
  private readonly hostSlot = new Map<string, number>();
  private readonly hostNames: string[] = [];
  private readonly hostCount: number[] = [];
  private readonly hostWorst: number[] = [];
  private first: number | null = null;
  private last: number | null = null;
  private readonly minutes = new Map<number, [number, number]>();
  private minute = NaN;
  private minuteSlot: [number, number] = [0, 0];
  private readonly longLines: ScanResult['longLines'] = [];
  // wrapper cache: key bytes (the header, `<PRI>` left out: it does not change host or time)
  private readonly keys = Buffer.alloc(TABLE * MAX_KEY);
  private readonly keyLen = new Int32Array(TABLE).fill(-1);
  private readonly keyPri = new Uint8Array(TABLE);
  private readonly info: (HeaderInfo | undefined)[] = new Array(TABLE);
  private file: ScanFile = { name: '', year: 0 };
  private fileSeen = true;
  private fileStart = 0;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private carryDropped = 0;

  constructor(private readonly maxLineBytes = 1 << 20) {}

  /** Starts a new input: the wrapper cache is per file (the year and zone can differ). */
  startFile(file: ScanFile): void {
    this.file = file;
    this.fileSeen = false;
    this.fileStart = this.lines;
    this.keyLen.fill(-1);
    this.carry = [];
    this.carryBytes = 0;
    this.carryDropped = 0;
  }

  /** Scans whole lines of `chunk`; a partial last line waits for the next chunk or `end()`. */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.carryBytes > 0 || this.carryDropped > 0) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        this.keep(chunk);
        return;
      }
      this.keep(chunk.subarray(0, nl));
      this.flushCarry();
      start = nl + 1;
    }
    const max = this.maxLineBytes;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      if (nl - start > max) this.longLine(chunk.subarray(start, start + max), nl - start - max);
      else this.line(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** The input ended: a last line without a newline still counts. */
  end(): void {
    if (this.carryBytes > 0 || this.carryDropped > 0) this.flushCarry();
  }

  private keep(part: Buffer): void {
    const room = this.maxLineBytes - this.carryBytes;
    if (part.length > room) {
      this.carryDropped += part.length - Math.max(room, 0);
      if (room <= 0) return;
      part = part.subarray(0, room);
    }
    if (part.length === 0) return;
    // A copy: the chunk may be a view the producer reuses (a worker's read buffer).
    this.carry.push(Buffer.from(part));
    this.carryBytes += part.length;
  }

  private flushCarry(): void {
    const bytes = Buffer.concat(this.carry, this.carryBytes);
    const dropped = this.carryDropped;
    this.carry = [];
    this.carryBytes = 0;
    this.carryDropped = 0;
    if (dropped > 0) this.longLine(bytes, dropped);
    else this.line(bytes, 0, bytes.length);
  }

  private longLine(head: Buffer, dropped: number): void {
    this.longLines.push([this.lines - this.fileStart + 1, head.length, dropped]);
    this.slowLine(head, 0, head.length);
  }

  private line(buf: Buffer, start: number, nl: number): void {
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    // Find the first `%` that could start a tag, the way findTag does.
    let p = buf.indexOf(37, start);
    for (;;) {
      if (p === -1 || p >= end) return this.slowLine(buf, start, nl);
      if (p === start || !isWordByte(buf[p - 1]!)) {
        const c = buf[p + 1];
        if (c === 65 || c === 70 || c === 80 || c === 78 || c === 84) break; // A F P N T
      }
      p = buf.indexOf(37, p + 1);
    }
    // Fast shape only: `%ASA-6-302013` / FTD / FDT / PIX, then `:`, blank or the end of the line.
    const c1 = buf[p + 1]!, c2 = buf[p + 2], c3 = buf[p + 3];
    const platform = (c1 === 65 && c2 === 83 && c3 === 65) || (c1 === 70 && ((c2 === 84 && c3 === 68) || (c2 === 68 && c3 === 84))) || (c1 === 80 && c2 === 73 && c3 === 88);
    if (!platform || p + 13 > end || buf[p + 4] !== 45 || buf[p + 6] !== 45) return this.slowLine(buf, start, nl);
    const sev = buf[p + 5]! - 48;
    if (sev < 0 || sev > 7) return this.slowLine(buf, start, nl);
    let id = 0;
    for (let i = p + 7; i < p + 13; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) return this.slowLine(buf, start, nl);
      id = id * 10 + d;
    }
    let e = p + 13;
    if (e < end) {
      const c = buf[e]!;
      if (c === 58) e++;
      else if (c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13) return this.slowLine(buf, start, nl);
    }
    const header = this.header(buf, start, p);
    if (header === null) return this.slowLine(buf, start, nl);
    let repeat = header.repeat;
    if (repeat === null) {
      while (e < end && buf[e] === 32) e++;
      if (buf[e] === 109) repeat = repeatedAt(buf, e, end);
    }
    this.noteFile();
    this.lines++;
    this.count(id, sev, repeat ?? 1, header.host, header.time);
  }

  /** The wrapper's host and time, cached by its bytes; null when it is not plain ASCII. */
  private header(buf: Buffer, start: number, p: number): HeaderInfo | null {
    let k = start;
    let pri = 0;
    if (buf[k] === 60) {
      let j = k + 1;
      while (j < p && j <= k + 3 && buf[j]! >= 48 && buf[j]! <= 57) j++;
      if (j > k + 1 && buf[j] === 62) {
        k = j + 1;
        pri = 1;
      }
    }
    const len = p - k;
    // Hash the wrapper's tail only (seconds, host, separators: what varies); compare it all.
    let h = 0x811c9dc5 ^ len;
    for (let i = p - 1, stop = Math.max(k, p - 28); i >= stop; i--) h = Math.imul(h ^ buf[i]!, 16777619);
    const slot = (h ^ (h >>> 15)) & (TABLE - 1);
    const o = slot * MAX_KEY;
    if (this.keyLen[slot] === len && this.keyPri[slot] === pri && this.keys.compare(buf, k, p, o, o + len) === 0) return this.info[slot]!;
    for (let i = start; i < p; i++) if (buf[i]! >= 0x80) return null;
    const parsed = parseHeader(buf.toString('latin1', start, p));
    const stamp = parsed.stamp === null ? null : formatTimestamp(parsed.stamp.time, parsed.stamp.zone, this.file.tz, this.file.year);
    const info: HeaderInfo = { host: parsed.host === null ? NO_SLOT : this.hostOf(parsed.host), time: stamp === null ? null : Date.parse(stamp), repeat: parsed.repeat };
    if (len <= MAX_KEY) {
      this.keys.set(buf.subarray(k, p), slot * MAX_KEY);
      this.keyLen[slot] = len;
      this.keyPri[slot] = pri;
      this.info[slot] = info;
    }
    return info;
  }

  /** Any line the fast path is unsure of: the full parser decides, as for the record path. */
  private slowLine(buf: Buffer, start: number, nl: number): void {
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    const parsed = parseLine(buf.toString('utf8', start, end), { year: this.file.year, tz: this.file.tz });
    this.noteFile();
    this.lines++;
    if (parsed.id === null || parsed.severity === null) {
      this.unparsed++;
      return;
    }
    const time = parsed.timestamp === null ? null : Date.parse(parsed.timestamp);
    this.count(Number(parsed.id), parsed.severity, parsed.repeat ?? 1, parsed.host === null ? NO_SLOT : this.hostOf(parsed.host), time);
  }

  private noteFile(): void {
    if (this.fileSeen) return;
    this.fileSeen = true;
    if (!this.files.includes(this.file.name)) this.files.push(this.file.name);
  }

  private hostOf(host: string): number {
    let slot = this.hostSlot.get(host);
    if (slot === undefined) {
      slot = this.hostNames.length;
      this.hostSlot.set(host, slot);
      this.hostNames.push(host);
      this.hostCount.push(0);
      this.hostWorst.push(8);
    }
    return slot;
  }

  private count(id: number, sev: number, n: number, host: number, time: number | null): void {
    this.classified++;
    this.messages += n;
    let slot = this.idSlot[id]!;
    if (slot === NO_SLOT) {
      slot = this.ids.length;
      this.idSlot[id] = slot;
      this.ids.push(id);
      this.sevOrder.push([]);
      if (this.idSev.length < (slot + 1) * 8) {
        const grown = new Float64Array(this.idSev.length * 2);
        grown.set(this.idSev);
        this.idSev = grown;
        const seen = new Uint8Array(this.sevSeen.length * 2);
        seen.set(this.sevSeen);
        this.sevSeen = seen;
      }
    }
    if ((this.sevSeen[slot]! & (1 << sev)) === 0) {
      this.sevSeen[slot]! |= 1 << sev;
      this.sevOrder[slot]!.push(sev);
    }
    this.idSev[slot * 8 + sev]! += n;
    if (host !== NO_SLOT) {
      this.hostCount[host]! += n;
      if (sev < this.hostWorst[host]!) this.hostWorst[host] = sev;
    }
    if (time !== null) {
      if (this.first === null || time < this.first) this.first = time;
      if (this.last === null || time > this.last) this.last = time;
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

  /** Long lines found since the last call, for warnings while the scan runs. */
  takeLongLines(): ScanResult['longLines'] {
    return this.longLines.splice(0);
  }

  result(): ScanResult {
    return {
      lines: this.lines, unparsed: this.unparsed, classified: this.classified, messages: this.messages,
      files: [...this.files],
      ids: [...this.ids],
      idSev: this.ids.map((_, slot) => Array.from(this.idSev.subarray(slot * 8, slot * 8 + 8))),
      sevOrder: this.sevOrder.map((o) => [...o]),
      hosts: this.hostNames.map((h, i) => [h, this.hostCount[i]!, this.hostWorst[i]!] as [string, number, number]).filter(([, n, w]) => n > 0 || w < 8),
      first: this.first, last: this.last,
      minutes: [...this.minutes].map(([m, [e, o]]) => [m, e, o]),
      longLines: [...this.longLines],
    };
  }
}

const REPEATED = Buffer.from('message repeated ');
const TIMES = Buffer.from(' times: [');

/** N of `message repeated N times: [` (1–9 digits) at `pos`, as parse-line's REPEATED reads it; else null. */
function repeatedAt(buf: Buffer, pos: number, end: number): number | null {
  if (pos + REPEATED.length > end || buf.compare(REPEATED, 0, REPEATED.length, pos, pos + REPEATED.length) !== 0) return null;
  let i = pos + REPEATED.length;
  let n = 0;
  const first = i;
  for (; i < end && buf[i]! >= 48 && buf[i]! <= 57; i++) n = n * 10 + buf[i]! - 48;
  if (i === first || i - first > 9 || i + TIMES.length > end) return null;
  return buf.compare(TIMES, 0, TIMES.length, i, i + TIMES.length) === 0 ? n : null;
}

function isWordByte(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}
