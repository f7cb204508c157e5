// Matching one compiled pattern against one message. Literals are found left to right with indexOf
// (a field ends where the next literal first occurs) and the trailing literal is anchored at the end,
// so there is no backtracking: the work is a bounded number of forward scans over the line.
import type { Pattern } from './compile.js';
import { find, toOriginal, type LineView } from './view.js';

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
    // `<value>` where the template says `<name>`, or the reverse, hints at another variant
    if ((spec.bracketed ?? false) !== wrapped) score -= 1;
    if (spec.choices) {
      const value = text.slice(wrapped ? a + 1 : a, wrapped ? b - 1 : b).trim();
      if (spec.choices.includes(value)) score += value.length;
    }
  }
  return score;
}

/** The value in `o`[a, b): without the spaces at its ends and the `<…>` or quotes a device wrapped it in. */
export function valueAt(o: string, a: number, b: number): string {
  [a, b] = trimmed(o, a, b);
  if (isWrapped(o, a, b, 60, 62)) [a, b] = trimmed(o, a + 1, b - 1);
  if (isWrapped(o, a, b, 34, 34) || isWrapped(o, a, b, 39, 39)) {
    a++;
    b--;
  }
  return o.slice(a, b);
}

/** The values of a pattern that `scanPattern` matched, by field name. */
export function fieldValues(p: Pattern, view: LineView, cuts: Int32Array): Record<string, string> {
  const fields: Record<string, string> = {};
  const at = view.squeezed ? toOriginal(view, cuts, 2 * p.fields.length) : cuts;
  for (let i = 0; i < p.fields.length; i++) fields[p.fields[i]!.name] = valueAt(view.original, at[2 * i]!, at[2 * i + 1]!);
  return fields;
}
