import { idOrder, LANGS, type CatalogEntry, type Variant, type VariantDoc } from '../types.js';

const squash = (s: string): string => s.replace(/\s+/g, '');

const sourceOf = (e: CatalogEntry): string =>
  Object.values(e.variants[0]?.docs ?? {})[0]?.source ?? e.id;

function addVariant(into: CatalogEntry, v: Variant): void {
  const same = into.variants.find((h) => h.tag === v.tag && squash(h.format) === squash(v.format));
  if (!same) {
    into.variants.push(v);
    return;
  }
  for (const lang of LANGS) {
    const doc = v.docs[lang];
    const kept = same.docs[lang];
    if (doc && kept) into.notes.push(`${doc.source}: documented again in ${lang}; ${kept.source} kept`);
    else if (doc) same.docs[lang] = doc;
  }
}

// Fixed key order and language order, so that the serialized catalog does not depend on the order
// in which documents were merged.
function canonical(e: CatalogEntry): CatalogEntry {
  const variants = e.variants.map((v) => {
    const docs: Partial<Record<(typeof LANGS)[number], VariantDoc>> = {};
    for (const lang of LANGS) {
      const d = v.docs[lang];
      if (d) docs[lang] = { explanation: d.explanation, action: d.action, variables: d.variables, source: d.source };
    }
    return { format: v.format, ...(v.tag ? { tag: v.tag } : {}), docs };
  });
  return { id: e.id, severity: e.severity, category: e.category, platforms: [...e.platforms].sort(), variants, notes: e.notes };
}

/**
 * Entries with the same ID become one. Variants whose formats agree apart from white space share
 * one variant with a doc per language; the first document's severity and format text are kept.
 */
export function mergeEntries(entries: Iterable<CatalogEntry>): CatalogEntry[] {
  const byId = new Map<string, CatalogEntry>();
  for (const e of entries) {
    const have = byId.get(e.id);
    if (!have) {
      byId.set(e.id, { ...e, platforms: [...e.platforms], variants: [...e.variants], notes: [...e.notes] });
      continue;
    }
    if (have.severity !== e.severity) {
      have.notes.push(`${sourceOf(e)}: severity ${e.severity} differs from ${sourceOf(have)}: ${have.severity} kept`);
    }
    for (const p of e.platforms) if (!have.platforms.includes(p)) have.platforms.push(p);
    have.notes.push(...e.notes);
    for (const v of e.variants) addVariant(have, v);
  }
  return [...byId.values()].map(canonical).sort(idOrder);
}
