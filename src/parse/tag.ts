import { isWordChar } from './chars.js';

export interface Tag {
  platform: string;
  classInfix: string | null;
  severity: number;
  id: string;
  start: number;
  /** index of the message text: after the tag, its `:` and the spaces that follow */
  end: number;
}

// `%ASA-6-302013:`, `%ASA-auth-4-113005:`, `%FTD-session-6-…`, `%Threat Defense-6-…`, plus the
// slips seen in real exports whose intent is unmistakable: `%FTD--6-` (empty class),
// `%FTD<Up>-4-` (a stray token) and `%FDT-` (transposed). Severity is 0–7 by definition, so
// `%ASA-8-999999` is not a message. All quantifiers are bounded: no catastrophic backtracking.
const BODY = String.raw`(?<platform>ASA|FTD|FDT|PIX|NGIPS|Threat Defense)(?:<[A-Za-z]{1,16}>)?-(?:(?<cls>[a-z]{1,24}(?:-[a-z]{1,24}){0,3})-|-)?(?<sev>[0-7])-(?<id>\d{6})`;
const WITH_PERCENT = new RegExp(`%${BODY}(?=[:\\s]|$)`, 'y');
// Without the `%` the shape is common enough in prose that we also demand the colon.
const BARE = new RegExp(`${BODY}(?=:)`, 'y');

const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  FDT: 'FTD',
  // Threat Defense is FTD's newer name; one spelling keeps counts and filters simple.
  'Threat Defense': 'FTD',
};

/** A tag starting exactly at `pos`, with or without its `%`. */
export function readTag(line: string, pos: number): Tag | null {
  const re = line.charCodeAt(pos) === 37 ? WITH_PERCENT : BARE;
  re.lastIndex = pos;
  return toTag(line, pos, re.exec(line));
}

/** The first well-formed `%` tag at or after `from`. */
export function findTag(line: string, from: number): Tag | null {
  for (let i = line.indexOf('%', from); i !== -1; i = line.indexOf('%', i + 1)) {
    if (i > from && isWordChar(line.charCodeAt(i - 1))) continue;
    const plain = plainTag(line, i);
    if (plain !== null) return plain;
    WITH_PERCENT.lastIndex = i;
    const tag = toTag(line, i, WITH_PERCENT.exec(line));
    if (tag !== null) return tag;
  }
  return null;
}

/**
 * `%ASA-6-302013` then `:`, a space, a tab or the end, read without the regex: the shape of
 * nearly every tag, for which WITH_PERCENT has exactly one reading. Anything else: null.
 */
function plainTag(line: string, i: number): Tag | null {
  const c1 = line.charCodeAt(i + 1), c2 = line.charCodeAt(i + 2), c3 = line.charCodeAt(i + 3);
  const platform = c1 === 65 && c2 === 83 && c3 === 65 ? 'ASA'
    : c1 === 70 && c2 === 84 && c3 === 68 ? 'FTD'
      : c1 === 70 && c2 === 68 && c3 === 84 ? 'FTD'
        : c1 === 80 && c2 === 73 && c3 === 88 ? 'PIX' : null;
  if (platform === null || line.charCodeAt(i + 4) !== 45 || line.charCodeAt(i + 6) !== 45) return null;
  // written so that NaN (past the end of the line) fails every test
  const severity = line.charCodeAt(i + 5) - 48;
  if (!(severity >= 0 && severity <= 7)) return null;
  for (let k = i + 7; k < i + 13; k++) {
    const d = line.charCodeAt(k);
    if (!(d >= 48 && d <= 57)) return null;
  }
  let end = i + 13;
  const next = line.charCodeAt(end);
  if (end < line.length && next !== 58 && next !== 32 && next !== 9) return null;
  if (next === 58) end++;
  while (line.charCodeAt(end) === 32) end++;
  return { platform, classInfix: null, severity, id: line.slice(i + 7, i + 13), start: i, end };
}

function toTag(line: string, start: number, m: RegExpExecArray | null): Tag | null {
  if (m === null) return null;
  const g = m.groups!;
  let end = start + m[0].length;
  if (line.charCodeAt(end) === 58) end++;
  while (line.charCodeAt(end) === 32) end++;
  return {
    platform: PLATFORM_NAMES[g.platform!] ?? g.platform!,
    classInfix: g.cls ?? null,
    severity: g.sev!.charCodeAt(0) - 48,
    id: g.id!,
    start,
    end,
  };
}
