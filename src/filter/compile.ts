import { allCategories, OTHER } from '../catalog/categories.js';
import { UsageError } from '../errors.js';
import { checkIgnoreCase, grepTests, type GrepOptions } from './grep.js';
import { parseIdList } from './id-list.js';
import type { LogRecord } from '../classify/record.js';
import { parseSeverityLevels } from '../parse/severity.js';
import { zoneOffset } from '../parse/zone.js';
import { parseTimeExpr } from './time-expr.js';
import { whereTest } from './where.js';
import { globSource } from './glob.js';

export interface FilterOptions extends GrepOptions {
  severity?: string;
  /** comma list, case-insensitive */
  category?: string;
  id?: string;
  /** comma list, case-insensitive, exact or glob with `*` */
  host?: string;
  /** inclusive */
  since?: string;
  /** exclusive, so `--since yesterday --until today` is exactly yesterday */
  until?: string;
  unknown?: boolean;
  unparsed?: boolean;
  invert?: boolean;
  /** zone for zoneless --since/--until times, as the log parser reads it; default UTC */
  tz?: string;
  /** `--where field=value`, all must hold: tests on the canonical fields, which the caller adds first (see needsFields) */
  where?: string[];
}

/** Whether the filter reads canonical fields, which the record must then carry before it is tested. */
export const needsFields = (opts: FilterOptions): boolean => (opts.where?.length ?? 0) > 0;

type Test = (r: LogRecord) => boolean;

const TAG_FLAGS = ['severity', 'category', 'id', 'unknown'] as const;

export function hasFilter(opts: FilterOptions): boolean {
  const { severity, category, id, host, since, until, grep, grepLine, unknown, unparsed } = opts;
  return [severity, category, id, host, since, until, grep, grepLine].some((v) => v !== undefined) || !!unknown || !!unparsed || needsFields(opts);
}

function commaList(flag: string, value: string): string[] {
  const items = value.split(',').map((item) => item.trim().toLowerCase());
  if (items.includes('')) {
    throw new UsageError(`--${flag} "${value}" has an empty item: give a comma list such as a,b`);
  }
  return items;
}

/** `--category vpn,session`: logging class keywords; a misspelt one is a usage error, not an empty result. */
export function categoryList(value: string): Set<string> {
  const categories = new Set(commaList('category', value));
  const known = new Set([...allCategories().map((c) => c.keyword), OTHER]);
  const unknown = [...categories].find((c) => !known.has(c));
  if (unknown !== undefined) {
    throw new UsageError(`--category "${unknown}" is not a logging class: see \`asalog categories\` for the keywords (e.g. vpn, session, access-lists)`);
  }
  return categories;
}

function hostTest(value: string): Test {
  const alternatives = commaList('host', value).map(globSource);
  const pattern = new RegExp(`^(?:${alternatives.join('|')})$`, 'i');
  return (r) => r.host !== null && pattern.test(r.host);
}

function timeTest(opts: FilterOptions, now: Date): Test {
  const tz = opts.tz ?? 'UTC';
  const bound = (flag: 'since' | 'until', value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    try {
      return parseTimeExpr(value, now, tz).getTime();
    } catch (err) {
      throw err instanceof UsageError ? new UsageError(`--${flag}: ${err.message}`) : err;
    }
  };
  const since = bound('since', opts.since) ?? -Infinity;
  const until = bound('until', opts.until) ?? Infinity;
  if (since >= until) {
    throw new UsageError(
      `--since "${opts.since}" is not before --until "${opts.until}", so nothing can match: swap them or widen the window`);
  }
  // Record timestamps are ISO 8601 with an offset (src/parse/time.ts), zone and year already resolved.
  return (r) => {
    const t = r.timestamp === null ? NaN : Date.parse(r.timestamp);
    return t >= since && t < until;
  };
}

/** All given filters AND together; tag filters skip untagged lines; `invert` negates the whole. */
export function compileFilter(opts: FilterOptions, now: Date = new Date()): Test {
  if (opts.tz !== undefined) zoneOffset(opts.tz); // a bad --tz fails even when no time flag uses it
  checkIgnoreCase(opts);
  if (!hasFilter(opts)) {
    if (opts.invert) throw new UsageError('--invert needs a filter to invert, such as --severity, --id or --grep');
    return () => true;
  }
  const clash = TAG_FLAGS.find((flag) => opts[flag] !== undefined && opts[flag] !== false);
  if (opts.unparsed && clash) {
    throw new UsageError(`--unparsed selects lines without an ASA/FTD tag, which --${clash} never matches: drop one of the two`);
  }
  const tests: Test[] = [];
  const tagged = (test: Test): Test => (r) => r.id !== null && test(r);
  if (opts.severity !== undefined) {
    const levels = parseSeverityLevels(opts.severity);
    tests.push(tagged((r) => levels.has(r.severity ?? r.defaultSeverity ?? -1)));
  }
  if (opts.category !== undefined) {
    const categories = categoryList(opts.category);
    tests.push(tagged((r) => r.category !== null && categories.has(r.category.toLowerCase())));
  }
  if (opts.id !== undefined) {
    const idTest = parseIdList(opts.id);
    tests.push(tagged((r) => idTest(r.id ?? '')));
  }
  if (opts.unknown) tests.push(tagged((r) => !r.known));
  if (opts.unparsed) tests.push((r) => r.id === null);
  if (opts.host !== undefined) tests.push(hostTest(opts.host));
  if (opts.since !== undefined || opts.until !== undefined) tests.push(timeTest(opts, now));
  tests.push(...grepTests(opts));
  for (const expr of opts.where ?? []) tests.push(whereTest(expr));
  const all: Test = (r) => tests.every((test) => test(r));
  return opts.invert ? (r) => !all(r) : all;
}
