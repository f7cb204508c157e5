import { UsageError } from '../errors.js';

// Time zones, for the log parser (a zone written in a line, `--tz` for lines without one) and for
// `--since`/`--until`: fixed offsets and abbreviations read here, IANA names through Intl.

// Minutes east of UTC. Ambiguous abbreviations are left out on purpose (IST: India, Ireland or
// Israel; AST: Atlantic or Arabia) so they fall back to the caller's zone instead of a guess.
// CST is read as US Central, the usage in Cisco's own configuration guides.
const ZONE_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['UTC', 0], ['UT', 0], ['GMT', 0], ['Z', 0], ['WET', 0], ['WEST', 60], ['BST', 60],
  ['CET', 60], ['CEST', 120], ['MET', 60], ['MEST', 120], ['EET', 120], ['EEST', 180], ['MSK', 180],
  ['SAST', 120], ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300], ['MST', -420],
  ['MDT', -360], ['PST', -480], ['PDT', -420], ['AKST', -540], ['AKDT', -480], ['HST', -600],
  ['NST', -210], ['NDT', -150], ['JST', 540], ['KST', 540], ['HKT', 480], ['SGT', 480],
  ['AWST', 480], ['ACST', 570], ['ACDT', 630], ['AEST', 600], ['AEDT', 660], ['NZST', 720],
  ['NZDT', 780],
]);

const OFFSET = /^(?<sign>[+-])(?<h>\d\d):?(?<m>\d\d)?$/;

/** `Z`, `+02:00`, `-0800`, `+02` or a known abbreviation → minutes east of UTC. */
export function fixedOffset(text: string): number | null {
  const known = ZONE_OFFSETS.get(text);
  if (known !== undefined) return known;
  const m = OFFSET.exec(text);
  if (m === null) return null;
  const hours = Number(m.groups!.h), mins = Number(m.groups!.m ?? 0);
  // an offset is under a day (real ones are -12:00 to +14:00): `+99:00` is no offset
  if (hours > 23 || mins > 59) return null;
  const minutes = hours * 60 + mins;
  return m.groups!.sign === '-' ? -minutes : minutes;
}

/** Whether `text` is one of the abbreviations read as a fixed offset. */
export function isZoneAbbreviation(text: string): boolean {
  return ZONE_OFFSETS.has(text);
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** Intl's clock of an IANA zone, or null for a zone this runtime does not know. */
function zoneClock(tz: string): Intl.DateTimeFormat | null {
  let fmt = formatters.get(tz);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      fmt = null;
    }
    formatters.set(tz, fmt);
  }
  return fmt;
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (whole seconds: Intl shows no more). */
function aheadMs(fmt: Intl.DateTimeFormat, instant: number): number {
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(instant)) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// Intl is slow (microseconds per call), and an offset only changes at a DST boundary, which
// falls on a wall-clock hour; so the log parser's offsets are cached per zone and wall-clock hour.
const hourCache = new Map<string, number | null>();

/**
 * Minutes east of UTC of an IANA zone at a wall-clock time (written as if it were UTC), or null
 * for an unknown zone: the log parser then writes UTC, never throws.
 */
export function wallOffsetMinutes(tz: string, wall: number): number | null {
  const key = `${tz} ${Math.floor(wall / HOUR)}`;
  let offset = hourCache.get(key);
  if (offset === undefined) {
    if (hourCache.size > 10_000) hourCache.clear();
    const fmt = zoneClock(tz);
    const minutes = (instant: number): number => Math.round(aheadMs(fmt!, instant) / MINUTE);
    // Two rounds: the offset at the wall time read as UTC, then at the instant that gives.
    offset = fmt === null ? null : minutes(wall - minutes(wall) * MINUTE);
    hourCache.set(key, offset);
  }
  return offset;
}

/** Milliseconds a zone's wall clock is ahead of UTC at an instant. */
export type Offset = (utcMs: number) => number;
const offsets = new Map<string, Offset>();

/** `--tz` as the log parser reads it (offset or abbreviation, then IANA name); throws UsageError on an unknown zone. */
export function zoneOffset(tz: string): Offset {
  let offset = offsets.get(tz);
  if (offset) return offset;
  const fixed = fixedOffset(tz);
  if (fixed !== null) offset = () => fixed * MINUTE;
  else {
    const fmt = zoneClock(tz);
    if (fmt === null) {
      throw new UsageError(
        `unknown time zone "${tz}": use UTC, an IANA name (Europe/Berlin, America/New_York) or an offset (+02:00)`);
    }
    offset = (utcMs) => aheadMs(fmt, utcMs);
  }
  offsets.set(tz, offset);
  return offset;
}
