import { InvalidArgumentError, Option, type Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import type { ColorMode } from '../render/palette.js';
import type { StreamOptions, StreamOutput } from '../stream/options.js';
import { catalogFor, paletteFor, type CommandContext } from './context.js';
import { addFilterOptions, addInputOptions, colorOption, langOption, sharedOptions, type FilterFlags, type InputFlags } from './options.js';
import { closestName, mistypedCommand } from './typo.js';
import { CANONICAL_NAMES, isCanonicalField } from '../fields/vocabulary.js';
import { hintEmptyResult } from './empty-hint.js';
import { hasFilter } from '../filter/compile.js';
import { parseLineStart, type LineStart } from '../input/tail-start.js';

function parseLines(value: string): LineStart {
  const start = parseLineStart(value);
  if (start === null) throw new InvalidArgumentError('use a number of lines from the end (10), +k to start at line k (+1: the whole file), or 0 for only new lines.');
  return start;
}

function parseFieldList(value: string): string[] {
  const names = value.split(',').map((n) => n.trim()).filter((n) => n !== '');
  for (const n of names) {
    if (isCanonicalField(n)) continue;
    const near = closestName(n, CANONICAL_NAMES);
    throw new InvalidArgumentError(`"${n}" is not a canonical field${near ? `; did you mean ${near}?` : ''} (one of: ${CANONICAL_NAMES.join(', ')})`);
  }
  if (names.length === 0) throw new InvalidArgumentError(`name at least one field (one of: ${CANONICAL_NAMES.join(', ')})`);
  return names;
}

/** What commander hands the default command's action. */
export interface StreamFlags extends FilterFlags, InputFlags {
  output?: StreamOutput;
  withFilename?: boolean;
  follow?: boolean;
  infer?: boolean;
  count?: boolean;
  compact?: boolean;
  lines?: LineStart;
  lang?: string;
  fields?: string[];
  color: ColorMode;
}

/** The default command (no command name): every line of the inputs, classified and written. */
export function defineStream(program: Command, { io, setExit }: CommandContext): void {
  program
    .argument('[files...]', 'log files, gzip or plain; - or none for stdin')
    .addOption(new Option('-o, --output <format>', 'text (default on a terminal), raw (default in a pipe), json, csv, ecs (Elastic Common Schema NDJSON)').choices(['text', 'raw', 'json', 'csv', 'ecs']))
    .option('-H, --with-filename', 'prefix raw lines with their file name')
    .option('-f, --follow', 'keep reading files as they grow, like tail -F (from their last 10 lines; see -n)')
    .option('-n, --lines <n>', 'the last n lines of each input (with -f: then follow); +k: from line k on; 0: only new lines', parseLines)
    .option('--infer', 'identify lines without an ASA/FTD tag by matching their text against every format')
    .option('--compact', 'text view in short: time, host, severity, ID and message; no syslog header, no meaning')
    .option('--count', 'print how many lines pass the filters instead of the lines (per file with -H or several files, like grep -c)')
    .option('--fields <names>', 'with -o csv: add these canonical fields as columns, comma-separated (src_ip,dst_port,user …; see README "Fields")', parseFieldList)
    .addOption(langOption())
    .addOption(colorOption());
  addFilterOptions(program);
  addInputOptions(program);
  program.action(async (files: string[], flags: StreamFlags) => {
    const meant = mistypedCommand(files[0], program.commands.map((c) => c.name()));
    if (meant !== null) throw new UsageError(`unknown command '${files[0]}'; did you mean '${meant}'? (to read a file of that name, write ./${files[0]})`);
    if (files.length === 0 && io.stdin.isTTY) {
      throw new UsageError('no input: give log files, or pipe logs in (e.g. `tail -f /var/log/asa.log | asalog`); see `asalog --help`');
    }
    const count = flags.count === true;
    if (flags.compact && flags.output !== undefined && flags.output !== 'text') throw new UsageError(`--compact is a form of the text view; it cannot be used with -o ${flags.output}`);
    if (flags.fields && flags.output !== 'csv') throw new UsageError('--fields chooses CSV columns: use it with -o csv (json and ecs carry every field already)');
    if (count && flags.follow) throw new UsageError('--count needs inputs that end; it cannot be used with --follow');
    const options: StreamOptions = {
      ...sharedOptions(flags, io.env),
      // counted lines are not written: the raw output takes the fastest path
      output: count ? 'raw' : flags.compact ? 'text' : flags.output ?? (io.stdout.isTTY ? 'text' : 'raw'),
      compact: flags.compact === true,
      // fitted to the terminal, and to it again when it is resized; a pipe gets whole lines
      width: io.stdout.isTTY ? (io.stdout as NodeJS.WriteStream).columns ?? null : null,
      withFilename: flags.withFilename === true && !count,
      follow: flags.follow === true,
      infer: flags.infer === true,
      count,
      // like tail -F: following starts at the last 10 lines, not with the whole file
      start: flags.lines ?? (flags.follow ? { last: 10, implied: true } : undefined),
      ...(flags.fields ? { fields: flags.fields } : {}),
    };
    const resized = () => (options.width = (io.stdout as NodeJS.WriteStream).columns ?? null);
    if (io.stdout.isTTY) io.stdout.on('resize', resized);
    // loaded when it runs: `explain` must not pay for the stream machinery at start-up
    const { runStream } = await import('../stream/run.js');
    const result = await runStream(files, options, catalogFor(flags, io, options.lang), await paletteFor(flags, io), io);
    if (count) io.stdout.write(countLines(result.files, flags.withFilename === true || files.length > 1));
    else if (result.matched === 0 && result.lines > 0 && hasFilter(options) && !io.signal.aborted) await hintEmptyResult(files, options, io);
    if (result.unreadable > 0) setExit(EXIT.input);
    if (io.signal.aborted) setExit(EXIT.interrupted);
  });
}

/** `--count`, as grep -c writes it: `N`, or `file:N` per input. */
function countLines(files: { file: string; matched: number }[], named: boolean): string {
  if (!named) return `${files.reduce((n, f) => n + f.matched, 0)}\n`;
  return files.map((f) => `${f.file}:${f.matched}\n`).join('');
}
