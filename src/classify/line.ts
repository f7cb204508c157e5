import type { Catalog } from '../catalog/load.js';
import { categoryOf } from '../catalog/categories.js';
import { canonicalOf, extractFields } from '../fields/extract.js';
import { inferMessage } from '../fields/infer.js';
import { parseLine, type ParseContext } from '../parse/line.js';
import type { LogRecord } from './record.js';

export interface ClassifyOptions {
  /** identify a line without a tag by its text (`inferred: true`) */
  infer?: boolean;
}

const NO_OPTIONS: ClassifyOptions = {};

/** One line of text in, one record out: the parser's fields plus what the catalog knows of the ID. */
export function classifyLine(text: string, file: string, lineNumber: number, catalog: Catalog, ctx: ParseContext = {}, opts: ClassifyOptions = NO_OPTIONS): LogRecord {
  const parsed = parseLine(text, ctx);
  const entry = parsed.id === null ? undefined : catalog.get(parsed.id);
  const record: LogRecord = {
    file,
    line: lineNumber,
    timestamp: parsed.timestamp,
    host: parsed.host,
    platform: parsed.platform,
    severity: parsed.severity,
    defaultSeverity: entry?.severity ?? null,
    id: parsed.id,
    category: parsed.id === null ? null : entry?.category ?? categoryOf(parsed.id),
    known: entry !== undefined,
    message: parsed.message,
    raw: text,
  };
  if (parsed.repeat !== undefined) record.repeat = parsed.repeat;
  if (parsed.pri) record.pri = parsed.pri;
  if (opts.infer && parsed.id === null) inferLine(record, text, catalog);
  return record;
}

/**
 * Adds `fields` and `variant` to a record of a catalog ID (empty `fields` when no variant fits):
 * a match per line, so only for the outputs that show them.
 */
export function addFields(record: LogRecord, catalog: Catalog): void {
  const entry = record.id === null || record.inferred ? undefined : catalog.get(record.id);
  if (!entry || record.message === null) return;
  const m = extractFields(entry, record.message);
  record.fields = m?.fields ?? {};
  record.canonical = m?.canonical ?? canonicalOf(entry.id, {});
  if (m) record.variant = m.variant;
}

/** Fills an untagged record from the catalog message its text matches, marked `inferred`. */
function inferLine(record: LogRecord, text: string, catalog: Catalog): void {
  const m = inferMessage(text, catalog);
  if (!m) return;
  record.id = m.entry.id;
  record.category = m.entry.category;
  record.defaultSeverity = m.entry.severity;
  record.known = true;
  record.message = m.message;
  record.variant = m.variant;
  record.fields = m.fields;
  record.canonical = canonicalOf(m.entry.id, m.fields, m.pattern);
  record.inferred = true;
}
