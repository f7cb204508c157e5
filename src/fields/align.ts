// The tolerant matcher: a message aligned to a pattern token by token, for the lines devices print
// differently from the documents (a word added, `UDP SVC` for `SVC`; a literal missing or re-cased; an
// optional part left out). Literal words of the pattern must meet the same words of the line in order;
// a field takes whatever lies between the literals around it. The alignment with the best score wins
// (dynamic programming over pattern tokens × line tokens, both capped, so the work per line is bounded),
// and it is used only when it is confident: most of the pattern's words are found, few words are added.
import type { Pattern } from './compile.js';
import { tokenize, type Token } from './tokens.js';
import { valueType, type ValueType } from './value-types.js';

/** Lines with more tokens than this are not aligned (the strict passes still run on them). */
export const MAX_LINE_TOKENS = 256;
/** Patterns with more elements than this are not aligned. */
const MAX_PATTERN_ELEMENTS = 160;
/** The share of the pattern's literal word characters the line must contain. */
const MIN_FOUND = 0.6;

type Element = { lit: string; word: boolean } | { field: number; type: ValueType };

export interface Alignment {
  /** each field's [start, end) in the message, -1 when the line leaves it empty */
  cuts: Int32Array;
  score: number;
  /** literal word characters found / in the pattern */
  found: number;
}

const elementsCache = new WeakMap<Pattern, Element[] | null>();

function elementsOf(p: Pattern): Element[] | null {
  let els = elementsCache.get(p);
  if (els !== undefined) return els;
  els = [];
  for (let i = 0; i < p.text.length; i++) {
    for (const t of tokenize(p.text[i]!)!) els.push({ lit: t.text, word: t.word });
    if (i < p.fields.length) els.push({ field: i, type: valueType(p.fields[i]!.name) });
  }
  if (els.length > MAX_PATTERN_ELEMENTS) els = null;
  elementsCache.set(p, els);
  return els;
}

const litWeight = (e: { lit: string; word: boolean }): number => (e.word ? Math.min(e.lit.length, 12) : 0.5);
const extraCost = (t: Token): number => (t.word ? 1.5 : 0.25);
const EMPTY_FIELD = 1;

const DIAG = 0;
const UP = 1;
const LEFT = 2;

// An address or a port is one run of characters: `<10.1.2.3>`, `fe80::1%2`, `https`; never two words
// and never part of a dotted run (`172.16.0` | `1`).
const ADDRESS_PUNCT = new Set(['.', ':', '<', '>', '%', '[', ']']);
const PORT_PUNCT = new Set(['-', '<', '>']);

interface Runs {
  /** token j touches token j-1 (no space between) */
  glued: Uint8Array;
}

function runsOf(tokens: readonly Token[]): Runs {
  const glued = new Uint8Array(tokens.length);
  for (let j = 1; j < tokens.length; j++) glued[j] = tokens[j]!.start === tokens[j - 1]!.end ? 1 : 0;
  return { glued };
}

/** Whether a typed field may hold token j, and go on from token j-1 into it. */
function takes(type: ValueType, t: Token, first: boolean, glued: boolean): boolean {
  if (type === 'text') return true;
  if (!first && !glued) return false;
  const punct = type === 'ip' ? ADDRESS_PUNCT : PORT_PUNCT;
  return t.word || punct.has(t.text);
}

/** Whether a dotted run goes on across the boundary before token j (`16` `.` `0`). */
function splitsRun(tokens: readonly Token[], runs: Runs, j: number): boolean {
  if (j <= 0 || j >= tokens.length || !runs.glued[j]) return false;
  const [a, b] = [tokens[j - 1]!, tokens[j]!];
  return (a.text === '.' && b.word && j >= 2 && runs.glued[j - 1] === 1 && tokens[j - 2]!.word) ||
    (b.text === '.' && a.word && j + 1 < tokens.length && runs.glued[j + 1] === 1 && tokens[j + 1]!.word);
}

/** Whether the line has enough of the pattern's words, in any order, for an alignment to be confident: one pass, no table. */
function couldAlign(els: readonly Element[], words: ReadonlySet<string>): boolean {
  let all = 0;
  let have = 0;
  for (const e of els) {
    if ('field' in e || !e.word) continue;
    all += e.lit.length;
    if (words.has(e.lit)) have += e.lit.length;
  }
  return all > 0 && have / all >= MIN_FOUND;
}

/** The line's words, for `couldAlign`. */
export const wordsOf = (tokens: readonly Token[]): Set<string> => new Set(tokens.filter((t) => t.word).map((t) => t.text));

