import { UsageError } from '../errors.js';
import { MONTH_ABBREVIATIONS, monthNumber } from '../parse/time.js';
import { fixedOffset, zoneOffset, type Offset } from '../parse/zone.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 1440 * MINUTE;
const UNIT_MS: Readonly<Record<string, number>> = { s: SECOND, m: MINUTE, h: 60 * MINUTE, d: DAY, w: 7 * DAY };

const CLOCK = String.raw`(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?`;
const ISO = new RegExp(
  String.raw`^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ]${CLOCK}\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$`, 'i');
const RELATIVE = /^(?:\d+[smhdw])+$/;
// the dates syslog writes, as a user copies them from the log: `Aug 16 2019`, `Aug 16 10:00:00`,
// `Aug 16 2019 10:00`, `16 Aug 2019`, `2019 Aug 16 10:00:00`
const MON = String.raw`(?<mon>${MONTH_ABBREVIATIONS.join('|')})[a-z]*\.?`;
const SYSLOG_CLOCK = String.raw`(?:,?\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?)?`;
const SYSLOG_DATES = [
  new RegExp(String.raw`^${MON}\s+(?<day>\d{1,2}),?(?:\s+(?<year>\d{4}))?${SYSLOG_CLOCK}$`),
  new RegExp(String.raw`^(?<day>\d{1,2})[\s/-]+${MON}[\s/-]+(?<year>\d{4})${SYSLOG_CLOCK}$`),
  new RegExp(String.raw`^(?<year>\d{4})\s+${MON}\s+(?<day>\d{1,2})${SYSLOG_CLOCK}$`),
];
const RELATIVE_PART = /(?<count>\d+)(?<unit>[smhdw])/g;

const FORMS = 'use ISO 8601 (2024-05-01, 2024-05-01T13:45:00, 2024-05-01T13:45:00Z, …+02:00), ' +
  'a date as syslog writes it (Aug 16 2019, Aug 16 2019 10:00:00, Aug 16 10:00:00), ' +
  'a relative age (30s, 15m, 2h, 3d, 1w), now, today or yesterday';

/** The instant a wall-clock reading (written as if it were UTC) names in a zone. */
function wallToInstant(wall: number, offset: Offset): number {
  return wall - offset(wall - offset(wall));
}

function startOfDay(now: Date, offset: Offset): number {
  const wall = now.getTime() + offset(now.getTime());
  return wall - (((wall % DAY) + DAY) % DAY);
}

function isoDate(text: string, tz: string): Date | null {
  const g = ISO.exec(text)?.groups;
  if (!g) return null;
  const [year, month, day, hour, minute, second] = [g.year, g.month, g.day, g.hour, g.minute, g.second]
    .map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, Number((g.fraction ?? '').padEnd(3, '0').slice(0, 3)));
  const check = new Date(wall);
  const valid = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  if (!valid || hour > 23 || minute > 59 || second > 59) return null;
  const fixed = g.zone === undefined ? null : fixedOffset(g.zone.toUpperCase());
  return new Date(fixed === null ? wallToInstant(wall, zoneOffset(tz)) : wall - fixed * MINUTE);
}

/** A date in the log's own style; read in `tz`. Without a year: the last such date not after `now`. */
function syslogDate(text: string, now: Date, tz: string): Date | null {
  const g = SYSLOG_DATES.map((re) => re.exec(text)?.groups).find((groups) => groups !== undefined);
  if (!g) return null;
  const month = monthNumber(g.mon!)!;
  const clock = `${(g.hour ?? '0').padStart(2, '0')}:${g.minute ?? '00'}:${g.second ?? '00'}${g.fraction ? `.${g.fraction}` : ''}`;
  const at = (year: number) => isoDate(`${year}-${String(month).padStart(2, '0')}-${g.day!.padStart(2, '0')}T${clock}`, tz);
  if (g.year !== undefined) return at(Number(g.year));
  const thisYear = now.getUTCFullYear();
  const date = at(thisYear);
  return date !== null && date.getTime() > now.getTime() + DAY ? at(thisYear - 1) : date;
}

/** ISO 8601 (zoneless read in `tz`), syslog's `Aug 16 2019 10:00:00`, `30s` `15m` `2h` `3d` `1w` `1h30m` before now, `now`, `today`, `yesterday`. */
export function parseTimeExpr(s: string, now: Date, tz = 'UTC'): Date {
  const text = s.trim().toLowerCase();
  const offset = zoneOffset(tz);
  if (text === 'now') return new Date(now.getTime());
  if (text === 'today') return new Date(wallToInstant(startOfDay(now, offset), offset));
  if (text === 'yesterday') return new Date(wallToInstant(startOfDay(now, offset) - DAY, offset));
  if (RELATIVE.test(text)) {
    const ago = [...text.matchAll(RELATIVE_PART)]
      .reduce((sum, m) => sum + Number(m.groups?.count) * (UNIT_MS[m.groups?.unit ?? ''] ?? 0), 0);
    return new Date(now.getTime() - ago);
  }
  const date = isoDate(text, tz) ?? syslogDate(text, now, tz);
  if (date) return date;
  throw new UsageError(`invalid time "${s}": ${FORMS}`);
}
