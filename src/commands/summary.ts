import { InvalidArgumentError, Option, type Command } from 'commander';
import { CANONICAL_NAMES, isCanonicalField } from '../fields/vocabulary.js';
import { closestName } from './typo.js';
import { EXIT, UsageError } from '../errors.js';
import type { ColorMode } from '../render/palette.js';
import type { Bucket, Pivot } from '../render/summary-report.js';
import type { SummaryOptions, SummaryOutput } from '../summary/options.js';
import { catalogFor, paletteFor, type CommandContext } from './context.js';
import { hintEmptyResult } from './empty-hint.js';
import { hasFilter } from '../filter/compile.js';
import { addFilterOptions, addInputOptions, colorOption, langOption, parseFileName, parsePositiveInt, sharedOptions, type FilterFlags, type InputFlags } from './options.js';

/** What commander hands `summary`'s action. */
export interface SummaryFlags extends FilterFlags, InputFlags {
  output: SummaryOutput;
  top: number;
  by: Pivot;
  sections?: boolean;
  bucket?: Bucket;
  html?: string;
  lang?: string;
  color: ColorMode;
}

const PIVOTS = ['id', 'category', 'severity', 'host'];

function parsePivot(value: string): Pivot {
  if (PIVOTS.includes(value) || isCanonicalField(value)) return value;
  const near = closestName(value, [...PIVOTS, ...CANONICAL_NAMES]);
  throw new InvalidArgumentError(`use id, category, severity, host or a canonical field (${CANONICAL_NAMES.join(', ')})${near ? `; did you mean ${near}?` : ''}`);
}

export function defineSummary(program: Command, { io, setExit }: CommandContext): void {
  const summary = program.command('summary')
    .description('what is in a log: totals, severities, categories, top IDs, hosts, overrides, timeline')
    .argument('[files...]', 'log files, gzip or plain; - or none for stdin')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .option('--top <n>', 'rows in the top-IDs and other tables', parsePositiveInt('--top'), 15)
    .option('--by <pivot>', 'the main table: id, category, severity, host, or a canonical field (src_ip, dst_port, user, acl …)', parsePivot, 'id')
    .addOption(new Option('--bucket <size>', 'timeline bucket (default: chosen from the span)').choices(['minute', 'hour', 'day']))
    .option('--html <file>', 'also write a self-contained HTML report', parseFileName('--html'))
    .option('--sections', 'also say what happened: denied traffic, connections, VPN sessions, logins, administration, failover (reads the fields of the messages that can carry them: slower)')
    .addOption(langOption())
    .addOption(colorOption());
  addFilterOptions(summary);
  addInputOptions(summary);
  summary.action(async (files: string[], flags: SummaryFlags) => {
    if (files.length === 0 && io.stdin.isTTY) {
      throw new UsageError('no input: give log files, or pipe logs in (e.g. `asalog summary fw.log`); see `asalog summary --help`');
    }
    const options: SummaryOptions = {
      ...sharedOptions(flags, io.env),
      output: flags.output,
      top: flags.top,
      by: flags.by,
      bucket: flags.bucket,
      html: flags.html,
      sections: flags.sections === true,
    };
    // before the catalog loads, which grows the young generation to 8 MB: set after it, peak RSS
    // was 6 MB higher in one thread (111 MB log) and 190 MB instead of 173-180 on the pool (1.1 GB)
    if (options.sections || isCanonicalField(options.by)) (await import('../summary/heap-budget.js')).keepHeapsNearLive();
    // loaded when it runs: `explain` must not pay for the summary machinery at start-up
    const { runSummary } = await import('../summary/run.js');
    const result = await runSummary(files, options, catalogFor(flags, io, options.lang), await paletteFor(flags, io), io);
    if (result.report.lines === 0 && hasFilter(options) && !io.signal.aborted) await hintEmptyResult(files, options, io);
    // Ctrl-C on an endless stdin prints the summary of what was read: a normal end.
    if (result.unreadable > 0) setExit(EXIT.input);
  });
}
