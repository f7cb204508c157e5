// A message prepared for matching: lower-cased (offsets kept), its ends set aside, and for the
// tolerant pass squeezed. Every step is one forward pass over the line.

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

export function find(view: LineView, lit: string, from: number): number {
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
export function toOriginal(view: LineView, cuts: Int32Array, count: number): Int32Array {
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
