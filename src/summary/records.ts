import type { Catalog } from '../catalog/load.js';
import { addFields, classifyLine } from '../classify/line.js';
import { compileFilter, needsFields } from '../filter/compile.js';
import { lineText } from '../input/raw-line.js';
import { readLines } from '../input/read-lines.js';
import type { ReadOptions } from '../input/read-options.js';
import { atLeastOne } from '../parse/repeat.js';
import type { SummaryOptions } from './options.js';
import { Tally } from './tally.js';
import type { Happened } from './happened.js';
import type { FieldCounter } from './field-pivot.js';
import type { TallyResult } from './tally-result.js';

/** `summary` with a filter: every line classified as the stream view does, then counted by the one Tally. */
export async function countRecords(paths: string[], opts: SummaryOptions, catalog: Catalog, read: ReadOptions, extra: { happened?: Happened; pivot?: FieldCounter } = {}): Promise<TallyResult> {
  const keep = compileFilter(opts);
  const { happened, pivot } = extra;
  const readsFields = needsFields(opts) || happened !== undefined || pivot !== undefined;
  const tally = new Tally();
  for await (const batch of readLines({ ...read, paths })) {
    for (const raw of batch.lines) {
      const r = classifyLine(lineText(raw.bytes), batch.file, raw.number, catalog, { year: batch.year, notAfter: batch.notAfter, tz: opts.tz });
      if (readsFields) addFields(r, catalog);
      if (!keep(r)) continue;
      happened?.add(r);
      pivot?.add(r);
      tally.add({ file: r.file, time: r.timestamp === null ? null : Date.parse(r.timestamp), host: r.host, id: r.id, severity: r.severity, repeat: atLeastOne(r.repeat ?? null) });
    }
  }
  return tally.take();
}
