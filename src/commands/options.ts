import { InvalidArgumentError, Option, type Command } from 'commander';
import { resolveLang } from '../catalog/lang.js';
import type { Lang } from '../catalog/types.js';
import type { FilterOptions } from '../filter/compile.js';
import { checkIgnoreCase } from '../filter/grep.js';
import { zoneOffset } from '../parse/zone.js';

export function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1, got "${value}".`);
    return n;
  };
}

/** Checked here, not when the first timestamp needs it: the summary's byte scanner never asks. */
export function parseZone(value: string): string {
  try {
    zoneOffset(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
  return value;
}

/** The most `--max-line` may be: a line is held whole in memory, and a JSON string of it must fit in one. */
export const MAX_LINE_LIMIT = 256 << 20;
const SIZE_UNITS: Record<string, number> = { '': 1, k: 1 << 10, m: 1 << 20, g: 1 << 30 };

/** A size in bytes: `65536`, `64K`, `4M` (binary units; `KiB`, `MB` read the same), 1 to `max`. */
export function parseByteSize(name: string, max: number) {
  return (value: string): number => {
    const m = /^(\d+)\s*([kmg]?)(?:i?b)?$/i.exec(value.trim());
    const n = m ? Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]! : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a size from 1 byte to ${max >> 20}M (e.g. 65536, 64K, 4M), got "${value}".`);
    return n;
  };
}

/** A file name: anything but nothing (an empty one would be read as no option at all). */
export function parseFileName(name: string) {
  return (value: string): string => {
    if (value.trim() === '') throw new InvalidArgumentError(`${name} needs a file name.`);
    return value;
  };
}

export function parseYear(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || n < 1970) throw new InvalidArgumentError(`expected a four-digit year such as 2026, got "${value}".`);
  return n;
}

/** The filter flags as commander hands them: named as FilterOptions names them. */
export type FilterFlags = FilterOptions;

/** The flags of addInputOptions. */
export interface InputFlags {
  year?: number;
  tz?: string;
  maxLine: number;
  catalog?: string;
}

/** Just the filter of a command's flags (the rest stays out of the options handed to worker threads). */
function filterOptions(flags: FilterFlags): FilterOptions {
  const { severity, category, id, host, since, until, grep, grepLine, ignoreCase, unknown, unparsed, invert, tz, where } = flags;
  return { severity, category, id, host, since, until, grep, grepLine, ignoreCase, unknown, unparsed, invert, tz, ...(where ? { where } : {}) };
}

/** What the stream view and summary take alike from their flags: the filter, how to read, the language. */
export function sharedOptions(flags: FilterFlags & InputFlags & { lang?: string }, env: NodeJS.ProcessEnv): FilterOptions & { year?: number; lang: Lang; maxLineBytes: number } {
  checkIgnoreCase(flags);
  return { ...filterOptions(flags), year: flags.year, lang: resolveLang(flags.lang, env), maxLineBytes: flags.maxLine };
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The filter options shared by the streaming view and the summary (one definition: src/filter/compile.ts). */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('-s, --severity <expr>', 'err or 3: that level and more severe (like journalctl -p); =3: only 3; also >=5, 0-3, warning..critical, 1,3')
    .option('-c, --category <list>', 'logging classes, comma-separated (see `asalog categories`)')
    .option('-i, --id <list>', 'message IDs and ranges: 722001,716000-716999,302')
    .option('--host <list>', 'host names or IPs, comma-separated; * wildcards')
    .option('--since <time>', "at or after: ISO 8601, the log's own style (Aug 16 2019 10:00), or relative such as 2h, 3d")
    .option('--until <time>', "before: ISO 8601, the log's own style, or relative")
    .option('-g, --grep <regex>', 'regular expression on the message text (JavaScript syntax; no backreferences or lookaround)')
    .option('-G, --grep-line <regex>', 'regular expression on the whole line: syslog header, host and tag too')
    .option('-I, --ignore-case', 'letters in -g/-G match either case (also: start the pattern with (?i))')
    .option('-w, --where <field=value>', 'canonical field test, repeatable (AND): src_ip=10.0.0.0/8, dst_port=22,3389, dst_port=1024-65535, user=alice, action!=allowed', collect)
    .option('--unknown', 'only messages whose ID is not in the catalog')
    .option('--unparsed', 'only lines without an ASA/FTD tag')
    .option('-v, --invert', 'invert the selection');
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--year <yyyy>', 'year for timestamps without one (default: the file’s modification year)', parseYear)
    .option('--tz <zone>', 'time zone for timestamps without one: IANA name or ±HH:MM (default UTC)', parseZone)
    .option('--max-line <size>', `longest line read whole (up to ${MAX_LINE_LIMIT >> 20}M); longer lines are truncated with a warning`, parseByteSize('--max-line', MAX_LINE_LIMIT), 1 << 20)
    .addOption(catalogOption());
}

export function langOption(): Option {
  // checked when given, wherever it is given: `asalog --lang fr explain …` too
  return new Option('--lang <lang>', 'language of explanations: en, ja, zh (default: from LANG)').argParser((value) => {
    try {
      resolveLang(value, {});
    } catch {
      throw new InvalidArgumentError('use en, ja or zh.');
    }
    return value;
  });
}

export function colorOption(): Option {
  return new Option('--color <when>', 'colour output').choices(['auto', 'always', 'never']).default('auto');
}

export function catalogOption(): Option {
  return new Option('--catalog <file>', 'use this catalog file instead of your catalog in ~/.config/asalog').argParser(parseFileName('--catalog'));
}
