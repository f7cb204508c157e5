import type { CatalogEntry, Lang } from '../catalog/types.js';
import { LANGS } from '../catalog/types.js';
import { categoryTitle } from '../catalog/categories.js';
import { csvField } from './record.js';
import { severityName } from '../parse/severity.js';

export interface LookupRow {
  id: string;
  severity: number;
  severity_name: string;
  category: string;
  category_title: string;
  platforms: string;
  origin: string;
  variants: number;
  format: string;
  [key: `explanation_${string}` | `action_${string}`]: string;
}

/** One row per ID, for SIEM lookups keyed by message ID (e.g. a Splunk lookup CSV). */
function lookupRows(entries: readonly CatalogEntry[]): LookupRow[] {
  return entries.map((e) => {
    const row: LookupRow = {
      id: e.id,
      severity: e.severity,
      severity_name: severityName(e.severity),
      category: e.category,
      category_title: categoryTitle(e.category),
      platforms: e.platforms.join(' '),
      origin: e.origin ?? 'documents',
      variants: e.variants.length,
      format: e.variants.map((v) => v.format).join(' || '),
    };
    for (const lang of LANGS) {
      const doc = e.variants.map((v) => v.docs[lang as Lang]).find(Boolean);
      row[`explanation_${lang}`] = doc?.explanation ?? '';
      row[`action_${lang}`] = doc?.action ?? '';
    }
    return row;
  });
}

export function exportCsv(entries: readonly CatalogEntry[]): string {
  const rows = lookupRows(entries);
  const columns = Object.keys(rows[0] ?? {}) as (keyof LookupRow)[];
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].map((l) => `${l}\r\n`).join('');
}

export function exportJson(entries: readonly CatalogEntry[]): string {
  return `${JSON.stringify(lookupRows(entries), null, 2)}\n`;
}
