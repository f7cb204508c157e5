// `--infer`: a line without a tag identified by its text. Every pattern of the catalog is filed under
// its rarest literal word, so a line is tried only against the patterns filed under its own words.
import type { Catalog } from '../catalog/load.js';
import type { CatalogEntry } from '../catalog/types.js';
import { byCeiling, bestMatch, compiledVariants, type Candidate, type ScoredMatch } from './match.js';
import { squeezedView, strictView } from './view.js';
import { parseHeader } from '../parse/header.js';

interface Filed extends Candidate {
  entry: CatalogEntry;
}

/** Patterns explaining fewer characters than this are too vague to name a message by. */
const MIN_WEIGHT = 12;
/** At most this many patterns are tried for one line, whatever it contains. */
const MAX_CANDIDATES = 256;
const WORD = /[a-z][a-z0-9-]{2,}/g;

const indexes = new WeakMap<Catalog, Map<string, Filed[]>>();

/** Whole words of a literal: a word cut by a field (`vpn-` of `(VPN-unit)`) may go on in the value. */
function wholeWords(lit: string, atStart: boolean, atEnd: boolean): string[] {
  const out: string[] = [];
  for (const m of lit.matchAll(WORD)) {
    const end = m.index + m[0].length;
    if ((m.index === 0 && !atStart) || (end === lit.length && !atEnd)) continue;
    out.push(m[0]);
  }
  return out;
}

function buildIndex(catalog: Catalog): Map<string, Filed[]> {
  const filed: { c: Filed; words: string[] }[] = [];
  const frequency = new Map<string, number>();
  for (const entry of catalog.entries) {
    compiledVariants(entry).forEach((template, variant) => {
      for (const pattern of template.patterns) {
        if (pattern.weight < MIN_WEIGHT) continue;
        const last = pattern.lits.length - 1;
        const words = [...new Set(pattern.lits.flatMap((l, i) => wholeWords(l, i === 0, i === last)))];
        if (words.length === 0) continue;
        for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
        filed.push({ c: { entry, variant, pattern, ceiling: pattern.weight + pattern.bonus }, words });
      }
    });
  }
  const index = new Map<string, Filed[]>();
  for (const { c, words } of filed) {
    const anchor = words.reduce((a, b) => (frequency.get(b)! < frequency.get(a)! || (frequency.get(b) === frequency.get(a) && b.length > a.length) ? b : a));
    const list = index.get(anchor) ?? [];
    list.push(c);
    index.set(anchor, list);
  }
  return index;
}

function candidatesFor(text: string, index: Map<string, Filed[]>): Filed[] {
  const out = new Set<Filed>();
  for (const m of text.toLowerCase().matchAll(WORD)) {
    for (const c of index.get(m[0]) ?? []) {
      if (out.size >= MAX_CANDIDATES) break;
      out.add(c);
    }
  }
  return [...out].sort(byCeiling);
}

export interface Inference extends ScoredMatch {
  entry: CatalogEntry;
  message: string;
}

/** The catalog message that `text` most likely is, or null. */
export function inferMessage(text: string, catalog: Catalog): Inference | null {
  let index = indexes.get(catalog);
  if (!index) indexes.set(catalog, (index = buildIndex(catalog)));
  const header = parseHeader(text).end;
  const bodies = header > 0 ? [text.slice(header).replace(/^[\s:]+/, ''), text] : [text];
  let best: Inference | null = null;
  for (const message of bodies) {
    const candidates = candidatesFor(message, index);
    if (candidates.length === 0) continue;
    const m = bestMatch(candidates, strictView(message)) ?? bestMatch(candidates, squeezedView(message));
    if (!m || (best && m.score <= best.score)) continue;
    best = { variant: m.variant, fields: m.fields, pattern: m.pattern, score: m.score, entry: m.candidate.entry, message };
  }
  return best;
}
