import type { Catalog } from '../catalog/load.js';
import { extractFields } from '../fields/extract.js';
import { parseLine } from '../parse/line.js';

export interface LineContext {
  /** the log line being explained, when the user gave one */
  raw: string;
  severity: number | null;
  /** values extracted from the line, by variable name */
  fields?: Record<string, string>;
  /** the same values under their canonical names, and which variable fills which */
  canonical?: Record<string, string>;
  roles?: Record<string, string>;
  variant?: number;
}

export interface ExplainTarget {
  id: string;
  line?: LineContext;
}

const BARE_ID = /^\s*(?<id>\d{6})\s*$/;
const BARE_TAG = /^\s*%?(?<platform>[A-Za-z][A-Za-z ]*?)(?:-[a-z-]+)?-(?<severity>[0-7])-(?<id>\d{6}):?\s*$/;

/** What `explain` was given: an ID, a tag (`ASA-4-722001`), or a whole log line. */
export function explainTarget(item: string, catalog: Catalog): ExplainTarget | null {
  const bare = BARE_ID.exec(item) ?? BARE_TAG.exec(item);
  if (bare?.groups?.id) return { id: bare.groups.id };
  const parsed = parseLine(item);
  if (parsed.id === null) return null;
  const line: LineContext = { raw: item, severity: parsed.severity };
  const entry = catalog.get(parsed.id);
  if (entry && parsed.message !== null) {
    const m = extractFields(entry, parsed.message);
    if (m) Object.assign(line, { fields: m.fields, canonical: m.canonical, roles: m.roles, variant: m.variant });
  }
  return { id: parsed.id, line };
}
