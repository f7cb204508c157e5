import { UsageError } from './errors.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const UNIT_MS: Readonly<Record<string, number>> = { s: SECOND, m: 60 * SECOND, h: HOUR, d: DAY, w: 7 * DAY };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Abbreviations seen after BSD timestamps in ASA logs; an unknown one is read in the chosen zone.
const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  z: 0, utc: 0, gmt: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7, cet: 1, cest: 2,
};

const CLOCK = String.raw`(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?`;
const OFFSET = String.raw`[+-]\d{2}(?::?\d{2})?`;
const ISO = new RegExp(String.raw`^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ]${CLOCK}\s*(?<zone>Z|${OFFSET})?)?$`, 'i');
const BSD = new RegExp(
  String.raw`^(?<monthName>[a-z]{3})\s+(?<day>\d{1,2})(?:\s+(?<year>\d{4}))?\s+${CLOCK}\s*(?<zone>${OFFSET}|[a-z]+)?$`, 'i');
const NUMERIC_OFFSET = /^(?<sign>[+-])(?<hours>\d{2}):?(?<minutes>\d{2})?$/;
const RELATIVE = /^(?:\d+[smhdw])+$/;
const RELATIVE_PART = /(?<count>\d+)(?<unit>[smhdw])/g;

const FORMS = 'use ISO 8601 (2024-05-01, 2024-05-01T13:45:00, 2024-05-01T13:45:00Z, …+02:00), ' +
  'a relative age (30s, 15m, 2h, 3d, 1w), now, today, yesterday or a log timestamp (Apr 29 13:45:00)';

/** Milliseconds a zone's wall clock is ahead of UTC at an instant. */
type Offset = (utcMs: number) => number;
const zones = new Map<string, Offset>();

function numericOffset(zone: string): number | undefined {
  const m = NUMERIC_OFFSET.exec(zone)?.groups;
  if (!m) return undefined;
  const ms = (Number(m.hours) * 60 + Number(m.minutes ?? 0)) * 60 * SECOND;
  return m.sign === '-' ? -ms : ms;
}

function stampOffset(zone: string): number | undefined {
  const hours = ZONE_ABBREVIATIONS[zone.toLowerCase()];
  return numericOffset(zone) ?? (hours === undefined ? undefined : hours * HOUR);
}

function intlOffset(tz: string): Offset {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    throw new UsageError(`unknown time zone "${tz}": use UTC, an IANA name (Europe/Berlin, America/New_York) or an offset (+02:00)`);
  }
  return (utcMs) => {
    const p = Object.fromEntries(format.formatToParts(utcMs).map(({ type, value }) => [type, Number(value)]));
    const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second);
    return wall - (utcMs - (((utcMs % SECOND) + SECOND) % SECOND));
  };
}

/** `UTC`, an IANA name or a numeric offset (`+02:00`); throws UsageError on an unknown zone. */
export function zoneOffset(tz: string): Offset {
  let offset = zones.get(tz);
  if (offset) return offset;
  const fixed = tz.toUpperCase() === 'UTC' ? 0 : numericOffset(tz);
  offset = fixed === undefined ? intlOffset(tz) : () => fixed;
  zones.set(tz, offset);
  return offset;
}

/** The instant a wall-clock reading (written as if it were UTC) names in a zone. */
function wallToInstant(wall: number, offset: Offset): number {
  return wall - offset(wall - offset(wall));
}

function startOfDay(now: Date, offset: Offset): number {
  const wall = now.getTime() + offset(now.getTime());
  return wall - (((wall % DAY) + DAY) % DAY);
}

type Parts = Partial<Record<'day' | 'hour' | 'minute' | 'second' | 'fraction' | 'zone', string>>;

function toDate(p: Parts, year: number, month: number, tz: string): Date | null {
  const [day, hour, minute, second] = [p.day, p.hour, p.minute, p.second].map((v) => Number(v ?? 0)) as [number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, Number((p.fraction ?? '').padEnd(3, '0').slice(0, 3)));
  const check = new Date(wall);
  const valid = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  if (!valid || hour > 23 || minute > 59 || second > 59) return null;
  const fixed = p.zone === undefined ? undefined : stampOffset(p.zone);
  return new Date(fixed === undefined ? wallToInstant(wall, zoneOffset(tz)) : wall - fixed);
}

/** A timestamp as logged (ISO 8601 or BSD `Apr 29 2013 12:59:50`), zoneless ones read in `tz`; null if unreadable. */
export function parseLogTimestamp(s: string, now: Date, tz = 'UTC'): Date | null {
  const text = s.trim();
  const iso = ISO.exec(text)?.groups;
  if (iso) return toDate(iso, Number(iso.year), Number(iso.month), tz);
  const bsd = BSD.exec(text)?.groups;
  const month = MONTHS.indexOf(bsd?.monthName?.toLowerCase() ?? '') + 1;
  if (!bsd || month === 0) return null;
  const parts = { ...bsd, zone: bsd.zone !== undefined && stampOffset(bsd.zone) !== undefined ? bsd.zone : undefined };
  if (bsd.year !== undefined) return toDate(parts, Number(bsd.year), month, tz);
  // Year-less: this year, unless that lands over a day after now (a December line read in January).
  const thisYear = new Date(now.getTime() + zoneOffset(tz)(now.getTime())).getUTCFullYear();
  const date = toDate(parts, thisYear, month, tz);
  return date && date.getTime() > now.getTime() + DAY ? toDate(parts, thisYear - 1, month, tz) : date;
}

export function parseTimeExpr(s: string, now: Date, tz = 'UTC'): Date {
  const text = s.trim().toLowerCase();
  const offset = zoneOffset(tz);
  if (text === 'now') return new Date(now.getTime());
  if (text === 'today') return new Date(wallToInstant(startOfDay(now, offset), offset));
  if (text === 'yesterday') return new Date(wallToInstant(startOfDay(now, offset) - DAY, offset));
  if (RELATIVE.test(text)) {
    const ago = [...text.matchAll(RELATIVE_PART)].reduce((sum, m) => sum + Number(m.groups?.count) * (UNIT_MS[m.groups?.unit ?? ''] ?? 0), 0);
    return new Date(now.getTime() - ago);
  }
  const date = parseLogTimestamp(text, now, tz);
  if (date) return date;
  throw new UsageError(`invalid time "${s}": ${FORMS}`);
}
