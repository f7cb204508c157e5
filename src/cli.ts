import { Command, CommanderError, Option } from 'commander';
import { loadCatalog, type Catalog } from './catalog/load.js';
import { addFilterOptions, addInputOptions, colorOption, langOption, parsePositiveInt } from './commands/options.js';
import type { Bucket, Pivot } from './render/summary-report.js';
import type { SummaryOutput } from './summary/options.js';
import { userCatalogPath } from './catalog/config-paths.js';
import { InputError, UsageError } from './errors.js';
import { describeReadError } from './input/read-error.js';
import { mistypedCommand } from './commands/typo.js';
import { warn, type Io } from './io.js';
import { resolveLang } from './catalog/lang.js';
import { createPalette } from './render/create-palette.js';
import { decideColor, type ColorMode, type Palette } from './render/palette.js';
import type { StreamOutput } from './stream/options.js';

// Commands load their modules when they run: `explain` must not pay for the stream and summary
// machinery at start-up (cold start is measured by `npm run bench`).
const runStream: typeof import('./stream/run.js').runStream = async (...a) => (await import('./stream/run.js')).runStream(...a);
const runSummary: typeof import('./summary/run.js').runSummary = async (...a) => (await import('./summary/run.js')).runSummary(...a);
const docs = (): Promise<typeof import('./commands/docs.js')> => import('./commands/docs.js');

/** Exit codes, in one place: documented in the README. */
export const EXIT = { ok: 0, usage: 1, input: 2, interrupted: 130 } as const;

type Opts = Record<string, unknown> & { catalog?: string; color?: ColorMode; lang?: string };

function catalogFor(opts: Opts, io: Io): Catalog {
  return loadCatalog({ catalogFile: opts.catalog, userCatalogFile: userCatalogPath(io.env) });
}

