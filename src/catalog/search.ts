import type { CatalogEntry } from './types.js';

export interface SearchHit {
  entry: CatalogEntry;
  score: number;
}

const WEIGHTS = { id: 10, format: 4, explanation: 2, variables: 1, action: 1 } as const;

function haystacks(entry: CatalogEntry): [keyof typeof WEIGHTS, string][] {
  const out: [keyof typeof WEIGHTS, string][] = [['id', entry.id]];
  for (const v of entry.variants) {
    out.push(['format', `${v.tag ?? ''} ${v.format}`.toLowerCase()]);
    for (const doc of Object.values(v.docs)) {
      if (!doc) continue;
      out.push(['explanation', doc.explanation.toLowerCase()], ['action', doc.action.toLowerCase()]);
      for (const variable of doc.variables) out.push(['variables', `${variable.name} ${variable.description}`.toLowerCase()]);
    }
  }
  return out;
}

/**
 * Case-insensitive search over formats, explanations, actions and variables in every language.
 * Substring matching, so Japanese and Chinese words match without a tokenizer; every word must occur.
 */
export function searchCatalog(entries: readonly CatalogEntry[], words: string[]): SearchHit[] {
  const terms = words.flatMap((w) => w.toLowerCase().split(/\s+/)).filter(Boolean);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    const texts = haystacks(entry);
    let score = 0;
    let all = true;
    for (const term of terms) {
      let best = 0;
      for (const [kind, text] of texts) if (text.includes(term)) best = Math.max(best, WEIGHTS[kind]);
      if (best === 0) {
        all = false;
        break;
      }
      score += best;
    }
    if (all) hits.push({ entry, score });
  }
  return hits.sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1));
}
