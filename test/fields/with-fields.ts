import type { Catalog } from '../../src/catalog/load.ts';
import { addFields } from '../../src/classify/line.ts';
import type { LogRecord } from '../../src/classify/record.ts';

/** A record with its fields, as the stream view makes it for -o json. */
export function withFields(r: LogRecord, catalog: Catalog): LogRecord {
  addFields(r, catalog);
  return r;
}
