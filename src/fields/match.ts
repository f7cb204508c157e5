// A message against the documented variants of its ID: compiled on first use and cached per entry;
// the variant that explains the most of the line wins.
import type { CatalogEntry, Variant } from '../catalog/types.js';
import { compileTemplate, type CompiledTemplate, type Pattern } from './compile.js';
import { alignPattern, MAX_LINE_TOKENS, wordsOf } from './align.js';
import { fieldValues, scanPattern, valueAt } from './scan.js';
import { tokenize } from './tokens.js';
import { settleValues } from './value-types.js';
import { squeezedView, strictView, type LineView } from './view.js';

export interface FieldMatch {
  variant: number;
  fields: Record<string, string>;
  /** the reading of the variant's format that matched */
  pattern: Pattern;
}

export interface Candidate {
  variant: number;
  pattern: Pattern;
  /** the best score this pattern can reach */
  ceiling: number;
}

interface CompiledEntry {
  templates: CompiledTemplate[];
  /** every pattern of every variant, the highest ceiling first */
  candidates: Candidate[];
}

const compiled = new WeakMap<CatalogEntry, CompiledEntry>();

/** The variable names a variant's documents list, in any language. */
function variablesOf(v: Variant): string[] {
  const names = new Set<string>();
  for (const doc of Object.values(v.docs)) for (const x of doc?.variables ?? []) names.add(x.name);
  return [...names];
}

export function byCeiling(a: Candidate, b: Candidate): number {
  return b.ceiling - a.ceiling || a.variant - b.variant;
}

function compileEntry(entry: CatalogEntry): CompiledEntry {
  let c = compiled.get(entry);
  if (c) return c;
  const templates = entry.variants.map((v) => compileTemplate(v.format, variablesOf(v)));
  const candidates = templates.flatMap((t, variant) => t.patterns.map((pattern) => ({ variant, pattern, ceiling: pattern.weight + pattern.bonus })));
  c = { templates, candidates: candidates.sort(byCeiling) };
  indexOnce(c.candidates);
  compiled.set(entry, c);
  return c;
}

/** Each variant's compiled template, in the entry's order. */
export function compiledVariants(entry: CatalogEntry): CompiledTemplate[] {
  return compileEntry(entry).templates;
}

export interface ScoredMatch extends FieldMatch {
  score: number;
}

/** Equal scores: the variant whose opening words have the line's own case (`console` / `Console`), else the earlier. */
function preferTie(c: Candidate, top: Candidate, view: LineView): boolean {
  const exact = (x: Candidate) => !view.squeezed && view.original.startsWith(x.pattern.text[0]!, view.start);
  const a = exact(c);
  const b = exact(top);
  return a !== b ? a : c.variant < top.variant;
}

// Optional parts multiply an entry's patterns (106023 has 48), which share their literals: with many
// candidates, one look for each literal rules out at once every pattern that needs a missing one.
const PRESENCE_FROM = 6;

/** The distinct inner literals (2+ characters) of a candidate list, and which each candidate needs. */
interface LiteralIndex {
  lits: string[];
  needs: Int32Array[];
}

const literalIndexes = new WeakMap<readonly Candidate[], [strict: LiteralIndex, squeezed: LiteralIndex]>();

function indexLiterals(candidates: readonly Candidate[], squeezed: boolean): LiteralIndex {
  const ids = new Map<string, number>();
  const needs = candidates.map((c) => {
    const lits = squeezed ? c.pattern.squeezed : c.pattern.lits;
    const own: number[] = [];
    for (let i = 1; i < lits.length - 1; i++) {
      const lit = lits[i]!;
      if (lit.length < 2) continue;
      let id = ids.get(lit);
      if (id === undefined) ids.set(lit, (id = ids.size));
      own.push(id);
    }
    return Int32Array.from(own);
  });
  return { lits: [...ids.keys()], needs };
}

/** An entry's candidates are compiled once: index their literals once (ad hoc lists, as --infer makes per line, are not). */
function indexOnce(candidates: readonly Candidate[]): void {
  if (candidates.length >= PRESENCE_FROM && !literalIndexes.has(candidates)) literalIndexes.set(candidates, [indexLiterals(candidates, false), indexLiterals(candidates, true)]);
}

/** Whether the text lacks a literal the candidate needs; `seen` remembers each literal's answer for this line (-1: not looked for). */
function lacksLiteral(needs: Int32Array, index: LiteralIndex, text: string, seen: Int8Array): boolean {
  for (let i = 0; i < needs.length; i++) {
    const id = needs[i]!;
    let has = seen[id]!;
    if (has < 0) seen[id] = has = text.includes(index.lits[id]!) ? 1 : 0;
    if (has === 0) return true;
  }
  return false;
}

