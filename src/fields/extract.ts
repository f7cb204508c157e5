import type { CatalogEntry } from '../catalog/types.js';
import type { Pattern } from './compile.js';
import { matchEntry } from './match.js';
import { parseFtdEventFields } from './ftd-event.js';
import { NO_ROLES, rolesOf } from './roles.js';
import { verbsOf } from './verbs.js';
import { canonicalFields, ftdEventRoles, ftdEventVerbs } from './vocabulary.js';
import { isPlaceholderItself } from './value-types.js';

const FTD_EVENT = new Set(['430001', '430002', '430003', '430004', '430005']);

/** FTD connection and security events (430001-430005): `Key: Value` pairs rather than a format. */
export const isFtdEvent = (id: string): boolean => FTD_EVENT.has(id);

export interface Extracted {
  variant: number;
  fields: Record<string, string>;
  /** the values under their canonical names (src/fields/vocabulary.ts) */
  canonical: Record<string, string>;
  /** placeholder name → canonical name, for the placeholders that fill one */
  roles: Record<string, string>;
}

/** The canonical fields of a message read by `pattern`; without one, what the ID alone says (302013 is TCP). */
export function canonicalOf(id: string, fields: Record<string, string>, pattern?: Pattern): Record<string, string> {
  return pattern ? canonicalFields(id, fields, rolesOf(pattern), verbsOf(pattern)) : canonicalFields(id, fields, NO_ROLES, {});
}

/** The values in a message of a known ID: FTD `Key: Value` events by their keys, the rest by their documented formats. */
export function extractFields(entry: CatalogEntry, message: string): Extracted | null {
  const ftd = isFtdEvent(entry.id) ? parseFtdEventFields(message) : null;
  if (ftd) {
    // `Intrusion Policy: intrusion-policy`: a template's placeholder, not a value
    for (const k in ftd) if (isPlaceholderItself(ftd[k]!, k)) delete ftd[k];
    const roles = ftdEventRoles();
    return { variant: 0, fields: ftd, roles: roles.names, canonical: canonicalFields(entry.id, ftd, roles, ftdEventVerbs(ftd)) };
  }
  const m = matchEntry(entry, message);
  return m && { variant: m.variant, fields: m.fields, roles: rolesOf(m.pattern).names, canonical: canonicalOf(entry.id, m.fields, m.pattern) };
}
