import { UsageError } from '../errors.js';
import { nearestIds, type Catalog } from '../catalog/load.js';
import type { CatalogEntry, Lang } from '../catalog/types.js';
import { allCategories, categoryTitle } from '../catalog/categories.js';
import { explainTarget } from '../classify/explain-target.js';
import { categoryList } from '../filter/compile.js';
import { renderExplain } from '../render/explain.js';
import { warn, type Io } from '../io.js';
import { shortMeaning } from '../catalog/meaning.js';
import type { Palette } from '../render/palette.js';
import { makeTable } from '../render/table.js';
import { searchCatalog } from '../catalog/search.js';
import { parseSeverityExpr, severityName } from '../parse/severity.js';
import { terminalSafe } from '../terminal-safe.js';

function width(io: Io): number {
  return (io.stdout as { columns?: number }).columns ?? 100;
}

/** `asalog explain`: false when some item named no documented ID. */
export function runExplain(items: string[], opts: { lang: Lang; json: boolean }, catalog: Catalog, palette: Palette, io: Io): boolean {
  let ok = true;
  const found: CatalogEntry[] = [];
  const texts: string[] = [];
  for (const item of items) {
    const target = explainTarget(item, catalog);
    if (!target) {
      warn(io, `"${terminalSafe(item)}" is not a message ID, tag or ASA/FTD log line; try \`asalog search <words>\``);
      ok = false;
      continue;
    }
    const entry = catalog.get(target.id);
    if (!entry) {
      warn(io, `${target.id} is not in the catalog; nearest documented IDs: ${nearestIds(catalog, target.id).join(', ')} (or try \`asalog search <words>\`)`);
      ok = false;
      continue;
    }
    found.push(entry);
    const origin = catalog.sources.find((s) => s.origin === entry.origin)?.file;
    texts.push(renderExplain(entry, opts.lang, palette, width(io), target.line, origin));
  }
  if (opts.json) io.stdout.write(`${JSON.stringify(found.length === 1 && items.length === 1 ? found[0] : found, null, 2)}\n`);
  else io.stdout.write(texts.join('\n'));
  return ok;
}

export function runSearch(words: string[], opts: { limit: number; json: boolean }, catalog: Catalog, io: Io): void {
  const all = searchCatalog(catalog.entries, words);
  const hits = all.slice(0, opts.limit);
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(hits.map((h) => ({ score: h.score, ...h.entry })), null, 2)}\n`);
    return;
  }
  if (hits.length === 0) {
    io.stdout.write(`no message matches "${terminalSafe(words.join(' '))}"\n`);
    return;
  }
  const table = makeTable(['id', 'sev', 'category', 'format'], { wordWrap: true, colWidths: [8, 5, 16, Math.max(40, width(io) - 35)] });
  for (const { entry } of hits) table.push([entry.id, String(entry.severity), entry.category, terminalSafe(entry.variants[0]?.format ?? '')]);
  io.stdout.write(`${table.toString()}\n`);
  if (all.length > hits.length) io.stdout.write(`${hits.length} of ${all.length} shown; --limit ${all.length} to see them all\n`);
}

export function runList(catalog: Catalog, opts: { severity?: string; category?: string; platform?: string; lang: Lang; json: boolean }, io: Io): void {
  const sev = opts.severity ? parseSeverityExpr(opts.severity) : () => true;
  const cats = opts.category ? categoryList(opts.category) : null;
  const platform = opts.platform?.toUpperCase();
  if (platform !== undefined && platform !== 'ASA' && platform !== 'FTD') throw new UsageError(`--platform "${opts.platform}" is not a platform: use ASA or FTD`);
  const entries = catalog.entries.filter((e) => sev(e.severity) && (!cats || cats.has(e.category)) && (!platform || (e.platforms as string[]).includes(platform)));
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return;
  }
  const table = makeTable(['id', 'severity', 'category', 'platforms', 'meaning'], { compact: true });
  for (const e of entries) table.push([e.id, `${e.severity} ${severityName(e.severity)}`, e.category, e.platforms.join(','), terminalSafe(shortMeaning(e, opts.lang, 60))]);
  io.stdout.write(`${table.toString()}\n${entries.length} messages\n`);
}

export function runCategories(catalog: Catalog, json: boolean, io: Io): void {
  const counts = new Map<string, number>();
  for (const e of catalog.entries) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
  const rows = allCategories().map((c) => ({ keyword: c.keyword, title: categoryTitle(c.keyword), prefixes: c.prefixes, messages: counts.get(c.keyword) ?? 0 }));
  for (const [keyword, n] of counts) if (!rows.some((r) => r.keyword === keyword)) rows.push({ keyword, title: categoryTitle(keyword), prefixes: [], messages: n });
  if (json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const table = makeTable(['keyword', 'title', 'ID prefixes', 'IDs'], { compact: true, wordWrap: true, colWidths: [26, 36, Math.max(20, width(io) - 78), 7] });
  for (const r of rows) table.push([r.keyword, r.title, r.prefixes.join(' '), String(r.messages)]);
  io.stdout.write(`${table.toString()}\n`);
}
