import { MESSAGE_MARKER } from './layout.js';

export interface MessageTag {
  /** the tag as printed, e.g. `%FTD7-737038` */
  written: string;
  severity: number;
  id: string;
  /** message text after the tag and its separator */
  rest: string;
  /** why the tag as printed is not a well-formed `%ASA-4-123456:` */
  typo?: string;
}

export interface MessageLine {
  marker: boolean;
  tag?: MessageTag;
}

// Separators seen after the tag: `: `, `:` glued to the text, a full-width `：`, ` - `, ` -- `, or
// just a space. A missing hyphen before the severity (`%ASA7-750016`) is a typo in the documents.
const TAG =
  /^(?<written>%(?<facility>ASA|FTD|Threat Defense|PIX)(?<dash>-?)(?<severity>[0-7])-(?<id>\d{6}))(?<sep>\s*[:：]\s*|\s+-{1,2}\s+|\s+|$)(?<rest>.*)$/;

export function parseTag(text: string): MessageTag | undefined {
  const g = TAG.exec(text)?.groups;
  if (!g?.written || !g.id || !g.severity || !g.facility) return undefined;
  const tag: MessageTag = { written: g.written, severity: Number(g.severity), id: g.id, rest: (g.rest ?? '').trim() };
  if (!g.dash) tag.typo = `tag \`${g.written}\` lacks the hyphen before the severity: read as %${g.facility}-${g.severity}-${g.id}`;
  return tag;
}

/** A line that opens a message: the marker, the tag, or both (`エラーメッセージ%FTD-…` has no space). */
export function parseMessageLine(text: string): MessageLine | undefined {
  const marker = MESSAGE_MARKER.exec(text);
  const after = marker ? text.slice(marker[0].length) : text;
  const tag = parseTag(after);
  if (tag) return { marker: Boolean(marker), tag };
  // prose that merely starts with the word (`エラーメッセージが表示され…`) is not a marker
  return marker && !after ? { marker: true } : undefined;
}
