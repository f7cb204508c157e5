import { Option, type Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import type { ColorMode } from '../render/palette.js';
import type { StreamOptions, StreamOutput } from '../stream/options.js';
import { catalogFor, paletteFor, type CommandContext } from './context.js';
import { addFilterOptions, addInputOptions, colorOption, langOption, sharedOptions, type FilterFlags, type InputFlags } from './options.js';
import { mistypedCommand } from './typo.js';

/** What commander hands the default command's action. */
export interface StreamFlags extends FilterFlags, InputFlags {
  output?: StreamOutput;
  withFilename?: boolean;
  follow?: boolean;
  infer?: boolean;
  lang?: string;
  color: ColorMode;
}

/** The default command (no command name): every line of the inputs, classified and written. */
export function defineStream(program: Command, { io, setExit }: CommandContext): void {
  program
    .argument('[files...]', 'log files, gzip or plain; - or none for stdin')
    .addOption(new Option('-o, --output <format>', 'text (default on a terminal), raw (default in a pipe), json, csv, ecs (Elastic Common Schema NDJSON)').choices(['text', 'raw', 'json', 'csv', 'ecs']))
    .option('-H, --with-filename', 'prefix raw lines with their file name')
    .option('-f, --follow', 'keep reading files as they grow, like tail -F')
    .option('--infer', 'identify lines without an ASA/FTD tag by matching their text against every format')
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
    const options: StreamOptions = {
      ...sharedOptions(flags, io.env),
      output: flags.output ?? (io.stdout.isTTY ? 'text' : 'raw'),
      withFilename: flags.withFilename === true,
      follow: flags.follow === true,
      infer: flags.infer === true,
    };
    // loaded when it runs: `explain` must not pay for the stream machinery at start-up
    const { runStream } = await import('../stream/run.js');
    const result = await runStream(files, options, catalogFor(flags, io), await paletteFor(flags, io), io);
    if (result.unreadable > 0) setExit(EXIT.input);
    if (io.signal.aborted) setExit(EXIT.interrupted);
  });
}
