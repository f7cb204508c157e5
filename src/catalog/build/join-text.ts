import type { Lang } from '../types.js';

/** One physical line of a document once page furniture is gone. */
export interface ContentLine {
  n: number;
  text: string;
  indent: number;
  blankBefore: boolean;
  /** text that followed a section marker on its line: always a paragraph of its own */
  afterMarker?: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u30ff\uff00-\uffef]/u;
const WIDE = /[\u1100-\uffff]/u;
const SHORT_LINE = 60;
const SENTENCE_END = /[。．！？.!?]$/;
// bullets, numbered steps, and example messages quoted in the text (`%FTD-4-733100: [Scanning] …`)
const LIST_ITEM = /^(?:[•●▪◦]|-|\d{1,2}\.\s|%[A-Za-z ]+-?\d-\d{6})/;

export const hasCjk = (s: string): boolean => CJK.test(s);
export const isListItem = (line: ContentLine): boolean => LIST_ITEM.test(line.text);

// The PDFs wrap CJK text anywhere, even inside a word (`WebVPNセッショ` + `ンが開始`), so a break next
// to a CJK character is no space at all; English words were wrapped at spaces.
export function joinWrapped(before: string, after: string, lang: Lang): string {
  if (!before) return after;
  if (!after) return before;
  const glue = lang !== 'en' && (hasCjk(before.slice(-1)) || hasCjk(after.slice(0, 1))) ? '' : ' ';
  return before + glue + after;
}

// Full-width characters count two columns, as on the page.
const columns = (s: string): number => [...s].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);

// Blank lines mark paragraphs in the English layout only; the CJK extractions scatter blank lines
// inside sentences. There a paragraph ends where a line ends a sentence; and CJK text starts one
// after a line that stops well short of the ~85-column measure the PDFs wrap at, or after an
// all-English line that is not a list item (the end of a quoted example message). An English word
// after a short line is one that did not fit on it; a parenthesis remarks on the line before.
export function startsParagraph(prev: ContentLine | undefined, line: ContentLine, lang: Lang): boolean {
  if (!prev || line.afterMarker) return true;
  if (lang === 'en') return line.blankBefore && line.indent === 0;
  if (SENTENCE_END.test(prev.text)) return true;
  const short = columns(prev.text) < SHORT_LINE;
  const afterExample = !hasCjk(prev.text) && !isListItem(prev);
  return hasCjk(line.text.slice(0, 1)) && !line.text.startsWith('（') && (short || afterExample);
}

/** Adds a physical line to logical lines: as a new one, or joined to the last one it wraps from. */
export function appendLine(out: string[], text: string, fresh: boolean, lang: Lang): void {
  const last = out.length - 1;
  if (fresh || last < 0) out.push(text);
  else out[last] = joinWrapped(out[last] ?? '', text, lang);
}

/** Wrapped lines joined into logical lines (paragraphs and list items), one per `\n`. */
export function joinText(lines: readonly ContentLine[], lang: Lang): string {
  const out: string[] = [];
  lines.forEach((line, i) => appendLine(out, line.text, isListItem(line) || startsParagraph(lines[i - 1], line, lang), lang));
  return out.join('\n');
}
