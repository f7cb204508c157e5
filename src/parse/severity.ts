import { UsageError } from '../errors.js';

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

export type SeverityName = (typeof SEVERITY_NAMES)[number];

const ALIASES: Readonly<Record<string, number>> = {
  emerg: 0,
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

const LEVELS: ReadonlyMap<string, number> = new Map([
  ...SEVERITY_NAMES.map((name, level) => [name, level] as const),
  ...Object.entries(ALIASES),
  ...SEVERITY_NAMES.map((_, level) => [String(level), level] as const),
]);

const COMPARISON = /^(?<op><=|>=|<|>)\s*(?<level>\w+)$/;
const RANGE = /^(?<from>\w+)\s*(?:\.\.|-)\s*(?<to>\w+)$/;

const EXPR_FORMS =
  'use a level 0-7 or name (emergencies…debugging, err, warn, info …), a comparison (<=4, >=5), ' +
  'a range (0-3, warning..critical) or a list (1,3)';

export function severityName(level: number): string {
  return SEVERITY_NAMES[level] ?? String(level);
}

function lookupLevel(word: string): number | undefined {
  return LEVELS.get(word.trim().toLowerCase());
}

export function parseSeverityLevel(word: string): number {
  const level = lookupLevel(word);
  if (level !== undefined) return level;
  const names = [...SEVERITY_NAMES, ...Object.keys(ALIASES)].join(', ');
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
  const single = lookupLevel(term);
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

/** Levels selected by `3`, `<=4`, `0-3`, `warning..critical`, `err,warn` and lists of these. */
export function parseSeverityLevels(expr: string): ReadonlySet<number> {
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
