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
  /** squeezed index → original index; absent when `text` is `original` lower-cased */
  map?: Int32Array;
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
 * Runs of spaces as one; none next to `: , = . ;` nor before `(` `)`. `map` leads back to the
 * original offsets. A `(` or `)` keeps the space after it, which may separate a value from a literal.
 */
export function squeeze(src: string): { text: string; map: Int32Array } {
  const map = new Int32Array(src.length + 1);
  let text = '';
  let kept = 0; // start of the run of kept characters not yet appended to `text`
  let n = 0;
  let last = -1;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 32) {
      let j = i;
      while (j < src.length && src.charCodeAt(j) === 32) j++;
      const next = src.charCodeAt(j);
      const drop = isSqueezable(last) || isSqueezable(next) || next === 40 || next === 41;
      // keep one space of the run, or none
      if (drop || j - i > 1) {
        text += src.slice(kept, i);
        kept = j;
        if (!drop) {
          text += ' ';
          map[n++] = i;
          last = 32;
        }
        i = j - 1;
        continue;
      }
    }
    map[n++] = i;
    last = c;
  }
  text += src.slice(kept);
  map[n] = src.length;
  return { text, map: map.subarray(0, n + 1) };
}

export function squeezedView(message: string): LineView {
  const { text, map } = squeeze(lower(message));
  return { original: message, text, ...bounds(text), map, squeezed: true, memo: memoFor(text) };
}

/** A value's trimmed range in the original line: [start, end). */
function valueRange(view: LineView, cuts: Int32Array, i: number): [number, number] {
  let a = view.map ? view.map[cuts[2 * i]!]! : cuts[2 * i]!;
  let b = view.map ? view.map[cuts[2 * i + 1]!]! : cuts[2 * i + 1]!;
  const o = view.original;
  while (a < b && o.charCodeAt(a) <= 32) a++;
  while (b > a && o.charCodeAt(b - 1) <= 32) b--;
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
    const [a, b] = valueRange(view, cuts, i);
    const wrapped = isWrapped(view.original, a, b, 60, 62);
    // `<value>` where the format says `<name>`, or the reverse, hints at another variant
    if ((spec.bracketed ?? false) !== wrapped) score -= 1;
    if (spec.choices) {
      const value = view.original.slice(wrapped ? a + 1 : a, wrapped ? b - 1 : b).trim().toLowerCase();
      if (spec.choices.includes(value)) score += value.length;
    }
  }
  return score;
}

/** The values of a pattern that `scanPattern` matched, by field name. */
export function extractFields(p: Pattern, view: LineView, cuts: Int32Array): Record<string, string> {
  const fields: Record<string, string> = {};
  const o = view.original;
  for (let i = 0; i < p.fields.length; i++) {
    let [a, b] = valueRange(view, cuts, i);
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
