import type { Catalog } from '../catalog/load.js';
import { classifyLine } from '../classify/line.js';
import { compileFilter } from '../filter/compile.js';
import { lineText } from '../input/line-splitter.js';
import { readLines, type ReadLinesOptions } from '../input/read-lines.js';
import type { SummaryOptions } from './options.js';
import { atLeastOne } from '../parse/repeat.js';
import { SummaryAccumulator, type SummaryCounts } from './counts.js';

// `summary` with a filter: every line classified as the stream view does, then counted.

type ReaderOptions = Omit<ReadLinesOptions, 'paths'>;

export async function countRecords(paths: string[], opts: SummaryOptions, catalog: Catalog, reader: ReaderOptions): Promise<SummaryCounts> {
  const keep = compileFilter(opts);
  const acc = new SummaryAccumulator(catalog);
  for await (const batch of readLines({ ...reader, paths })) {
    for (const raw of batch.lines) {
      const r = classifyLine(lineText(raw.bytes), batch.file, raw.number, catalog, { year: batch.year, notAfter: batch.notAfter, tz: opts.tz });
      if (!keep(r)) continue;
      acc.add({ file: r.file, time: r.timestamp === null ? null : Date.parse(r.timestamp), host: r.host, id: r.id, severity: r.severity, repeat: atLeastOne(r.repeat ?? null) });
    }
  }
  return acc.counts;
}

