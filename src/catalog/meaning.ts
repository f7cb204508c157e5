import type { CatalogEntry, Lang, VariantDoc } from './types.js';
import { LANGS } from './types.js';

/** The docs in `lang`, else the first language that has them; with the language actually shown. */
export function docsIn(docs: Partial<Record<Lang, VariantDoc>>, lang: Lang): { lang: Lang; doc: VariantDoc } | null {
  for (const l of [lang, ...LANGS.filter((x) => x !== lang)]) {
    const doc = docs[l];
    if (doc) return { lang: l, doc };
  }
  return null;
}

const SENTENCE_END = /[.。！？!?](?=\s|$)|。/gu;
// a full stop that ends an abbreviation, not the sentence: "An ICMP flow (e.g. an echo) …"
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|approx|cf|incl|esp|a\.k\.a|w\.r\.t|No)$/i;

/** The first sentence of `text` (all of it when it has one sentence). */
export function firstSentence(text: string): string {
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index === 0) continue;
    if (m[0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    return text.slice(0, m.index + m[0].length);
  }
  return text;
}

/**
 * A short meaning of an ID: the first sentence of the explanation of `variant` (the one a line
 * matched; else the first documented one) in `lang`, else in English, else the format itself
 * (English text): a one-line meaning in a language the reader did not ask for helps nobody.
 * Cut to `maxChars` only when asked: machine output carries the whole sentence.
 */
export function shortMeaning(entry: CatalogEntry, lang: Lang, maxChars = Infinity, variant?: number): string {
  const chosen = (variant === undefined ? undefined : entry.variants[variant]) ?? entry.variants.find((v) => v.docs[lang]) ?? entry.variants[0];
  if (!chosen) return '';
  const text = firstSentence((chosen.docs[lang]?.explanation || chosen.docs.en?.explanation || chosen.format).trim());
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}
