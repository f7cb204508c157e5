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

const SENTENCE_END = /[.。！？!?](?=\s|$)|。/u;

/**
 * A short meaning of an ID: the first sentence of the explanation of `variant` (the one a line
 * matched; else the first documented one) in `lang`, else in English, else the format itself
 * (English text): a one-line meaning in a language the reader did not ask for helps nobody.
 */
export function shortMeaning(entry: CatalogEntry, lang: Lang, maxChars = 72, variant?: number): string {
  const chosen = (variant === undefined ? undefined : entry.variants[variant]) ?? entry.variants.find((v) => v.docs[lang]) ?? entry.variants[0];
  if (!chosen) return '';
  let text = (chosen.docs[lang]?.explanation || chosen.docs.en?.explanation || chosen.format).trim();
  const end = text.search(SENTENCE_END);
  if (end > 0) text = text.slice(0, end + 1);
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}
