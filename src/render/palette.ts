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

const plain = (t: string): string => t;

/** Text as it is: no colour (a pipe, NO_COLOR, --color never). */
export const PLAIN_PALETTE: Palette = { enabled: false, severity: (_level, t) => t, dim: plain, bold: plain, accent: plain, warn: plain };