let seenLiterals = new Int8Array(256);

function lacksLiteralOnce(p: Pattern, view: LineView, seen: Map<string, boolean>): boolean {
  const lits = view.squeezed ? p.squeezed : p.lits;
  for (let i = 1; i < lits.length - 1; i++) {
    const lit = lits[i]!;
    if (lit.length < 2) continue;
    let has = seen.get(lit);
    if (has === undefined) seen.set(lit, (has = view.text.includes(lit)));
    if (!has) return true;
  }
  return false;
}

/** The best-scoring candidate for `view`; ties go to the variant written in the line's case, else the earlier. */
export function bestMatch<C extends Candidate>(candidates: readonly C[], view: LineView): (ScoredMatch & { candidate: C }) | null {
  let top: C | null = null;
  let topScore = -1;
  const many = candidates.length >= PRESENCE_FROM;
  const index = many ? literalIndexes.get(candidates)?.[view.squeezed ? 1 : 0] ?? null : null;
  // a list made for this line (--infer): literals looked up as they come
  const seen = many && index === null ? new Map<string, boolean>() : null;
  if (index !== null) {
    if (seenLiterals.length < index.lits.length) seenLiterals = new Int8Array(index.lits.length * 2);
    seenLiterals.fill(-1, 0, index.lits.length);
  }
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n]!;
    if (top && c.ceiling < topScore) break;
    if (index !== null && lacksLiteral(index.needs[n]!, index, view.text, seenLiterals)) continue;
    if (seen !== null && lacksLiteralOnce(c.pattern, view, seen)) continue;
    const need = 2 * c.pattern.fields.length;
    if (scratch.length < need) scratch = new Int32Array(need * 2);
    const score = scanPattern(c.pattern, view, scratch);
    if (score < 0 || (top && (score < topScore || (score === topScore && !preferTie(c, top, view))))) continue;
    top = c;
    topScore = score;
    // the winner's cuts stay in `best`; the next scan writes into the other buffer
    [best, scratch] = [scratch, best];
  }
  return top && { variant: top.variant, fields: fieldValues(top.pattern, view, best), pattern: top.pattern, score: topScore, candidate: top };
}

let scratch = new Int32Array(64);
let best = new Int32Array(64);

/** Patterns of one entry the tolerant pass tries, the highest ceiling first. */
const MAX_ALIGNED = 4;

/** The tolerant pass (src/fields/align.ts): the confident alignment that finds the most of its pattern. */
function alignEntry(candidates: readonly Candidate[], message: string): FieldMatch | null {
  let end = message.length;
  while (end > 0 && /[\s.]/.test(message[end - 1]!)) end--;
  const tokens = tokenize(message, MAX_LINE_TOKENS, 0, end);
  if (tokens === null || tokens.length === 0) return null;
  let best: { c: Candidate; cuts: Int32Array; found: number; score: number } | null = null;
  const words = wordsOf(tokens);
  for (const c of candidates.slice(0, MAX_ALIGNED)) {
    const a = alignPattern(c.pattern, tokens, words);
    if (a && (!best || a.found > best.found || (a.found === best.found && a.score > best.score))) best = { c, ...a };
  }
  if (!best) return null;
  const fields: Record<string, string> = {};
  best.c.pattern.fields.forEach((f, i) => {
    const [a, b] = [best.cuts[2 * i]!, best.cuts[2 * i + 1]!];
    const value = a >= 0 ? valueAt(message, a, b) : '';
    // punctuation alone is what a missing value left behind, not a value
    if (/[\p{L}\p{N}]/u.test(value)) fields[f.name] = value;
  });
  return { variant: best.c.variant, fields: settleValues(best.c.pattern, fields, true), pattern: best.c.pattern };
}

/** The variant of `entry` that `message` (the text after the tag) is, with its values; null when none fits. */
export function matchEntry(entry: CatalogEntry, message: string): FieldMatch | null {
  const { candidates } = compileEntry(entry);
  if (candidates.length === 0) return null;
  const m = bestMatch(candidates, strictView(message)) ?? bestMatch(candidates, squeezedView(message));
  if (m) return { variant: m.variant, fields: settleValues(m.pattern, m.fields), pattern: m.pattern };
  return alignEntry(candidates, message);
}
