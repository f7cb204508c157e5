import { existsSync } from 'node:fs';
import { distance } from '../parse/closest-name.js';

export { closestName } from '../parse/closest-name.js';

/**
 * `asalog sumary fw.log` reads "sumary" as a file name. When the first argument is no file but is
 * a command name mistyped, name the command instead of streaming the other files.
 */
export function mistypedCommand(first: string | undefined, commands: readonly string[]): string | null {
  if (first === undefined || !/^[a-z-]{3,}$/.test(first) || existsSync(first)) return null;
  let best: { name: string; d: number } | null = null;
  for (const name of commands) {
    const d = distance(first, name);
    if (d <= Math.max(1, Math.floor(name.length / 4)) && (best === null || d < best.d)) best = { name, d };
  }
  return best?.name ?? null;
}

