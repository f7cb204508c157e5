import { PLAIN_PALETTE, type Palette } from './palette.js';

/** The palette for `enabled`; chalk is loaded only when there is colour to print. */
export async function createPalette(enabled: boolean): Promise<Palette> {
  return enabled ? (await import('./palette-color.js')).colorPalette() : PLAIN_PALETTE;
}
