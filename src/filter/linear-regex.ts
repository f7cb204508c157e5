import { setFlagsFromString } from 'node:v8';

// V8's linear-time regex engine (no backtracking), used two ways:
// - `l` compiles a pattern only if it can run in linear time: no backreferences, no lookaround;
// - past 50 000 backtracks in one match, a pattern that can run there is run there instead.
// Process-wide, worker threads included; flags V8 has had since 8.8 (Node 16).
setFlagsFromString('--enable-experimental-regexp-engine');
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

/** Why a pattern cannot be matched in time linear in the line: a sentence, or null when it can. */
export function nonLinearReason(source: string): string | null {
  try {
    new RegExp(source, 'l');
    return null;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return /linear time/.test(message) ? 'backreferences (\\1, \\k<name>) and lookaround ((?=…), (?!…), (?<=…), (?<!…)) are not supported' : null;
  }
}

/**
 * A user's pattern that runs in time linear in the line whatever the line: it is refused unless
 * V8's linear engine can run it, and a match that starts to backtrack badly (`(a+)+$` on a long
 * run of `a`) moves there. Syntax errors are thrown as `new RegExp` throws them.
 */
export function linearRegex(source: string): RegExp {
  const pattern = new RegExp(source);
  const reason = nonLinearReason(source);
  if (reason !== null) throw new NonLinearPattern(reason);
  return pattern;
}

export class NonLinearPattern extends Error {
  override name = 'NonLinearPattern';
}
