import type { ContentLine } from './join-text.js';

// Footers and running headers of a page. The English ones are not in the seeds; they are the
// English guide's own, here so that other chapters imported later lose them too.
const PAGE_FURNITURE: readonly RegExp[] = [
  /^思科\s*ASA\s*系列系统日志消息$/,
  /^系统日志消息\s*\d{6}\s*-\s*\d{6}$/,
  /^Syslog\s*メッセージ\s*\d{6}\s*～\s*\d{6}$/,
  /^Cisco (?:Secure Firewall )?(?:ASA|Threat Defense) Series Syslog Messages$/,
  /^Syslog Messages \d{6} to \d{6}$/,
];

// Chapter and section front matter, the `SSP-only heading` artifacts printed above some headings,
// and the label of a note icon (the note's text itself stays).
const SECTION_FURNITURE: readonly RegExp[] = [
  /^この章は、次の項で構成されています。$/,
  /^•\s*メッセージ\s*\d{6}\s*～\s*\d{6}（\d+ページ）$/,
  /^メッセージ\s*\d{6}\s*～\s*\d{6}$/,
  /^この項では、\s*\d{6}.*について説明します。$/,
  /^ID\s*介于\s*\d{6}\s*到\s*\d{6}\s*之间的消息$/,
  /^本部分包括\s*ID\s*介于.*之间的消息。$/,
  /^This chapter (?:contains|includes) the following sections?:$/,
  /^•?\s*Messages \d{6} to \d{6}(?: \(.*\))?$/,
  /^This section (?:contains|includes) messages from \d{6} to \d{6}\.$/,
  // 仅SSP标题, SSP専用の見出しタイトル, SSP全体のトピック, 見出しのタイトル SSPのみ …
  /^(?=.{0,24}$)(?=.*SSP).*(?:标题|見出し|トピック|[Hh]eading|[Tt]opic)/,
  /^（注）$/,
];

const PAGE_NUMBER = /^\d{1,4}$/;
const RUNNING_ID = /^\d{6}$/;
// The Japanese chapters end with a translation notice that runs to the end of the file.
const END_MATTER = /^翻訳について$/;

/**
 * The document's lines without furniture. The first bare ID after a page header is the page's
 * running header (the next entry on the page, or one cut off by the excerpt, like 444304), never a
 * heading: the real heading, if any, follows it.
 */
export function stripFurniture(text: string): ContentLine[] {
  const out: ContentLine[] = [];
  let blank = false;
  let inPageBreak = false;
  const raw = text.split(/\r?\n/);
  for (const [i, line] of raw.entries()) {
    const trimmed = line.trim();
    if (END_MATTER.test(trimmed)) break;
    if (!trimmed) {
      blank ||= !inPageBreak;
      continue;
    }
    if (PAGE_FURNITURE.some((re) => re.test(trimmed))) {
      [inPageBreak, blank] = [true, false];
      continue;
    }
    if (inPageBreak && PAGE_NUMBER.test(trimmed)) continue;
    const wasPageBreak = inPageBreak;
    inPageBreak = false;
    if (wasPageBreak && RUNNING_ID.test(trimmed)) continue;
    if (SECTION_FURNITURE.some((re) => re.test(trimmed))) continue;
    out.push({ n: i + 1, text: trimmed, indent: line.length - line.trimStart().length, blankBefore: blank });
    blank = false;
  }
  return out;
}
