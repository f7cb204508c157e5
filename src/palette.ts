import { Chalk, type ChalkInstance } from 'chalk';

export type ColorMode = 'auto' | 'always' | 'never';

/** Colour is decided once, here; `--color` wins, then NO_COLOR, then FORCE_COLOR, then the TTY. */
export function decideColor(mode: ColorMode, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export interface Palette {
  enabled: boolean;
  severity(level: number | null, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  accent(text: string): string;
  warn(text: string): string;
}

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

export function createPalette(enabled: boolean): Palette {
  const c = new Chalk({ level: enabled ? 2 : 0 });
  const styles = SEVERITY_STYLES.map((s) => s(c));
  return {
    enabled,
    severity: (level, text) => (level === null ? c.dim(text) : (styles[level] ?? c.reset)(text)),
    dim: (t) => c.dim(t),
    bold: (t) => c.bold(t),
    accent: (t) => c.cyan(t),
    warn: (t) => c.yellow(t),
  };
}
