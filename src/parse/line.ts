import { parseHeader } from './header.js';
import type { Priority } from './priority.js';
import type { YearContext } from './year-context.js';
import { findTag, readTag } from './tag.js';
import { repeatIn } from './repeat.js';
import { formatTimestamp } from './timestamp.js';

export interface ParsedLine {
  /** ISO 8601, the wall clock as written plus its offset (`Z` for UTC); null when the line has none */
  timestamp: string | null;
  host: string | null;
  /** 'ASA' | 'FTD' | 'PIX' | 'NGIPS'; `Threat Defense` and the `FDT` typo are reported as 'FTD' */
  platform: string | null;
  severity: number | null;
  id: string | null;
  /** text after the tag, rsyslog `#ooo` control-character escapes decoded; null without a tag */
  message: string | null;
  pri?: Priority;
  /** rsyslog `message repeated N times: [ … ]`; `message` is then the text inside the brackets */
  repeat?: number;
  /** `%ASA-auth-4-113005` → 'auth' */
  classInfix?: string;
}

/** How a line's timestamp is completed: the year when it has none (see YearContext), the zone when it has none. */
export interface ParseContext extends Partial<YearContext> {
  /** zone for timestamps written without a known one: IANA name or ±HH:MM; default UTC */
  tz?: string;
}

const NO_CONTEXT: ParseContext = {};
const OCTAL_ESCAPE = /#(?<code>[0-3][0-7]{2})/g;

/** One syslog line in, its fields out. Never throws; work is linear in the line's length. */
export function parseLine(line: string, ctx: ParseContext = NO_CONTEXT): ParsedLine {
  // The tag anchors everything: the wrapper is whatever precedes it, so a loose header
  // pattern can never swallow the tag.
  let tag = findTag(line, 0);
  const header = parseHeader(tag === null ? line : line.slice(0, tag.start));
  if (tag === null) tag = readTag(line, header.end);
  const out: ParsedLine = {
    timestamp: header.stamp === null ? null
      : formatTimestamp(header.stamp.time, header.stamp.zone, ctx.tz, ctx.year, ctx.notAfter),
    host: header.host,
    platform: tag?.platform ?? null,
    severity: tag?.severity ?? null,
    id: tag?.id ?? null,
    message: null,
  };
  if (header.pri !== null) out.pri = header.pri;
  if (tag === null) return out;
  if (tag.classInfix !== null) out.classInfix = tag.classInfix;
  let start = tag.end;
  let repeat = header.repeat;
  // Some collectors put the repeat marker after the tag: `%ASA-2-106006: message repeated 2 times: [ … ]`.
  const inner = repeat === null ? repeatIn(line, start) : null;
  if (inner !== null) {
    repeat = inner.count;
    start = inner.end;
  }
  let end = line.length;
  if (line.charCodeAt(end - 1) === 13) end--;
  if (repeat !== null) {
    out.repeat = repeat;
    const close = line.lastIndexOf(']', end - 1);
    if (close >= start && line.slice(close + 1, end).trim() === '') end = close;
  }
  out.message = decodeEscapes(line.slice(start, end));
  return out;
}

// rsyslog writes control characters as `#` plus three octal digits (`#011` tab, `#012` newline).
// Only codes below 040 and 177 are control characters; `#123` in prose is left alone.
function decodeEscapes(text: string): string {
  if (!text.includes('#')) return text;
  return text.replace(OCTAL_ESCAPE, (whole: string, code: string) => {
    const n = parseInt(code, 8);
    return n < 32 || n === 127 ? String.fromCharCode(n) : whole;
  });
}
