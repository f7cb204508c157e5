import { decodePriority, facilityCode, type Priority } from './priority.js';
import { repeatIn } from './repeat.js';
import { severityLevel } from './severity.js';
import { readTag } from './tag.js';
import { readTimestamp, type TimestampMatch } from './time.js';

/** What the syslog wrapper in front of the Cisco tag says. */
export interface Header {
  /** index just past the wrapper: where a tag or the message text should start */
  end: number;
  stamp: TimestampMatch | null;
  host: string | null;
  pri: Priority | null;
  repeat: number | null;
}

// Every pattern is sticky (anchored where the previous piece ended) and bounded.
const PRI = /<(?<pri>\d{1,3})>/y;
const RFC5424_VERSION = /[1-9]\d{0,2} /y;
const RFC5424_FIELDS = / (?<host>\S{1,255}) (?<app>\S{1,48}) (?<procid>\S{1,128}) (?<msgid>\S{1,32}) /y;
const FACILITY_LEVEL = /(?<facility>[A-Za-z]{2,8}\d?)\.(?<level>[A-Za-z]{3,13}):/y;
const HOST = /(?<host>[^\s:%[\]]{1,255})(?=[\s:[]|$)/y;
const IPV6_HOST = /(?<host>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?=\s)/y;
const PROGRAM = /[A-Za-z][\w./-]{0,47}(?:\[\d{1,10}\])?:(?=\s|$)/y;
// Cisco `service sequence-numbers` (`<190>3132517: …`): a counter, not a host.
const SEQUENCE = /\d{1,12}: +/y;

/**
 * Reads the wrapper in `text` (the part of a line before its tag). Shapes: optional `<PRI>` or
 * `LOCAL4.WARNING:`, then a timestamp, host and `prog[pid]:`, each optional; or RFC 5424.
 */
export function parseHeader(text: string): Header {
  const h: Header = { end: 0, stamp: null, host: null, pri: null, repeat: null };
  let pos = 0;
  PRI.lastIndex = 0;
  const pri = PRI.exec(text);
  if (pri !== null) {
    h.pri = decodePriority(Number(pri.groups!.pri));
    pos = pri[0].length;
    const end = readRfc5424(text, pos, h);
    if (end >= 0) return finish(text, end, h);
  } else {
    pos = readFacilityLevel(text, h);
  }
  const anchored = pos > 0;
  pos = skipSeparator(text, pos);
  // A relay prepends its own timestamp and host to the device's; then the device's own
  // timestamp (the second one) wins, and its host if it wrote one, else the relay's.
  for (let round = 0; round < 2; round++) {
    SEQUENCE.lastIndex = pos;
    if (SEQUENCE.test(text)) pos = SEQUENCE.lastIndex;
    let stamp = readTimestamp(text, pos);
    if (stamp !== null) {
      pos = skipSeparator(text, stamp.end);
      const again = readTimestamp(text, pos); // a relay stamp with no host: `Nov 20 10:01:05 Nov 20 2026 …`
      if (again !== null) pos = skipSeparator(text, (stamp = again).end);
      h.stamp = stamp;
    } else if (round === 1 || !anchored) {
      break;
    }
    const host = readHost(text, pos);
    if (host !== null) {
      h.host = host;
      pos = skipSeparator(text, pos + host.length);
    }
    PROGRAM.lastIndex = pos;
    if (!startsMessage(text, pos) && PROGRAM.test(text)) pos = skipSeparator(text, PROGRAM.lastIndex);
    if (stamp === null && host === null) break;
  }
  return finish(text, pos, h);
}

// rsyslog folds duplicates into `message repeated N times: [ <original message> ]`.
function finish(text: string, pos: number, h: Header): Header {
  const repeated = repeatIn(text, pos);
  if (repeated !== null) {
    h.repeat = repeated.count;
    pos = repeated.end;
  }
  h.end = pos;
  return h;
}

function readHost(text: string, pos: number): string | null {
  if (startsMessage(text, pos)) return null;
  IPV6_HOST.lastIndex = pos;
  const v6 = mayBeIpv6(text, pos) ? IPV6_HOST.exec(text) : null;
  // Demanding `::` or all eight groups keeps a bare `10:01:02` from passing for an address.
  if (v6 !== null && (v6[0].includes('::') || v6[0].split(':').length === 8)) return v6[0];
  HOST.lastIndex = pos;
  const m = HOST.exec(text);
  if (m === null || text.charCodeAt(pos + m[0].length) === 91) return null; // `asa[1234]:` is a program
  return m[0];
}

// IPV6_HOST needs a `:` after at most four hex digits: most hosts (`fw-1`, `10.0.0.1`) fail here.
function mayBeIpv6(text: string, pos: number): boolean {
  for (let i = pos; i <= pos + 4; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) return true;
    if (!((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102))) return false;
  }
  return false;
}

function startsMessage(text: string, pos: number): boolean {
  if (pos >= text.length || text.charCodeAt(pos) === 37) return true;
  if (readTag(text, pos) !== null) return true;
  return repeatIn(text, pos) !== null;
}

function skipSeparator(text: string, pos: number): number {
  for (let c = text.charCodeAt(pos); c === 32 || c === 58 || c === 9; c = text.charCodeAt(pos)) pos++;
  return pos;
}

// <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]
function readRfc5424(text: string, pos: number, h: Header): number {
  RFC5424_VERSION.lastIndex = pos;
  if (!RFC5424_VERSION.test(text)) return -1;
  pos = RFC5424_VERSION.lastIndex;
  const nil = text.charCodeAt(pos) === 45;
  const stamp = nil ? null : readTimestamp(text, pos);
  if (!nil && stamp === null) return -1;
  RFC5424_FIELDS.lastIndex = stamp === null ? pos + 1 : stamp.end;
  const fields = RFC5424_FIELDS.exec(text);
  if (fields === null) return -1;
  pos = skipStructuredData(text, RFC5424_FIELDS.lastIndex);
  if (pos < 0) return -1;
  if (text.charCodeAt(pos) === 32) pos++;
  if (text.charCodeAt(pos) === 0xfeff) pos++;
  const host = fields.groups!.host!;
  h.stamp = stamp;
  h.host = host === '-' ? null : host;
  return pos;
}

function skipStructuredData(text: string, pos: number): number {
  if (text.charCodeAt(pos) === 45) return pos + 1;
  if (text.charCodeAt(pos) !== 91) return -1;
  while (text.charCodeAt(pos) === 91) {
    for (pos++; pos < text.length && text.charCodeAt(pos) !== 93; pos++) {
      if (text.charCodeAt(pos) === 92) pos++; // `\]` inside a parameter value
    }
    if (pos >= text.length) return -1;
    pos++;
  }
  return pos;
}

// `LOCAL4.WARNING:` is the priority spelt out by syslog-ng / Kiwi templates; it carries the
// same facility and severity as `<164>`, so it fills `pri` the same way.
function readFacilityLevel(text: string, h: Header): number {
  FACILITY_LEVEL.lastIndex = 0;
  const m = FACILITY_LEVEL.exec(text);
  if (m === null) return 0;
  const facility = facilityCode(m.groups!.facility!);
  const severity = severityLevel(m.groups!.level!);
  if (facility < 0 || severity === undefined) return 0;
  h.pri = { facility, severity };
  return m[0].length;
}
