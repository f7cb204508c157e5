import { Chalk, type ChalkInstance } from 'chalk';
import type { Palette } from './palette.js';

// Kept apart from palette.ts, and loaded by create-palette.ts only when there is colour: output
// without colour never loads chalk (start-up time).

const SEVERITY_STYLES: ((c: ChalkInstance) => ChalkInstance)[] = [
  (c) => c.bgRed.white.bold,
  (c) => c.red.bold,
  (c) => c.red.bold,
  (c) => c.red,
  (c) => c.yellow,
  (c) => c.cyan,
  (c) => c.green,
  (c) => c.gray,
];

export function colorPalette(): Palette {
  const c = new Chalk({ level: 2 });
  const styles = SEVERITY_STYLES.map((s) => s(c));
  return {
    enabled: true,
    severity: (level, text) => (level === null ? c.dim(text) : (styles[level] ?? c.reset)(text)),
    dim: (t) => c.dim(t),
    bold: (t) => c.bold(t),
    accent: (t) => c.cyan(t),
    warn: (t) => c.yellow(t),
  };
}
