import type { Catalog } from './load.js';
import { LANGS, type Lang } from './types.js';

export interface CatalogStats {
  ids: number;
  variants: number;
  byLanguage: Record<Lang, number>;
  bySeverity: Record<string, number>;
  byCategory: Record<string, number>;
  byOrigin: Record<string, number>;
  byPlatform: Record<string, number>;
  notes: number;
  sources: { origin: string; file: string; count: number }[];
}

/** Counts over the merged catalog; `byLanguage` counts IDs with at least one variant in that language. */
export function catalogStats(catalog: Catalog): CatalogStats {
  const stats: CatalogStats = {
    ids: catalog.entries.length,
    variants: 0,
    byLanguage: { en: 0, ja: 0, zh: 0 },
    bySeverity: Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7].map((n) => [String(n), 0])),
    byCategory: {},
    byOrigin: {},
    byPlatform: {},
    notes: 0,
    sources: catalog.sources.map((s) => ({ ...s })),
  };
  for (const e of catalog.entries) {
    stats.variants += e.variants.length;
    for (const lang of LANGS) if (e.variants.some((v) => v.docs[lang])) stats.byLanguage[lang]++;
    stats.bySeverity[String(e.severity)] = (stats.bySeverity[String(e.severity)] ?? 0) + 1;
    stats.byCategory[e.category] = (stats.byCategory[e.category] ?? 0) + 1;
    const origin = e.origin ?? 'documents';
    stats.byOrigin[origin] = (stats.byOrigin[origin] ?? 0) + 1;
    for (const p of e.platforms) stats.byPlatform[p] = (stats.byPlatform[p] ?? 0) + 1;
    stats.notes += e.notes.length;
  }
  stats.byCategory = Object.fromEntries(Object.entries(stats.byCategory).sort(([a], [b]) => (a < b ? -1 : 1)));
  return stats;
}
