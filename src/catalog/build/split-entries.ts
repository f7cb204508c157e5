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
  const splitter = new EntrySplitter(lines, lang);
  lines.forEach((line, i) => splitter.line(line, i));
  return splitter.finish();
}

class EntrySplitter {
  private readonly entries: RawEntry[] = [];
  private readonly problems: Problem[] = [];
  private entry: RawEntry | undefined;
  private variant: RawVariant | undefined;
  private state: State = 'outside';
  private pendingMarker: number | undefined;
  /** the note on an explanation that began without its marker, which may still come */
  private unmarked: Problem | undefined;
  private stray: { from: number; to: number; why: string } | undefined;

  constructor(private readonly lines: readonly ContentLine[], private readonly lang: Lang) {}

  line(line: ContentLine, i: number): void {
    if (HEADING.test(line.text)) return this.heading(line, i);
    const msg = parseMessageLine(line.text);
    if (msg && (msg.marker || this.pendingMarker !== undefined || this.state === 'heading' || this.state === 'outside')) return this.messageLine(line, msg);
    if (this.pendingMarker !== undefined) {
      this.problems.push({ line: this.pendingMarker, message: `message marker without a message tag after it` });
      this.pendingMarker = undefined;
    }
    if (!this.variant || !this.entry || this.state === 'outside' || this.state === 'heading') {
      this.stray ??= { from: line.n, to: line.n, why: 'text outside any entry' };
      this.stray.to = line.n;
      return;
    }
    this.body(line, i, this.entry, this.variant);
  }

  finish(): { entries: RawEntry[]; problems: Problem[] } {
    const problems = this.problems;
    this.endStray();
    if (this.pendingMarker !== undefined) problems.push({ line: this.pendingMarker, message: 'message marker at the end of the document' });
    // a heading confirmed by a lone marker whose tag never came
    for (const e of this.entries) if (!e.variants.length) problems.push({ line: e.line, message: `${e.id} has no message line; ignored` });
    problems.sort((a, b) => a.line - b.line);
    return { entries: this.entries.filter((e) => e.variants.length), problems };
  }

  private heading(line: ContentLine, i: number): void {
    this.endStray();
    const next = this.lines[i + 1];
    if (next && parseMessageLine(next.text)) {
      this.entry = { id: line.text, line: line.n, variants: [], notes: [] };
      this.entries.push(this.entry);
      this.state = 'heading';
    } else {
      this.stray = { from: line.n, to: line.n, why: `${line.text} stands alone but no message line follows it` };
      this.state = 'outside';
    }
  }

  private messageLine(line: ContentLine, msg: NonNullable<ReturnType<typeof parseMessageLine>>): void {
    this.endStray();
    if (!msg.tag) {
      this.pendingMarker = line.n;
      return;
    }
    const { tag } = msg;
    const noMarker = !msg.marker && this.pendingMarker === undefined;
    this.pendingMarker = undefined;
    let entry = this.entry;
    if (this.state === 'outside' || !entry || (this.state !== 'heading' && tag.id !== entry.id)) {
      entry = this.entry = { id: tag.id, line: line.n, variants: [], notes: [] };
      this.entries.push(entry);
      entry.notes.push({ line: line.n, message: `no heading before ${tag.written}: ID taken from the message line` });
    } else if (tag.id !== entry.id) {
      entry.notes.push({ line: entry.line, message: `heading says ${entry.id}, message line says ${tag.written}: heading kept` });
    }
    if (noMarker) entry.notes.push({ line: line.n, message: `message line has no "Error Message" marker` });
    if (tag.typo) entry.notes.push({ line: line.n, message: tag.typo });
    this.variant = { line: line.n, tag, format: [tag.rest], explanation: [], action: [] };
    entry.variants.push(this.variant);
    this.state = 'format';
    this.unmarked = undefined;
  }

  /** A line of the current variant's format, explanation or action. */
  private body(line: ContentLine, i: number, entry: RawEntry, variant: RawVariant): void {
    const step = route(this.state as Section, line, this.lines[i - 1], this.lang, this.unmarked !== undefined);
    if (step.marker && this.unmarked && step.section === 'explanation') {
      this.unmarked.message = 'explanation marker comes after text of the explanation';
    }
    if (step.marker || step.section !== this.state) this.unmarked = undefined;
    if (step.note) {
      const note = { line: line.n, message: step.note };
      entry.notes.push(note);
      if (!step.marker) this.unmarked = note;
    }
    this.state = step.section;
    if (this.state === 'format') variant.format.push(...step.lines.map((l) => l.text));
    else variant[this.state].push(...step.lines);
  }

  private endStray(): void {
    const stray = this.stray;
    const span = stray && stray.to > stray.from ? ` (lines ${stray.from}-${stray.to})` : '';
    if (stray) this.problems.push({ line: stray.from, message: `${stray.why}${span}; ignored` });
    this.stray = undefined;
  }
}
