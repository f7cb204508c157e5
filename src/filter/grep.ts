import { UsageError } from '../errors.js';
import type { LogRecord } from '../classify/record.js';
import { caselessSource } from './caseless.js';
import { linearRegex, NonLinearPattern } from './linear-regex.js';

/** The text searches: `-g` on the message, `-G` on the whole line, `-I` for either case. */
export interface GrepOptions {
  /** JavaScript regex on the message text (the raw line when there is none) */
  grep?: string;
  /** JavaScript regex on the whole line as written: syslog header, host and tag included */
  grepLine?: string;
  /** letters match either case; also asked for by a pattern that starts with `(?i)` */
  ignoreCase?: boolean;
}

type Test = (r: LogRecord) => boolean;

/** One test per pattern given: `-g` and `-G` together must both match. */
export function grepTests(opts: GrepOptions): Test[] {
  checkIgnoreCase(opts);
  const tests: Test[] = [];
  if (opts.grep !== undefined) {
    const pattern = compileGrep('--grep', opts.grep, opts.ignoreCase === true);
    tests.push((r) => pattern.test(r.message ?? r.raw));
  }
  if (opts.grepLine !== undefined) {
    const pattern = compileGrep('--grep-line', opts.grepLine, opts.ignoreCase === true);
    tests.push((r) => pattern.test(r.raw));
  }
  return tests;
}

/** `-I` alone would be ignored: say so. */
export function checkIgnoreCase(opts: GrepOptions): void {
  if (opts.ignoreCase && opts.grep === undefined && opts.grepLine === undefined) {
    throw new UsageError('--ignore-case applies to a pattern: give -g <regex> or -G <regex> with it');
  }
}

/** A user's pattern, checked and compiled to run in time linear in the line (linear-regex.ts). */
export function compileGrep(flag: string, source: string, ignoreCase: boolean): RegExp {
  // `(?i)` as rg, grep -P and Python spell it: JavaScript has no inline flags
  const inline = source.startsWith('(?i)');
  const body = inline ? source.slice(4) : source;
  try {
    new RegExp(body); // a syntax error names the pattern as the user wrote it
    return linearRegex(ignoreCase || inline ? caselessSource(body) : body);
  } catch (err) {
    if (err instanceof NonLinearPattern) {
      throw new UsageError(`${flag} "${source}": ${err.message}, as they can take time exponential in the line's length; use a pattern without them (as grep -E and rg do)`);
    }
    const message = err instanceof Error ? err.message : String(err);
    const why = message.slice(message.lastIndexOf(': ') + 2);
    throw new UsageError(`invalid ${flag} regex "${source}" (${why}): give a JavaScript regular expression such as "deny|drop" or "[Dd]enied"`);
  }
}
