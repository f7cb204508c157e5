import type { Lang } from '../types.js';
import type { ContentLine } from './join-text.js';
import { parseMessageLine, type MessageTag } from './message-line.js';
import { route, type Section } from './sections.js';

export interface Problem {
  line: number;
  message: string;
}

export interface RawVariant {
  line: number;
  tag: MessageTag;
  format: string[];
  explanation: ContentLine[];
  action: ContentLine[];
}

export interface RawEntry {
  id: string;
  line: number;
  variants: RawVariant[];
  notes: Problem[];
}

type State = 'outside' | 'heading' | Section;

const HEADING = /^\d{6}$/;

// A state machine over the lines: heading → message line(s) → explanation → action. A bare ID only
// counts as a heading when a message line follows it; text that belongs to no entry is a problem.
export function splitEntries(lines: readonly ContentLine[], lang: Lang): { entries: RawEntry[]; problems: Problem[] } {
  const entries: RawEntry[] = [];
  const problems: Problem[] = [];
  let entry: RawEntry | undefined;
  let variant: RawVariant | undefined;
  let state: State = 'outside';
  let pendingMarker: number | undefined;
  // the note on an explanation that began without its marker, which may still come
  let unmarked: Problem | undefined;
  let stray: { from: number; to: number; why: string } | undefined;
  const endStray = (): void => {
    const span = stray && stray.to > stray.from ? ` (lines ${stray.from}-${stray.to})` : '';
    if (stray) problems.push({ line: stray.from, message: `${stray.why}${span}; ignored` });
    stray = undefined;
  };

  for (const [i, line] of lines.entries()) {
    if (HEADING.test(line.text)) {
      endStray();
      const next = lines[i + 1];
      if (next && parseMessageLine(next.text)) {
        entry = { id: line.text, line: line.n, variants: [], notes: [] };
        entries.push(entry);
        state = 'heading';
      } else {
        stray = { from: line.n, to: line.n, why: `${line.text} stands alone but no message line follows it` };
        state = 'outside';
      }
      continue;
    }
    const msg = parseMessageLine(line.text);
    if (msg && (msg.marker || pendingMarker !== undefined || state === 'heading' || state === 'outside')) {
      endStray();
      if (!msg.tag) {
        pendingMarker = line.n;
        continue;
      }
      const { tag } = msg;
      const noMarker = !msg.marker && pendingMarker === undefined;
      pendingMarker = undefined;
      if (state === 'outside' || !entry || (state !== 'heading' && tag.id !== entry.id)) {
        entry = { id: tag.id, line: line.n, variants: [], notes: [] };
        entries.push(entry);
        entry.notes.push({ line: line.n, message: `no heading before ${tag.written}: ID taken from the message line` });
      } else if (tag.id !== entry.id) {
        entry.notes.push({ line: entry.line, message: `heading says ${entry.id}, message line says ${tag.written}: heading kept` });
      }
      if (noMarker) entry.notes.push({ line: line.n, message: `message line has no "Error Message" marker` });
      if (tag.typo) entry.notes.push({ line: line.n, message: tag.typo });
      variant = { line: line.n, tag, format: [tag.rest], explanation: [], action: [] };
      entry.variants.push(variant);
      state = 'format';
      unmarked = undefined;
      continue;
    }
    if (pendingMarker !== undefined) {
      problems.push({ line: pendingMarker, message: `message marker without a message tag after it` });
      pendingMarker = undefined;
    }
    if (!variant || !entry || state === 'outside' || state === 'heading') {
      stray ??= { from: line.n, to: line.n, why: 'text outside any entry' };
      stray.to = line.n;
      continue;
    }
    const step = route(state, line, lines[i - 1], lang, unmarked !== undefined);
    if (step.marker && unmarked && step.section === 'explanation') {
      unmarked.message = 'explanation marker comes after text of the explanation';
    }
    if (step.marker || step.section !== state) unmarked = undefined;
    if (step.note) {
      const note = { line: line.n, message: step.note };
      entry.notes.push(note);
      if (!step.marker) unmarked = note;
    }
    state = step.section;
    if (state === 'format') variant.format.push(...step.lines.map((l) => l.text));
    else variant[state].push(...step.lines);
  }
  endStray();
  if (pendingMarker !== undefined) problems.push({ line: pendingMarker, message: 'message marker at the end of the document' });
  // a heading confirmed by a lone marker whose tag never came
  for (const e of entries) if (!e.variants.length) problems.push({ line: e.line, message: `${e.id} has no message line; ignored` });
  problems.sort((a, b) => a.line - b.line);
  return { entries: entries.filter((e) => e.variants.length), problems };
}
