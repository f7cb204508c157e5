import { categoryOf } from '../categories.js';
import type { CatalogEntry, Lang, Platform, Variant } from '../types.js';
import { joinText } from './join-text.js';
import type { RawEntry, RawVariant } from './split-entries.js';
import { splitExplanation } from './variables.js';

export interface DocInfo {
  fileName: string;
  lang: Lang;
  platform: Platform;
}

const SUB_TAG = /^%(?<tag>[A-Z][A-Z0-9_]*-\d-[A-Z0-9_]+):/;

// The format is English in every layout and its lines were wrapped at spaces, so wrapped lines
// are joined with one space.
const joinFormat = (lines: readonly string[]): string =>
  lines.map((l) => l.trim()).filter(Boolean).join(' ');

function toVariant(raw: RawVariant, source: string, doc: DocInfo, notes: string[]): Variant {
  const format = joinFormat(raw.format);
  const { explanation, variables } = splitExplanation(raw.explanation, doc.lang, format);
  const action = joinText(raw.action, doc.lang);
  const tag = SUB_TAG.exec(format)?.groups?.tag;
  const where = `${doc.fileName}:${raw.line}: ${tag ? `%${tag}` : raw.tag.written}`;
  if (!explanation && variables.length === 0) notes.push(`${where} has no explanation`);
  if (!action) notes.push(`${where} has no recommended action`);
  return {
    format,
    ...(tag ? { tag } : {}),
    docs: { [doc.lang]: { explanation, action, variables, source } },
  };
}

/** One document's view of an entry: every message line under its heading is a variant. */
export function toCatalogEntry(raw: RawEntry, doc: DocInfo): CatalogEntry {
  const notes = raw.notes.map((n) => `${doc.fileName}:${n.line}: ${n.message}`);
  const severity = raw.variants[0]?.tag.severity ?? 0;
  const variants = raw.variants.map((v, i) => {
    if (v.tag.severity !== severity) {
      notes.push(`${doc.fileName}:${v.line}: ${v.tag.written} has severity ${v.tag.severity}, the entry ${severity}`);
    }
    // the heading locates the entry; later sub-messages are located by their own message line
    return toVariant(v, `${doc.fileName}:${i === 0 ? raw.line : v.line}`, doc, notes);
  });
  return { id: raw.id, severity, category: categoryOf(raw.id), platforms: [doc.platform], variants, notes };
}
