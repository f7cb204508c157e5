import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DIR, BUNDLED_MESSAGES, type Catalog } from '../catalog/load.js';
import { catalogFromSources, serializeCatalog } from '../catalog/build/build.js';
import { catalogStats } from '../catalog/stats.js';
import { warn, type Io } from '../io.js';
import { makeTable } from '../render/table.js';
import { severityName } from '../parse/severity.js';
import { writeFileSync } from 'node:fs';
import { planImport, readChapters, readUserCatalog, writeUserCatalog } from '../catalog/import.js';
import { describeReadError } from '../input/read-error.js';
import { InputError } from '../errors.js';

const SOURCES_DIR = join(BUNDLED_DIR, 'sources');

type CatalogCommand = 'build' | 'stats' | 'list-sources';

/** `asalog catalog …`; false when the command failed (a stale catalog under --check). */
export function runCatalogCommand(command: CatalogCommand, opts: { check?: boolean; json?: boolean; catalog?: Catalog }, io: Io): boolean {
  switch (command) {
    case 'build': {
      const text = serializeCatalog(catalogFromSources(SOURCES_DIR));
      const current = readIfExists(BUNDLED_MESSAGES);
      if (opts.check) {
        if (current === text) {
          io.stdout.write(`${BUNDLED_MESSAGES} is up to date\n`);
          return true;
        }
        warn(io, `${BUNDLED_MESSAGES} is stale; run \`npm run catalog\` to rebuild it`);
        return false;
      }
      if (current !== text) writeFileSync(BUNDLED_MESSAGES, text);
      const ids = (JSON.parse(text) as { messages: unknown[] }).messages.length;
      io.stdout.write(`${current === text ? 'unchanged' : 'wrote'} ${BUNDLED_MESSAGES}: ${ids} message IDs\n`);
      return true;
    }
    case 'stats': {
      const stats = catalogStats(opts.catalog!);
      if (opts.json) {
        io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
        return true;
      }
      const lines = [
        `message IDs  ${stats.ids}   variants ${stats.variants}   notes ${stats.notes}`,
        `by origin    ${Object.entries(stats.byOrigin).map(([k, v]) => `${k} ${v}`).join('   ')}`,
        `by language  ${Object.entries(stats.byLanguage).map(([k, v]) => `${k} ${v}`).join('   ')}  (IDs with text in that language)`,
        `by platform  ${Object.entries(stats.byPlatform).map(([k, v]) => `${k} ${v}`).join('   ')}`,
      ];
      const sev = makeTable(['severity', 'IDs'], { compact: true });
      for (const [level, n] of Object.entries(stats.bySeverity)) sev.push([`${level} ${severityName(Number(level))}`, String(n)]);
      const cat = makeTable(['category', 'IDs'], { compact: true });
      for (const [c, n] of Object.entries(stats.byCategory)) cat.push([c, String(n)]);
      io.stdout.write(`${lines.join('\n')}\n${sev.toString()}\n${cat.toString()}\n`);
      return true;
    }
    case 'list-sources': {
      const table = makeTable(['precedence', 'origin', 'IDs', 'file'], { compact: true });
      opts.catalog!.sources.forEach((s, i) => table.push([String(i + 1), s.origin, String(s.count), s.file]));
      io.stdout.write(`${table.toString()}\nlater sources win for the same ID\n`);
      return true;
    }
  }
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export interface ImportOptions {
  /** the catalog file to extend: `--catalog`, else the user catalog in the config dir */
  target: string;
  /** accept the entries that parsed even when some part of a chapter did not */
  partial: boolean;
  dryRun: boolean;
}

/** `asalog catalog import`: nothing is written unless every chapter parsed (or --partial). */
export async function runImport(paths: string[], opts: ImportOptions, bundled: Catalog, io: Io): Promise<boolean> {
  let chapters;
  try {
    chapters = await readChapters(paths);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new InputError(`${e.path ?? paths.join(', ')}: ${describeReadError(err)}`);
  }
  const plan = planImport(chapters, readUserCatalog(opts.target), bundled);
  for (const p of plan.problems) warn(io, `${p.file}:${p.line}: ${p.message}`);
  const blocked = plan.problems.length > 0 && !(opts.partial && plan.added.length + plan.replaced.length > 0);
  const summary = `${plan.added.length} added, ${plan.replaced.length} replaced, ${plan.problems.length} could not be parsed`;
  if (blocked) {
    warn(io, `import failed (${summary}); ${opts.target} was not changed${opts.partial ? '' : ' (use --partial to import the entries that did parse)'}`);
    return false;
  }
  if (!opts.dryRun) writeUserCatalog(opts.target, plan.result, paths);
  io.stdout.write(`${opts.dryRun ? 'would import' : 'imported'} into ${opts.target}: ${summary}\n`);
  if (plan.added.length) io.stdout.write(`  added: ${plan.added.join(' ')}\n`);
  if (plan.replaced.length) io.stdout.write(`  replaced: ${plan.replaced.join(' ')}\n`);
  if (plan.overridesBundled.length) io.stdout.write(`  now overriding the bundled entry: ${plan.overridesBundled.join(' ')}\n`);
  return true;
}
