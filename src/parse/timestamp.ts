// A timestamp as read from a line (time.ts) written out as ISO 8601: year and zone completed.
import { daysIn, type ClockTime } from './time.js';
import { fixedOffset, wallOffsetMinutes } from './zone.js';

const HOUR_MS = 3_600_000;
// A line is not written after its file was last changed: two days allow for any zone and clock skew.
const ROLLOVER_HOURS = 48;

/**
 * Renders the wall clock as written, with the offset of the zone written in the line, else of
 * `fallbackTz` (IANA name, offset or abbreviation), else UTC. A missing year comes from `year`;
 * when that year was inferred from `notAfter` (the file's modification time, epoch ms), a date
 * more than two days after it belongs to the year before (`Dec 31` in a file rotated on Jan 1).
 * Decided per hour, so every line of one hour gets the same year.
 */
export function formatTimestamp(t: ClockTime, zone: string | null, fallbackTz: string | undefined, year: number | undefined, notAfter?: number): string | null {
  let y = t.year ?? (year !== undefined && Number.isInteger(year) && year >= 0 && year <= 9999 ? year : new Date().getUTCFullYear());
  if (t.year === null && notAfter !== undefined && y > 0
    && Math.floor(Date.UTC(y, t.month - 1, t.day, t.hour) / HOUR_MS) > Math.floor(notAfter / HOUR_MS) + ROLLOVER_HOURS) y -= 1;
  if (t.year === null && t.day > daysIn(y, t.month)) return null;
  const wall = Date.UTC(y, t.month - 1, t.day, t.hour, t.minute, t.second, t.millis);
  // Log lines arrive in time order, many within the same second: reuse the last answer.
  if (wall === last.wall && zone === last.zone && fallbackTz === last.tz) return last.text;
  let offset = zone === null ? null : fixedOffset(zone);
  if (offset === null && fallbackTz !== undefined) offset = fixedOffset(fallbackTz) ?? wallOffsetMinutes(fallbackTz, wall);
  const text = `${pad(y, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.millis, 3)}${offsetText(offset ?? 0)}`;
  last = { wall, zone, tz: fallbackTz, text };
  return text;
}

let last: { wall: number; zone: string | null; tz: string | undefined; text: string } = { wall: NaN, zone: null, tz: undefined, text: '' };

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '000'.slice(0, width - s.length) + s;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}
