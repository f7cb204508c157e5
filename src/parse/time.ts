import { isWordChar } from './chars.js';
import { isZoneAbbreviation } from './zone.js';

/** A wall-clock time as written in a syslog header; the zone is resolved separately. */
export interface ClockTime {
  year: number | null;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

export interface TimestampMatch {
  time: ClockTime;
  /** zone text written in the line (`Z`, `+02:00`, `EDT` …), if any */
  zone: string | null;
  end: number;
}

/** The months as syslog abbreviates them, lower case, January first. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTHS = new Map<string, number>(MONTH_ABBREVIATIONS.map((m, i) => [m, i + 1]));

/** 1-12 for a month's three-letter abbreviation in any case; undefined for anything else. */
export function monthNumber(abbreviation: string): number | undefined {
  return MONTHS.get(abbreviation.toLowerCase());
}

// Every quantifier is bounded and every optional part starts with a distinct character, so
// a sticky exec costs a few dozen steps whatever follows.
const TIME = String.raw`(?<hour>\d{1,2}):(?<minute>\d\d):(?<second>\d\d)(?:[.,](?<frac>\d{1,9}))?(?<zone>Z|[+-]\d\d(?::?\d\d)?)?`;
const BSD = new RegExp(String.raw`(?<mon>[A-Za-z]{3}) {1,3}(?<day>\d{1,2}) {1,3}(?:(?<year>\d{4}) {1,3})?` + TIME, 'y');
const YEAR_FIRST = new RegExp(String.raw`(?<year>\d{4}) {1,3}(?<mon>[A-Za-z]{3}) {1,3}(?<day>\d{1,2}) {1,3}` + TIME, 'y');
const ISO = new RegExp(String.raw`(?<year>\d{4})-(?<mo>\d\d)-(?<day>\d\d)[T ]` + TIME, 'y');
// A zone written after the time: `10:01:02 EDT:`, `10:29:42 UTC host`, `10:01:02 +02:00`.
const ZONE_AFTER = /(?: {1,3})(?<zone>[A-Za-z]{1,5}|[+-]\d\d(?::?\d\d)?)(?=[\s:]|$)/y;

/** Reads a timestamp starting exactly at `pos`, or returns null. */
export function readTimestamp(line: string, pos: number): TimestampMatch | null {
  const c = line.charCodeAt(pos);
  let m: RegExpExecArray | null = null;
  if (c >= 48 && c <= 57) {
    ISO.lastIndex = pos;
    m = ISO.exec(line);
    if (m === null) {
      YEAR_FIRST.lastIndex = pos;
      m = YEAR_FIRST.exec(line);
    }
  } else if ((c | 32) >= 97 && (c | 32) <= 122) {
    const fast = plainBsd(line, pos);
    if (fast !== null) return fast;
    BSD.lastIndex = pos;
    m = BSD.exec(line);
  }
  if (m === null || m.groups === undefined) return null;
  const g = m.groups;
  const end = pos + m[0].length;
  if (isWordChar(line.charCodeAt(end))) return null;
  const month = g.mo !== undefined ? Number(g.mo) : monthNumber(g.mon!) ?? 0;
  const time: ClockTime = {
    year: g.year !== undefined ? Number(g.year) : null,
    month,
    day: Number(g.day),
    hour: Number(g.hour),
    minute: Number(g.minute),
    // A leap second (:60) is folded into :59 rather than losing the whole timestamp.
    second: Math.min(Number(g.second), 59),
    millis: g.frac !== undefined ? Number(g.frac.slice(0, 3).padEnd(3, '0')) : 0,
  };
  if (!isValid(time)) return null;
  return withZoneAfter(line, time, g.zone ?? null, end);
}

function withZoneAfter(line: string, time: ClockTime, zone: string | null, end: number): TimestampMatch {
  if (zone === null && line.charCodeAt(end) === 32) {
    ZONE_AFTER.lastIndex = end;
    const z = ZONE_AFTER.exec(line);
    if (z !== null && isZoneText(z.groups!.zone!, line.charCodeAt(end + z[0].length))) {
      zone = z.groups!.zone!;
      end += z[0].length;
    }
  }
  return { time, zone, end };
}

const digit = (line: string, i: number): number => {
  const d = line.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
};

/** Spaces (at most `max`) from `i`: how many, or -1 for more than `max`. */
function spaces(line: string, i: number, max: number): number {
  let n = 0;
  while (line.charCodeAt(i + n) === 32) if (++n > max) return -1;
  return n;
}

/**
 * `Nov 20 10:00:00` or `Nov 20 2026 10:00:00` followed by neither a fraction nor a zone, read
 * without the regex: the BSD pattern has one reading of these. Anything else (null) takes the regex.
 */
function plainBsd(line: string, pos: number): TimestampMatch | null {
  const month = monthOfCodes(line.charCodeAt(pos) | 32, line.charCodeAt(pos + 1) | 32, line.charCodeAt(pos + 2) | 32);
  let i = pos + 3;
  const s1 = spaces(line, i, 3);
  if (month === 0 || s1 < 1) return null;
  i += s1;
  let day = digit(line, i);
  if (day < 0) return null;
  const d2 = digit(line, ++i);
  if (d2 >= 0) {
    day = day * 10 + d2;
    i++;
  }
  const s2 = spaces(line, i, 3);
  if (s2 < 1) return null;
  i += s2;
  let year: number | null = null;
  let run = 0;
  while (run < 5 && digit(line, i + run) >= 0) run++;
  if (run === 4) {
    const s3 = spaces(line, i + 4, 3);
    if (s3 < 1) return null;
    year = Number(line.slice(i, i + 4));
    i += 4 + s3;
    run = 0;
    while (run < 3 && digit(line, i + run) >= 0) run++;
  }
  if (run < 1 || run > 2) return null;
  const hour = run === 1 ? digit(line, i) : digit(line, i) * 10 + digit(line, i + 1);
  i += run;
  const m1 = digit(line, i + 1), m2 = digit(line, i + 2), x1 = digit(line, i + 4), x2 = digit(line, i + 5);
  if (line.charCodeAt(i) !== 58 || line.charCodeAt(i + 3) !== 58 || m1 < 0 || m2 < 0 || x1 < 0 || x2 < 0) return null;
  const end = i + 6;
  const next = line.charCodeAt(end);
  // a fraction, a zone or a word is the regex's business
  if (next === 46 || next === 44 || next === 90 || next === 43 || next === 45 || isWordChar(next)) return null;
  const time: ClockTime = { year, month, day, hour, minute: m1 * 10 + m2, second: Math.min(x1 * 10 + x2, 59), millis: 0 };
  return isValid(time) ? withZoneAfter(line, time, null, end) : null;
}

/** The month of three lower-cased character codes; 0 when they name none. */
function monthOfCodes(a: number, b: number, c: number): number {
  return MONTHS.get(String.fromCharCode(a, b, c)) ?? 0;
}

// A word after the time is a zone only when we know it, or when it looks like an abbreviation
// closed by a colon (`WEST:`); otherwise it is the host (`FW01 %ASA-…`).
function isZoneText(text: string, next: number): boolean {
  if (text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45) return true;
  if (isZoneAbbreviation(text)) return true;
  return next === 58 && /^[A-Z]{3,5}$/.test(text);
}

function isValid(t: ClockTime): boolean {
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.hour > 23 || t.minute > 59) return false;
  return t.year === null || t.day <= daysIn(t.year, t.month);
}

export function daysIn(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