/** The best alignment of `message`'s tokens to `p`, or null when none is confident. */
export function alignPattern(p: Pattern, tokens: readonly Token[], words: ReadonlySet<string> = wordsOf(tokens)): Alignment | null {
  const els = elementsOf(p);
  if (els === null || !couldAlign(els, words)) return null;
  const m = els.length;
  const n = tokens.length;
  const w = n + 1;
  const runs = runsOf(tokens);
  const score = new Float64Array((m + 1) * w);
  const move = new Uint8Array((m + 1) * w);
  // for field rows: the best score with the field still open through token j-1, and how it got there
  const open = new Float64Array((m + 1) * w);
  const openMove = new Uint8Array((m + 1) * w);
  for (let j = 1; j <= n; j++) {
    score[j] = score[j - 1]! - extraCost(tokens[j - 1]!);
    move[j] = LEFT;
  }
  for (let i = 1; i <= m; i++) {
    const e = els[i - 1]!;
    const row = i * w;
    const up = row - w;
    if ('field' in e) {
      score[row] = score[up]! - EMPTY_FIELD;
      move[row] = UP;
      open[row] = -Infinity;
      const typed = e.type !== 'text';
      // a value does not run over the punctuation the pattern puts after it (`user , IP`)
      const next = els[i];
      // (an address may hold the `:` that follows it: `2001:db8::1:500` is cut by the scores, not here)
      const stop = next && 'lit' in next && !next.word && !(e.type === 'ip' && ADDRESS_PUNCT.has(next.lit)) ? next.lit : null;
      for (let j = 1; j <= n; j++) {
        const t = tokens[j - 1]!;
        if (t.text === stop) {
          open[row + j] = -Infinity;
          score[row + j] = score[up + j]! - EMPTY_FIELD;
          move[row + j] = UP;
          continue;
        }
        // the field starts at token j-1, or goes on through it
        let o = -Infinity;
        let how = DIAG;
        if (takes(e.type, t, true, false) && !(typed && splitsRun(tokens, runs, j - 1))) o = score[up + j - 1]!;
        if (takes(e.type, t, false, runs.glued[j - 1] === 1) && open[row + j - 1]! > o) [o, how] = [open[row + j - 1]!, LEFT];
        open[row + j] = o;
        openMove[row + j] = how;
        // it ends there (a typed field not inside a dotted run), or it is empty
        let best = typed && splitsRun(tokens, runs, j) ? -Infinity : o;
        let end = DIAG;
        // on a tie the field is empty: values go to the earlier fields, a missing optional part stays missing
        if (score[up + j]! - EMPTY_FIELD >= best) [best, end] = [score[up + j]! - EMPTY_FIELD, UP];
        score[row + j] = best;
        move[row + j] = end;
      }
      continue;
    }
    const weight = litWeight(e);
    score[row] = score[up]! - weight;
    move[row] = UP;
    for (let j = 1; j <= n; j++) {
      const t = tokens[j - 1]!;
      let best = t.text === e.lit ? score[up + j - 1]! + weight : -Infinity;
      let how = DIAG;
      if (score[up + j]! - weight > best) [best, how] = [score[up + j]! - weight, UP];
      // a token the pattern does not have, after this literal
      if (score[row + j - 1]! - extraCost(t) > best) [best, how] = [score[row + j - 1]! - extraCost(t), LEFT];
      score[row + j] = best;
      move[row + j] = how;
    }
  }
  if (score[m * w + n] === -Infinity) return null;
  return traceBack(els, tokens, score[m * w + n]!, move, openMove, w, p.fields.length);
}

function traceBack(els: readonly Element[], tokens: readonly Token[], total: number, move: Uint8Array, openMove: Uint8Array, w: number, fields: number): Alignment | null {
  const cuts = new Int32Array(2 * fields).fill(-1);
  let wordsIn = 0;
  let wordsFound = 0;
  let foundCount = 0;
  let extraWords = 0;
  let i = els.length;
  let j = tokens.length;
  while (i > 0 || j > 0) {
    const e = i > 0 ? els[i - 1]! : null;
    const how = move[i * w + j]!;
    if (e === null || (!('field' in e) && how === LEFT)) {
      if (tokens[j - 1]!.word) extraWords++;
      j--;
      continue;
    }
    if ('field' in e) {
      if (how === DIAG) {
        cuts[2 * e.field + 1] = tokens[j - 1]!.end;
        while (openMove[i * w + j] === LEFT) j--;
        cuts[2 * e.field] = tokens[j - 1]!.start;
        j--;
      }
      i--;
      continue;
    }
    if (e.word) wordsIn += e.lit.length;
    if (how === DIAG) {
      if (e.word) {
        wordsFound += e.lit.length;
        foundCount++;
      }
      j--;
    }
    i--;
  }
  const found = wordsIn === 0 ? 0 : wordsFound / wordsIn;
  if (found < MIN_FOUND || extraWords > Math.max(2, foundCount / 4)) return null;
  return { cuts, score: total, found };
}
