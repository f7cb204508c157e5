import { Option, type Command } from 'commander';
import { userCatalogPath } from '../catalog/config-paths.js';
import { loadCatalog } from '../catalog/load.js';
import { EXIT } from '../errors.js';
import { catalogFor, type CommandContext } from './context.js';
import { catalogOption, parseFileName } from './options.js';

interface CatalogFlags {
  catalog?: string;
  json?: boolean;
}

interface ImportFlags {
  catalog?: string;
  partial?: boolean;
  dryRun?: boolean;
}

// the actions load only when one of these commands runs
const run = (): Promise<typeof import('./catalog-run.js')> => import('./catalog-run.js');

/** `asalog catalog build|stats|import|export|list-sources`. */
export function defineCatalog(program: Command, { io, setExit }: CommandContext): void {
  const catalog = program.command('catalog').description('build, inspect and extend the message catalog');
  catalog.command('build')
    .description('rebuild catalog/messages.json from the documents in catalog/sources')
    .option('--check', 'do not write; exit 2 when the committed file is stale')
    .action(async (flags: { check?: boolean }) => {
      if (!(await run()).runCatalogCommand('build', { check: flags.check === true }, io)) setExit(EXIT.input);
    });
  catalog.command('stats')
    .description('IDs, variants, languages, severities, categories and notes')
    .option('--json', 'print JSON')
    .addOption(catalogOption())
    .action(async (flags: CatalogFlags) => {
      (await run()).runCatalogCommand('stats', { json: flags.json === true, catalog: catalogFor(flags, io) }, io);
    });
  catalog.command('import')
    .description('add chapters of Cisco\'s syslog message reference (text, en/ja/zh layouts) to your catalog')
    .argument('<files...>', 'chapter text files')
    .option('--catalog <file>', 'import into this catalog file instead of ~/.config/asalog/catalog.json', parseFileName('--catalog'))
    .option('--partial', 'import the entries that parsed even when parts of a chapter did not')
    .option('--dry-run', 'report what would change without writing')
    .action(async (files: string[], flags: ImportFlags) => {
      const target = flags.catalog ?? userCatalogPath(io.env);
      const ok = await (await run()).runImport(files, { target, partial: flags.partial === true, dryRun: flags.dryRun === true }, loadCatalog({}), io);
      if (!ok) setExit(EXIT.input);
    });
  catalog.command('export')
    .description('the catalog as a lookup table keyed by message ID (e.g. a Splunk lookup CSV)')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .addOption(catalogOption())
    .action(async (flags: CatalogFlags & { format: 'csv' | 'json' }) => {
      const { exportCsv, exportJson } = await import('../render/catalog-export.js');
      const entries = catalogFor(flags, io).entries;
      io.stdout.write(flags.format === 'json' ? exportJson(entries) : exportCsv(entries));
    });
  catalog.command('list-sources')
    .description('which catalog files are in use, in order of precedence')
    .addOption(catalogOption())
    .action(async (flags: CatalogFlags) => {
      (await run()).runCatalogCommand('list-sources', { catalog: catalogFor(flags, io) }, io);
    });
}
