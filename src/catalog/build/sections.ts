import type { Lang } from '../types.js';
import { hasCjk, isListItem, startsParagraph, type ContentLine } from './join-text.js';
import { ACTION_MARKER, EXPLANATION_MARKER, MESSAGE_MARKER } from './layout.js';

export type Section = 'format' | 'explanation' | 'action';

export interface Route {
  section: Section;
  lines: ContentLine[];
  /** the line opened its section with a marker (right or wrong) */
  marker: boolean;
  note?: string;
}

// "recommended message": how some Japanese entries label their recommended action
const MISLABELLED_ACTION = /^推奨メッセージ\s*/;

function after(line: ContentLine, marker: RegExpExecArray): ContentLine[] {
  const text = line.text.slice(marker[0].length).trim();
  return text ? [{ ...line, text, indent: 0, afterMarker: true }] : [];
}

const relabel = (section: Section, line: ContentLine, marker: RegExpExecArray, what: string): Route => ({
  section,
  lines: after(line, marker),
  marker: true,
  note: `${what} is labelled "${marker[0].trim()}" instead of its own marker`,
});

/**
 * Which section of a message's body a line belongs to. Besides the three markers this knows the
 * documents' mislabels: an explanation labelled `エラーメッセージ`, an action labelled `推奨メッセージ`
 * or with a second `説明`, and an explanation that starts without a marker (its marker may still
 * come, after the variables, while `markerMayFollow`).
 */
export function route(section: Section, line: ContentLine, prev: ContentLine | undefined, lang: Lang, markerMayFollow: boolean): Route {
  const explanation = section === 'format' || markerMayFollow ? EXPLANATION_MARKER.exec(line.text) : null;
  if (explanation) return { section: 'explanation', lines: after(line, explanation), marker: true };
  if (section !== 'action') {
    const action = ACTION_MARKER.exec(line.text);
    if (action) return { section: 'action', lines: after(line, action), marker: true };
    const wrong = MISLABELLED_ACTION.exec(line.text);
    if (wrong) return relabel('action', line, wrong, 'recommended action');
    const paragraph = prev !== undefined && (isListItem(prev) || startsParagraph(prev, line, lang));
    const again = section === 'explanation' && paragraph ? EXPLANATION_MARKER.exec(line.text) : null;
    if (again) return relabel('action', line, again, 'recommended action');
  }
  // formats are English even in CJK chapters, so CJK text here is the explanation
  if (section === 'format' && lang !== 'en' && hasCjk(line.text)) {
    const wrong = MESSAGE_MARKER.exec(line.text);
    if (wrong) return relabel('explanation', line, wrong, 'explanation');
    return { section: 'explanation', lines: [line], marker: false, note: 'explanation has no marker' };
  }
  return { section, lines: [line], marker: false };
}
