import type { CatalogEntry } from '../catalog/types.js';
import { matchEntry, type FieldMatch } from './match.js';
import { parseFtdEventFields } from './ftd-event.js';

const FTD_EVENT = new Set(['430001', '430002', '430003', '430004', '430005']);

/** The values in a message of a known ID: FTD `Key: Value` events by their keys, the rest by their documented formats. */
export function extractFields(entry: CatalogEntry, message: string): FieldMatch | null {
  const ftd = FTD_EVENT.has(entry.id) ? parseFtdEventFields(message) : null;
  return ftd ? { variant: 0, fields: ftd } : matchEntry(entry, message);
}
