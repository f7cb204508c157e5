/** What a `<PRI>` (or a spelt-out `LOCAL4.WARNING:`) says: facility and severity. */
export interface Priority {
  facility: number;
  severity: number;
}

/**
 * Facility names by code, as ECS prints them (log.syslog.facility.name). RFC 5424 lists both 9
 * and 15 as "clock daemon"; 9 is cron everywhere, and 15 is where Solaris logs cron, hence
 * `solaris-cron` (the name syslog libraries such as Vector's print); `clock` is read as 15 too.
 */
export const FACILITY_NAMES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv',
  'ftp', 'ntp', 'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3',
  'local4', 'local5', 'local6', 'local7',
] as const;

const FACILITY_CODES: ReadonlyMap<string, number> = new Map([...FACILITY_NAMES.map((name, code) => [name, code] as const), ['clock', 15]]);

/** A facility name (any case) as its code, or -1. */
export function facilityCode(name: string): number {
  return FACILITY_CODES.get(name.toLowerCase()) ?? -1;
}

/** A `<PRI>` value: facility × 8 + severity; values past 191 (facility 23, local7) are none. */
export function decodePriority(value: number): Priority | null {
  return value <= 191 ? { facility: value >> 3, severity: value & 7 } : null;
}
