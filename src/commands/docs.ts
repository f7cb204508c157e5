import type { Command } from 'commander';
import { resolveLang } from '../catalog/lang.js';
import { EXIT } from '../errors.js';
import type { ColorMode } from '../render/palette.js';
import { catalogFor, paletteFor, type CommandContext } from './context.js';
import { catalogOption, colorOption, langOption, parsePositiveInt } from './options.js';

interface DocsFlags {
  catalog?: string;
  json?: boolean;
}

interface ExplainFlags extends DocsFlags {
  lang?: string;
  color: ColorMode;
}

interface SearchFlags extends DocsFlags {
  limit: number;
  color: ColorMode;
}

interface ListFlags extends DocsFlags {
  severity?: string;
  category?: string;
  platform?: string;
  categories?: boolean;
  lang?: string;
}

// the actions load only when one of these commands runs (cold start of explain is measured)
const run = (): Promise<typeof import('./docs-run.js')> => import('./docs-run.js');

/** explain, search, list, categories: the catalog's documentation. */
export function defineDocs(program: Command, { io, setExit }: CommandContext): void {
  program.command('explain')
    .description('show the documentation of message IDs, tags or whole log lines')
    .argument('<items...>', '722001, ASA-4-722001, %FTD-4-722001 or a whole log line')
    .addOption(langOption())
    .addOption(colorOption())
    .option('--json', 'print the catalog entries as JSON')
    .addOption(catalogOption())
    .action(async (items: string[], flags: ExplainFlags) => {
      const lang = resolveLang(flags.lang, io.env);
      // --json prints whole entries: every language
      const ok = (await run()).runExplain(items, { lang, json: flags.json === true }, catalogFor(flags, io, flags.json ? undefined : lang), await paletteFor(flags, io), io);
      if (!ok) setExit(EXIT.input);
    });

  program.command('search')
    .description('search formats, explanations, actions and variables in every language')
    .argument('<words...>', 'words that must all occur (case-insensitive; Japanese and Chinese by substring)')
    .option('--limit <n>', 'show at most n results', parsePositiveInt('--limit'), 30)
    .option('--json', 'print the matching entries as JSON')
    .addOption(colorOption())
    .addOption(catalogOption())
    .action(async (words: string[], flags: SearchFlags) => {
      (await run()).runSearch(words, { limit: flags.limit, json: flags.json === true }, catalogFor(flags, io), io);
    });

  program.command('list')
    .description('list the catalog')
    .option('-s, --severity <expr>', 'documented severity: err or 3 (that level and more severe), =3 (only 3), 0-3, 1,3')
    .option('-c, --category <list>', 'logging classes, comma-separated')
    .option('--platform <name>', 'ASA or FTD')
    .option('--categories', 'list the logging classes with their message counts instead')
    .addOption(langOption())
    .option('--json', 'print an array of entries')
    .addOption(catalogOption())
    .action(async (flags: ListFlags) => {
      const { runCategories, runList } = await run();
      const catalog = catalogFor(flags, io, flags.json ? undefined : resolveLang(flags.lang, io.env));
      if (flags.categories) runCategories(catalog, flags.json === true, io);
      else runList(catalog, { severity: flags.severity, category: flags.category, platform: flags.platform, lang: resolveLang(flags.lang, io.env), json: flags.json === true }, io);
    });

  program.command('categories')
    .description('logging classes with their titles and message counts')
    .option('--json', 'print JSON')
    .addOption(catalogOption())
    .action(async (flags: DocsFlags) => (await run()).runCategories(catalogFor(flags, io), flags.json === true, io));
}
