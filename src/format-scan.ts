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
  find: (lit: string, from: number) => number;
}

// Long lines remember where each literal was last looked for: a second search from further on that
// the first already answered costs nothing, so many patterns cannot rescan a hostile line many times.
const CACHE_FROM = 2048;

function finder(text: string): (lit: string, from: number) => number {
  if (text.length < CACHE_FROM) return (lit, from) => text.indexOf(lit, from);
  const memo = new Map<string, { from: number; at: number }>();
  return (lit, from) => {
    const m = memo.get(lit);
    if (m && from >= m.from && (m.at < 0 || from <= m.at)) return m.at;
    const at = text.indexOf(lit, from);
    memo.set(lit, { from, at });
    return at;
  };
}

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
  return { original: message, text, ...bounds(text), squeezed: false, find: finder(text) };
}

const isSqueezable = (c: number): boolean => c === 58 || c === 44 || c === 61 || c === 46 || c === 59;

/**
 * Runs of spaces as one; none next to `: , = . ;` nor before `(` `)`. `map` leads back to the
 * original offsets. A `(` or `)` keeps the space after it, which may separate a value from a literal.
 */
export function squeeze(src: string): { text: string; map: Int32Array } {
  const codes: number[] = [];
  const map = new Int32Array(src.length + 1);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 32) {
      let j = i;
      while (j < src.length && src.charCodeAt(j) === 32) j++;
      i = j - 1;
      const next = src.charCodeAt(j);
      if ((n > 0 && isSqueezable(codes[n - 1]!)) || isSqueezable(next) || next === 40 || next === 41) continue;
    }
    codes[n] = c;
    map[n++] = i;
  }
  map[n] = src.length;
  let text = '';
  for (let i = 0; i < n; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return { text, map: map.subarray(0, n + 1) };
}

export function squeezedView(message: string): LineView {
  const { text, map } = squeeze(lower(message));
  return { original: message, text, ...bounds(text), map, squeezed: true, find: finder(text) };
}

// `<GP_RA>`, `"jdoe"`, `'jdoe'`: devices wrap some values; the value is what is inside
const isWrapped = (v: string, open: number, close: number): boolean => v.length >= 2 && v.charCodeAt(0) === open && v.charCodeAt(v.length - 1) === close;

export interface ScanResult {
  fields: Record<string, string>;
  score: number;
}

/** The pattern's fields in `view`, or null when it does not match. */
export function scanPattern(p: Pattern, view: LineView): ScanResult | null {
  const lits = view.squeezed ? p.squeezed : p.lits;
  const { text, end } = view;
  const k = p.fields.length;
  const lead = lits[0]!;
  if (!text.startsWith(lead, view.start)) return null;
  let pos = view.start + lead.length;
  if (k === 0) return pos === end ? { fields: {}, score: p.weight } : null;
  const trail = lits[k]!;
  const limit = end - trail.length;
  if (limit < pos || (trail !== '' && !text.startsWith(trail, limit))) return null;
  const cuts: number[] = [];
  for (let i = 1; i < k; i++) {
    const lit = lits[i]!;
    const at = view.find(lit, pos);
    if (at < 0 || at + lit.length > limit) return null;
    cuts.push(pos, at);
    pos = at + lit.length;
  }
  if (pos > limit) return null;
  cuts.push(pos, limit);
  const fields: Record<string, string> = {};
  let score = p.weight;
  for (let i = 0; i < k; i++) {
    const spec = p.fields[i]!;
    const a = view.map ? view.map[cuts[2 * i]!]! : cuts[2 * i]!;
    const b = view.map ? view.map[cuts[2 * i + 1]!]! : cuts[2 * i + 1]!;
    let value = view.original.slice(a, b).trim();
    const wrapped = isWrapped(value, 60, 62);
    if (wrapped) value = value.slice(1, -1).trim();
    if (isWrapped(value, 34, 34) || isWrapped(value, 39, 39)) value = value.slice(1, -1);
    // `<value>` where the format says `<name>`, or the reverse, hints at another variant
    if ((spec.bracketed ?? false) !== wrapped) score -= 1;
    if (spec.choices?.includes(value.toLowerCase())) score += value.length;
    fields[spec.name] = value;
  }
  return { fields, score };
}