function paletteFor(opts: Opts, io: Io): Promise<Palette> {
  return createPalette(decideColor(opts.color ?? 'auto', io.env, io.stdout.isTTY === true));
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('asalog')
    .description('Classify, filter, explain and summarize Cisco ASA and FTD syslog.\n\nWith no command: read log files (or stdin), classify every line and print it.')
    .version('0.1.0')
    .enablePositionalOptions()
    // Set before the subcommands are added: they copy these settings when created.
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`asalog: ${text.replace(/^error: /, '')}`) })
    .argument('[files...]', 'log files, gzip or plain; - or none for stdin')
    .addOption(new Option('-o, --output <format>', 'text (default on a terminal), raw (default in a pipe), json, csv, ecs (Elastic Common Schema NDJSON)').choices(['text', 'raw', 'json', 'csv', 'ecs']))
    .option('-H, --with-filename', 'prefix raw lines with their file name')
    .option('-f, --follow', 'keep reading files as they grow, like tail -F')
    .option('--infer', 'identify lines without an ASA/FTD tag by matching their text against every format')
    .addOption(langOption())
    .addOption(colorOption());
  addFilterOptions(program);
  addInputOptions(program);
  program.action(async (files: string[], opts: Opts) => {
    const meant = mistypedCommand(files[0], program.commands.map((c) => c.name()));
    if (meant !== null) throw new UsageError(`unknown command '${files[0]}'; did you mean '${meant}'? (to read a file of that name, write ./${files[0]})`);
    if (files.length === 0 && io.stdin.isTTY) {
      throw new UsageError('no input: give log files, or pipe logs in (e.g. `tail -f /var/log/asa.log | asalog`); see `asalog --help`');
    }
    const output = (opts.output as StreamOutput | undefined) ?? (io.stdout.isTTY ? 'text' : 'raw');
    const result = await runStream(files, {
      ...(opts as object),
      output,
      withFilename: opts.withFilename === true,
      follow: opts.follow === true,
      infer: opts.infer === true,
      year: opts.year as number | undefined,
      lang: resolveLang(opts.lang, io.env),
      maxLineBytes: opts.maxLine as number,
    }, catalogFor(opts, io), await paletteFor(opts, io), io);
    if (result.unreadable > 0) setExit(EXIT.input);
    if (io.signal.aborted) setExit(EXIT.interrupted);
  });

  const summary = program.command('summary')
    .description('what is in a log: totals, severities, categories, top IDs, hosts, overrides, timeline')
    .argument('[files...]', 'log files, gzip or plain; - or none for stdin')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .option('--top <n>', 'rows in the top-IDs and other tables', parsePositiveInt('--top'), 15)
    .addOption(new Option('--by <pivot>', 'the main table').choices(['id', 'category', 'severity', 'host']).default('id'))
    .addOption(new Option('--bucket <size>', 'timeline bucket (default: chosen from the span)').choices(['minute', 'hour', 'day']))
    .option('--html <file>', 'also write a self-contained HTML report')
    .addOption(langOption())
    .addOption(colorOption());
  addFilterOptions(summary);
  addInputOptions(summary);
  summary.action(async (files: string[], opts: Opts) => {
    if (files.length === 0 && io.stdin.isTTY) {
      throw new UsageError('no input: give log files, or pipe logs in (e.g. `asalog summary fw.log`); see `asalog summary --help`');
    }
    const result = await runSummary(files, {
      ...(opts as object),
      output: opts.output as SummaryOutput,
      top: opts.top as number,
      by: opts.by as Pivot,
      bucket: opts.bucket as Bucket | undefined,
      html: opts.html as string | undefined,
      year: opts.year as number | undefined,
      lang: resolveLang(opts.lang, io.env),
      maxLineBytes: opts.maxLine as number,
    }, catalogFor(opts, io), await paletteFor(opts, io), io);
    // Ctrl-C on an endless stdin prints the summary of what was read: a normal end.
    if (result.unreadable > 0) setExit(EXIT.input);
  });

  program.command('explain')
    .description('show the documentation of message IDs, tags or whole log lines')
    .argument('<items...>', '722001, ASA-4-722001, %FTD-4-722001 or a whole log line')
    .addOption(langOption())
    .addOption(colorOption())
    .option('--json', 'print the catalog entries as JSON')
    .option('--catalog <file>', 'use this catalog file instead of your catalog in ~/.config/asalog')
    .action(async (items: string[], opts: Opts) => {
      const ok = (await docs()).runExplain(items, { lang: resolveLang(opts.lang, io.env), json: opts.json === true }, catalogFor(opts, io), await paletteFor(opts, io), io);
      if (!ok) setExit(EXIT.input);
    });

  program.command('search')
    .description('search formats, explanations, actions and variables in every language')
    .argument('<words...>', 'words that must all occur (case-insensitive; Japanese and Chinese by substring)')
    .option('--limit <n>', 'show at most n results', (v) => Number(v), 30)
    .option('--json', 'print the matching entries as JSON')
    .addOption(colorOption())
    .option('--catalog <file>', 'use this catalog file instead of your catalog in ~/.config/asalog')
    .action(async (words: string[], opts: Opts) => {
      (await docs()).runSearch(words, { limit: opts.limit as number, json: opts.json === true }, catalogFor(opts, io), io);
    });

  program.command('list')
    .description('list the catalog')
    .option('-s, --severity <expr>', 'documented severity: 3, <=4, err, 0-3 …')
    .option('-c, --category <list>', 'logging classes, comma-separated')
    .option('--platform <name>', 'ASA or FTD')
    .option('--categories', 'list the logging classes with their message counts instead')
    .addOption(langOption())
    .option('--json', 'print an array of entries')
    .option('--catalog <file>', 'use this catalog file instead of your catalog in ~/.config/asalog')
    .action(async (opts: Opts) => {
      const { runCategories, runList } = await docs();
      const catalog = catalogFor(opts, io);
      if (opts.categories) runCategories(catalog, opts.json === true, io);
      else runList(catalog, { severity: opts.severity as string, category: opts.category as string, platform: opts.platform as string, lang: resolveLang(opts.lang, io.env), json: opts.json === true }, io);
    });

  program.command('categories')
    .description('logging classes with their titles and message counts')
    .option('--json', 'print JSON')
    .option('--catalog <file>', 'use this catalog file instead of your catalog in ~/.config/asalog')
    .action(async (opts: Opts) => (await docs()).runCategories(catalogFor(opts, io), opts.json === true, io));

  const catalog = program.command('catalog').description('build, inspect and extend the message catalog');
  catalog.command('build')
    .description('rebuild catalog/messages.json from the documents in catalog/sources')
    .option('--check', 'do not write; exit 2 when the committed file is stale')
    .action(async (opts: Opts) => {
      const { runCatalogCommand } = await import('./commands/catalog.js');
      if (!runCatalogCommand('build', { check: opts.check === true }, io)) setExit(EXIT.input);
    });
  catalog.command('stats')
    .description('IDs, variants, languages, severities, categories and notes')
    .option('--json', 'print JSON')
    .option('--catalog <file>', 'use this catalog file instead of your catalog in ~/.config/asalog')
    .action(async (opts: Opts) => {
      const { runCatalogCommand } = await import('./commands/catalog.js');
      runCatalogCommand('stats', { json: opts.json === true, catalog: catalogFor(opts, io) }, io);
    });
  catalog.command('import')
    .description('add chapters of Cisco\'s syslog message reference (text, en/ja/zh layouts) to your catalog')
    .argument('<files...>', 'chapter text files')
    .option('--catalog <file>', 'import into this catalog file instead of ~/.config/asalog/catalog.json')
    .option('--partial', 'import the entries that parsed even when parts of a chapter did not')
    .option('--dry-run', 'report what would change without writing')
    .action(async (files: string[], opts: Opts) => {
      const { runImport } = await import('./commands/catalog.js');
      const target = opts.catalog ?? userCatalogPath(io.env);
      const ok = runImport(files, { target, partial: opts.partial === true, dryRun: opts.dryRun === true }, loadCatalog({}), io);
      if (!ok) setExit(EXIT.input);
    });
  catalog.command('export')
    .description('the catalog as a lookup table keyed by message ID (e.g. a Splunk lookup CSV)')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--catalog <file>', 'use this catalog file instead of your catalog in ~/.config/asalog')
    .action(async (opts: Opts) => {
      const { exportCsv, exportJson } = await import('./render/catalog-export.js');
      const entries = catalogFor(opts, io).entries;
      io.stdout.write(opts.format === 'json' ? exportJson(entries) : exportCsv(entries));
    });
  catalog.command('list-sources')
    .description('which catalog files are in use, in order of precedence')
    .option('--catalog <file>', 'use this catalog file instead of your catalog in ~/.config/asalog')
    .action(async (opts: Opts) => {
      const { runCatalogCommand } = await import('./commands/catalog.js');
      runCatalogCommand('list-sources', { catalog: catalogFor(opts, io) }, io);
    });

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const controller = new AbortController();
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal: controller.signal };
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // `asalog … | head`: the reader has gone, which is a normal end.
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  let exitCode: number = EXIT.ok;
  let interrupts = 0;
  const interrupt = (signal: NodeJS.Signals) => {
    // First signal: stop reading and report what was read; a second one ends at once.
    if (++interrupts > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const program = buildProgram(io, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    exitCode = handleError(err, io);
  }
  process.exitCode = exitCode;
  // An interrupted read may leave stdin with a pending read that would keep Node alive.
  if (controller.signal.aborted) process.stdout.write('', () => process.exit(exitCode));
}

/** Expected errors print one sentence; anything else is a bug and prints its stack. */
function handleError(err: unknown, io: Io): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof UsageError) {
    warn(io, err.message);
    return EXIT.usage;
  }
  if (err instanceof InputError) {
    warn(io, err.message);
    return EXIT.input;
  }
  // A file the user named could not be written or read (`--html /no/such/dir/r.html`): not a bug.
  const sys = err as NodeJS.ErrnoException;
  if (typeof sys?.syscall === 'string' && typeof sys.path === 'string') {
    warn(io, `${sys.path}: ${describeReadError(err)}`);
    return EXIT.input;
  }
  // The system refused a read or write with no path to name (a full disk, an I/O error): not a bug either.
  if (typeof sys?.syscall === 'string' && typeof sys.code === 'string') {
    warn(io, `${sys.syscall} failed: ${describeReadError(err)}`);
    return EXIT.input;
  }
  io.stderr.write(`asalog: internal error — please report it with the command that caused it.\n${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.input;
}
