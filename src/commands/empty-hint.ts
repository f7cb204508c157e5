import { fileTimeRange } from '../classify/time-range.js';
import type { FilterOptions } from '../filter/compile.js';
import { warn, type Io } from '../io.js';

/** The filter flags given, as the user wrote them: `--since 2h -s err`. */
function filtersGiven(opts: FilterOptions): string {
  const named: [keyof FilterOptions, string][] = [['severity', '-s'], ['category', '-c'], ['id', '-i'], ['host', '--host'], ['since', '--since'],
    ['until', '--until'], ['grep', '-g'], ['grepLine', '-G'], ['unknown', '--unknown'], ['unparsed', '--unparsed'], ['invert', '-v']];
  return named.filter(([key]) => opts[key] !== undefined && opts[key] !== false).map(([key, flag]) => (typeof opts[key] === 'string' ? `${flag} ${opts[key]}` : flag)).join(' ');
}

/**
 * On a terminal, when lines were read and the filters let none through: say so, and when each
 * file's lines run, so that `--since 2h` on last year's log is not a silent nothing. Quiet in
 * pipes and scripts, like grep.
 */
export async function hintEmptyResult(paths: string[], opts: FilterOptions & { year?: number }, io: Io): Promise<void> {
  if (io.stderr.isTTY !== true) return;
  const ranges: string[] = [];
  for (const path of paths) {
    const range = await fileTimeRange(path, opts).catch(() => null);
    if (range !== null) ranges.push(`${paths.length > 1 ? `${path}: ` : ''}${range.first} to ${range.last}`);
  }
  const when = ranges.length ? `; the log runs from ${ranges.join(', ')}` : '';
  warn(io, `no line passed the filters (${filtersGiven(opts)})${when}`);
}
