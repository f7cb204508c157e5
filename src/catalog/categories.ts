import { readFileSync } from 'node:fs';

export interface Category {
  keyword: string;
  title: string;
  prefixes: string[];
}

interface Choice {
  class: string;
  reason: string;
}

export interface Judgement {
  keywords: Record<string, string>;
  overrides: Record<string, Choice>;
  added: Record<string, Choice>;
  titles: Record<string, string>;
}

export interface ClassTable {
  byPrefix: Map<string, string>;
  titles: Map<string, string>;
}

export const OTHER = 'other';

const ROW = /^(?<keyword>[^\t]+)\t(?<title>[^\t]+)\t(?<prefixes>[\d,]+)$/;

// Cisco's table stays verbatim in logging-classes.tsv; categories.json holds every judgement made on
// top of it, so a wrong or ambiguous row fails loudly here instead of silently picking a class.
export function resolveTable(tsv: string, judgement: Judgement): ClassTable {
  const titles = new Map<string, string>();
  const rowsOf = new Map<string, string[]>();
  for (const line of tsv.split('\n')) {
    const { keyword = '', title = '', prefixes = '' } = ROW.exec(line.trim())?.groups ?? {};
    if (!title) continue;
    const keywords = keyword === '-' ? [judgement.keywords[title] ?? ''] : keyword.split(/,\s*/);
    const primary = keywords[0];
    if (!primary) throw new Error(`categories.json gives no keyword for the row "${title}"`);
    for (const k of keywords) titles.set(k, title);
    for (const prefix of prefixes.split(',')) rowsOf.set(prefix, [...(rowsOf.get(prefix) ?? []), primary]);
  }
  const byPrefix = new Map<string, string>();
  for (const [prefix, rows] of rowsOf) {
    const chosen = judgement.overrides[prefix]?.class ?? (rows.length === 1 ? rows[0] : undefined);
    if (!chosen) throw new Error(`prefix ${prefix} is in rows ${rows.join(', ')}; categories.json must choose one`);
    byPrefix.set(prefix, chosen);
  }
  for (const [prefix, choice] of Object.entries(judgement.overrides)) byPrefix.set(prefix, choice.class);
  for (const [prefix, choice] of Object.entries(judgement.added)) {
    if (rowsOf.has(prefix)) throw new Error(`prefix ${prefix} is in Cisco's table; use overrides, not added`);
    byPrefix.set(prefix, choice.class);
  }
  for (const [keyword, title] of Object.entries(judgement.titles)) titles.set(keyword, title);
  for (const keyword of byPrefix.values()) {
    if (!titles.has(keyword)) throw new Error(`class ${keyword} has no title`);
  }
  return { byPrefix, titles };
}

let table: ClassTable | undefined;

// Read lazily so that importing this module costs nothing until a category is asked for; the URL
// resolves the same from src/ (tsx) and dist/ (built).
function classTable(): ClassTable {
  if (!table) {
    const dir = new URL('../../catalog/', import.meta.url);
    const judgement = JSON.parse(readFileSync(new URL('categories.json', dir), 'utf8')) as Judgement;
    table = resolveTable(readFileSync(new URL('logging-classes.tsv', dir), 'utf8'), judgement);
  }
  return table;
}

export function categoryOf(id: string): string {
  return classTable().byPrefix.get(id.slice(0, 3)) ?? OTHER;
}

export function categoryTitle(keyword: string): string {
  return classTable().titles.get(keyword) ?? keyword;
}

export function allCategories(): Category[] {
  const { byPrefix, titles } = classTable();
  const prefixes = new Map<string, string[]>([...titles.keys()].map((k) => [k, []]));
  for (const [prefix, keyword] of [...byPrefix].sort()) prefixes.get(keyword)?.push(prefix);
  return [...prefixes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([keyword, list]) => ({ keyword, title: titles.get(keyword) ?? keyword, prefixes: list }));
}
