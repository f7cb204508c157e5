import { UsageError } from '../errors.js';

/** Cisco's names of the eight levels (`logging trap warnings`), as asalog prints them. */
export const SEVERITY_NAMES = [
  'emergencies',
  'alerts',
  'critical',
  'errors',
  'warnings',
  'notifications',
  'informational',
  'debugging',
] as const;

/** RFC 5424's names of the eight levels, as ECS prints them (log.syslog.severity.name). */
export const SYSLOG_SEVERITY_NAMES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'] as const;

// The short keywords of syslog.conf, journalctl and syslog-ng templates (`LOCAL4.WARNING:`).
const KEYWORDS: Readonly<Record<string, number>> = {
  emerg: 0,
  panic: 0,
  alert: 1,
  crit: 2,
  err: 3,
  error: 3,
  warning: 4,
  warn: 4,
  notice: 5,
  info: 6,
  debug: 7,
};

// Every spelling of a level that asalog reads, in `--severity` and in a syslog wrapper alike.
const SPELLINGS: ReadonlyMap<string, number> = new Map([
  ...SEVERITY_NAMES.map((name, level) => [name, level] as const),
  ...SYSLOG_SEVERITY_NAMES.map((name, level) => [name, level] as const),
  ...Object.entries(KEYWORDS),
]);

/** A level's name in any of its spellings (any case) as its number. */
export function severityLevel(name: string): number | undefined {
  return SPELLINGS.get(name.toLowerCase());
}

const COMPARISON = /^(?<op><=|>=|<|>)\s*(?<level>\w+)$/;
const RANGE = /^(?<from>\w+)\s*(?:\.\.|-)\s*(?<to>\w+)$/;

const EXPR_FORMS =
  'use a level 0-7 or name (emergencies…debugging, err, warn, info …; alone it means that level and more severe), ' +
  'one level only (=4), a comparison (<=4, >=5), a range (0-3, warning..critical) or a list (1,3)';

export function severityName(level: number): string {
  return SEVERITY_NAMES[level] ?? String(level);
}

/** A name or a digit 0-7 (what `--severity` takes). */
function lookupLevel(word: string): number | undefined {
  const w = word.trim();
  return /^[0-7]$/.test(w) ? Number(w) : severityLevel(w);
}

export function parseSeverityLevel(word: string): number {
  const level = lookupLevel(word);
  if (level !== undefined) return level;
  const names = [...SEVERITY_NAMES, ...Object.keys(KEYWORDS)].join(', ');
  throw new UsageError(`invalid severity level "${word}": use 0-7 or a name (${names})`);
}

const ALL_LEVELS = SEVERITY_NAMES.map((_, level) => level);

const COMPARE: Readonly<Record<string, (level: number, bound: number) => boolean>> = {
  '<=': (level, bound) => level <= bound,
  '<': (level, bound) => level < bound,
  '>=': (level, bound) => level >= bound,
  '>': (level, bound) => level > bound,
};

function termLevels(term: string): number[] | undefined {
  const single = lookupLevel(term.startsWith('=') ? term.slice(1) : term);
  if (single !== undefined) return [single];
  const comparison = COMPARISON.exec(term)?.groups;
  const compare = COMPARE[comparison?.op ?? ''];
  if (comparison && compare) {
    const bound = lookupLevel(comparison.level ?? '');
    return bound === undefined ? undefined : ALL_LEVELS.filter((level) => compare(level, bound));
  }
  const range = RANGE.exec(term)?.groups;
  if (range) {
    const from = lookupLevel(range.from ?? '');
    const to = lookupLevel(range.to ?? '');
    if (from === undefined || to === undefined) return undefined;
    return ALL_LEVELS.filter((level) => level >= Math.min(from, to) && level <= Math.max(from, to));
  }
  return undefined;
}

/**
 * Levels selected by `3` or `err` (alone: that level and more severe, like journalctl -p), `=3`
 * (that level only), `<=4`, `0-3`, `warning..critical`, and lists (`err,warn`: exactly those).
 */
export function parseSeverityLevels(expr: string): ReadonlySet<number> {
  // One level alone is that level and more severe, as journalctl -p and syslog.conf read it.
  const alone = lookupLevel(expr);
  if (alone !== undefined) return new Set(ALL_LEVELS.filter((level) => level <= alone));
  const selected = new Set<number>();
  for (const raw of expr.split(',')) {
    const term = raw.trim();
    const levels = termLevels(term);
    if (levels === undefined) {
      const where = term === expr.trim() ? '' : ` in "${expr}"`;
      throw new UsageError(`invalid severity "${term}"${where}: ${EXPR_FORMS}`);
    }
    if (levels.length === 0) {
      throw new UsageError(`severity "${term}" selects no level: levels run from 0 (emergencies) to 7 (debugging)`);
    }
    for (const level of levels) selected.add(level);
  }
  return selected;
}

export function parseSeverityExpr(expr: string): (level: number) => boolean {
  const levels = parseSeverityLevels(expr);
  return (level) => levels.has(level);
}
