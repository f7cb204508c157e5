import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { defineCatalog } from './catalog.js';
import type { CommandContext } from './context.js';
import { UsageError } from '../errors.js';
import { defineDocs } from './docs.js';
import { defineCompletion } from './completion.js';
import { addExamples } from './examples.js';
import { defineStream } from './stream.js';
import { defineSummary } from './summary.js';

/** The version users see is the package's: read from package.json, one directory above src/ and dist/. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * Options written before the command name (`asalog --lang ja explain 722001`) are the root's:
 * each goes to the command when it has that option (the command's own, written after its name,
 * still wins), and is a usage error when it does not, rather than silently ignored.
 */
function passRootOptions(root: Command, sub: Command): void {
  for (const option of root.options) {
    const key = option.attributeName();
    if (root.getOptionValueSource(key) !== 'cli') continue;
    const own = sub.options.find((o) => o.attributeName() === key);
    if (own === undefined) {
      throw new UsageError(`${option.long ?? option.flags} does not apply to \`asalog ${sub.name()}\`; see \`asalog ${sub.name()} --help\``);
    }
    const value: unknown = root.getOptionValue(key);
    // the command's own choices decide (-o raw is the stream view's, not summary's)
    if (own.argChoices && !own.argChoices.includes(String(value))) {
      throw new UsageError(`option '${own.flags}' argument '${String(value)}' is invalid for \`asalog ${sub.name()}\`. Allowed choices are ${own.argChoices.join(', ')}.`);
    }
    sub.setOptionValueWithSource(key, value, 'cli');
  }
}

/** The whole command line: the default command (the stream view) and every subcommand. */
export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('asalog')
    .description('Classify, filter, explain and summarize Cisco ASA and FTD syslog.\n\nWith no command: read log files (or stdin), classify every line and print it.')
    .version(packageVersion())
    .enablePositionalOptions()
    // Set before the subcommands are added: they copy these settings when created.
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`asalog: ${text.replace(/^error: /, '')}`) });
  program.hook('preSubcommand', (root, sub) => passRootOptions(root, sub));
  defineStream(program, ctx);
  defineSummary(program, ctx);
  defineDocs(program, ctx);
  defineCatalog(program, ctx);
  defineCompletion(program, ctx);
  addExamples(program);
  return program;
}
