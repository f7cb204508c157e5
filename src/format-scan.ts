// Matching one compiled pattern against one message. Literals are found left to right with indexOf
// (a field ends where the next literal first occurs) and the trailing literal is anchored at the end,
// so there is no backtracking: the work is a bounded number of forward scans over the line.
import type { Pattern } from './format-compile.js';

/** A message prepared for matching: lower-cased, and optionally squeezed (see `squeezedView`). */
export interface LineView {
  original: string;
  /** the text searched: same length as `original` unless squeezed */
  text: string;
  /** end of the searched text once trailing spaces and periods are set aside */
  end: number;
  /** start of the searched text once leading spaces are set aside */
  start: number;
  /** when squeezed: `original` lower-cased, to map offsets in `text` back (see `toOriginal`) */
  lowered?: string;
  squeezed: boolean;
  /** long lines only: where each literal was last looked for (see `find`) */
  memo: Map<string, { from: number; at: number }> | null;
}

// Long lines remember where each literal was last looked for: a second search from further on that
// the first already answered costs nothing, so many patterns cannot rescan a hostile line many times.
const CACHE_FROM = 2048;

function find(view: LineView, lit: string, from: number): number {
  const memo = view.memo;
  if (memo === null) return view.text.indexOf(lit, from);
  const m = memo.get(lit);
  if (m && from >= m.from && (m.at < 0 || from <= m.at)) return m.at;
  const at = view.text.indexOf(lit, from);
  memo.set(lit, { from, at });
  return at;
}

const memoFor = (text: string) => (text.length < CACHE_FROM ? null : new Map<string, { from: number; at: number }>());

function bounds(text: string): { start: number; end: number } {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); end > 0 && (c === 32 || c === 46 || c === 9 || c === 13); c = text.charCodeAt(--end - 1));
  let start = 0;
  while (start < end && text.charCodeAt(start) === 32) start++;
  return { start, end };
}

/** Lower-cases ASCII only when full lower-casing would change the length (so offsets stay valid). */
function lower(s: string): string {
  const l = s.toLowerCase();
  return l.length === s.length ? l : s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function strictView(message: string): LineView {
  const text = lower(message);
  return { original: message, text, ...bounds(text), squeezed: false, memo: memoFor(text) };
}

const isSqueezable = (c: number): boolean => c === 58 || c === 44 || c === 61 || c === 46 || c === 59;

/**
 * Runs of spaces as one; none next to `: , = . ;` nor before `(` `)`. Only spaces go, so offsets map
 * back by walking both texts (`toOriginal`). A `(` or `)` keeps the space after it, which may
 * separate a value from a literal.
 */
export function squeeze(src: string): string {
  let text = '';
  let kept = 0; // start of the run of kept characters not yet appended to `text`
  for (let i = src.indexOf(' '); i >= 0; i = src.indexOf(' ', i + 1)) {
    let j = i;
    while (j < src.length && src.charCodeAt(j) === 32) j++;
    const next = src.charCodeAt(j);
    const drop = isSqueezable(src.charCodeAt(i - 1)) || isSqueezable(next) || next === 40 || next === 41;
    if (drop || j - i > 1) {
      text += src.slice(kept, drop ? i : i + 1);
      kept = j;
    }
    i = j - 1;
  }
  return text + src.slice(kept);
}

export function squeezedView(message: string): LineView {
  const lowered = lower(message);
  const text = squeeze(lowered);
  return { original: message, text, ...bounds(text), lowered, squeezed: true, memo: memoFor(text) };
}

/** `cuts` (non-decreasing offsets in a squeezed `text`) as offsets in the original, in one walk. */
function toOriginal(view: LineView, cuts: Int32Array, count: number): Int32Array {
  const o = view.lowered!;
  const t = view.text;
  const out = new Int32Array(count);
  let i = 0;
  let j = 0;
  for (let c = 0; c < count; c++) {
    const target = cuts[c]!;
    while (j < target) {
      if (o.charCodeAt(i) === t.charCodeAt(j)) j++;
      i++;
    }
    out[c] = i;
  }
  return out;
}

/** The range [a, b) of `text` without the spaces at its ends. */
function trimmed(text: string, a: number, b: number): [number, number] {
  while (a < b && text.charCodeAt(a) <= 32) a++;
  while (b > a && text.charCodeAt(b - 1) <= 32) b--;
  return [a, b];
}

// `<GP_RA>`, `"jdoe"`, `'jdoe'`: devices wrap some values; the value is what is inside
const isWrapped = (o: string, a: number, b: number, open: number, close: number): boolean => b - a >= 2 && o.charCodeAt(a) === open && o.charCodeAt(b - 1) === close;

/**
 * How much of the line the pattern explains, or -1 when it does not match. `cuts` receives each
 * field's [start, end) in the searched text; it must hold 2 × the pattern's fields.
 */
export function scanPattern(p: Pattern, view: LineView, cuts: Int32Array): number {
  const lits = view.squeezed ? p.squeezed : p.lits;
  const { text, end } = view;
  const k = p.fields.length;
  const lead = lits[0]!;
  if (!text.startsWith(lead, view.start)) return -1;
  let pos = view.start + lead.length;
  if (k === 0) return pos === end ? p.weight : -1;
  const trail = lits[k]!;
  const limit = end - trail.length;
  if (limit < pos || (trail !== '' && !text.startsWith(trail, limit))) return -1;
  for (let i = 1; i < k; i++) {
    const lit = lits[i]!;
    const at = find(view, lit, pos);
    if (at < 0 || at + lit.length > limit) return -1;
    cuts[2 * i - 2] = pos;
    cuts[2 * i - 1] = at;
    pos = at + lit.length;
  }
  if (pos > limit) return -1;
  cuts[2 * k - 2] = pos;
  cuts[2 * k - 1] = limit;
  let score = p.weight;
  for (let i = 0; i < k; i++) {
    const spec = p.fields[i]!;
    const [a, b] = trimmed(text, cuts[2 * i]!, cuts[2 * i + 1]!);
    const wrapped = isWrapped(text, a, b, 60, 62);
    // `<value>` where the format says `<name>`, or the reverse, hints at another variant
    if ((spec.bracketed ?? false) !== wrapped) score -= 1;
    if (spec.choices) {
      const value = text.slice(wrapped ? a + 1 : a, wrapped ? b - 1 : b).trim();
      if (spec.choices.includes(value)) score += value.length;
    }
  }
  return score;
}

/** The values of a pattern that `scanPattern` matched, by field name. */
export function extractFields(p: Pattern, view: LineView, cuts: Int32Array): Record<string, string> {
  const fields: Record<string, string> = {};
  const o = view.original;
  const at = view.squeezed ? toOriginal(view, cuts, 2 * p.fields.length) : cuts;
  for (let i = 0; i < p.fields.length; i++) {
    let [a, b] = trimmed(o, at[2 * i]!, at[2 * i + 1]!);
    if (isWrapped(o, a, b, 60, 62)) {
      a++;
      b--;
      while (a < b && o.charCodeAt(a) <= 32) a++;
      while (b > a && o.charCodeAt(b - 1) <= 32) b--;
    }
    if (isWrapped(o, a, b, 34, 34) || isWrapped(o, a, b, 39, 39)) {
      a++;
      b--;
    }
    fields[p.fields[i]!.name] = o.slice(a, b);
  }
  return fields;
}
