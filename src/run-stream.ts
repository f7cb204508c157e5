import { isUtf8 } from 'node:buffer';
import type { Catalog } from './catalog.js';
import type { Lang } from './catalog-types.js';
import { addFields, classifyLine } from './classify.js';
import { compileFilter, hasFilter, type FilterOptions } from './filter.js';
import { warn, type Io } from './io.js';
import type { RawLine } from './line-splitter.js';
import { OutputSink } from './output-sink.js';
import type { Palette } from './palette.js';
import { readLines } from './read-lines.js';
import type { LogRecord } from './record.js';
import { renderEcs } from './render-ecs.js';
import { tagPrefilter } from './scan-filter.js';
import { csvHeader, renderCsv, renderJson, renderText } from './render-record.js';

export type StreamFormat = 'text' | 'raw' | 'json' | 'csv' | 'ecs';

export interface StreamOptions extends FilterOptions {
  output: StreamFormat;
  withFilename: boolean;
  follow: boolean;
  year?: number;
  lang: Lang;
  maxLineBytes?: number;
  /** identify lines without a tag by their text */
  infer?: boolean;
}

export interface StreamResult {
  lines: number;
  matched: number;
  unreadable: number;
}

const NEWLINE = Buffer.from('\n');

/** The default command: every input line is classified, filtered and written in the chosen format. */
export async function runStream(paths: string[], opts: StreamOptions, catalog: Catalog, palette: Palette, io: Io): Promise<StreamResult> {
  const keep = compileFilter(opts);
  const filtering = hasFilter(opts);
  const sink = new OutputSink(io.stdout);
  // the formats that show `fields`, or the matched variant's meaning (text); raw and csv do not
  const withFields = opts.output === 'json' || opts.output === 'ecs' || opts.output === 'text';
  const classify = { infer: opts.infer === true };
  const result: StreamResult = { lines: 0, matched: 0, unreadable: 0 };
  if (opts.output === 'csv') sink.write(csvHeader());
  const render = (r: LogRecord, raw: RawLine): string | Buffer => {
    switch (opts.output) {
      case 'json': return renderJson(isUtf8(raw.bytes) ? r : { ...r, rawBase64: raw.bytes.toString('base64') } as LogRecord);
      case 'csv': return renderCsv(r);
      case 'ecs': return renderEcs(r);
      case 'text': return renderText(r, catalog, opts.lang, palette);
      case 'raw': return rawLine(raw, r.file, opts.withFilename);
    }
  };
  const prefilter = opts.output === 'raw' && filtering ? tagPrefilter(opts, keep, catalog) : null;
  const batches = readLines({
    paths,
    follow: opts.follow,
    year: opts.year,
    maxLineBytes: opts.maxLineBytes,
    // raw output filtered on the tag only: lines that provably fail are skipped as bytes
    skipLine: prefilter?.skip,
    signal: io.signal,
    stdin: io.stdin,
    onError: (file, reason) => {
      result.unreadable++;
      warn(io, `${file}: ${reason}`);
    },
    onWarning: (m) => warn(io, m),
  });
  for await (const batch of batches) {
    result.lines += batch.skipped ?? 0;
    for (const raw of batch.lines) {
      result.lines++;
      if (opts.output === 'raw' && (!filtering || prefilter?.keeps(raw.bytes))) {
        result.matched++;
        await sink.write(rawLine(raw, batch.file, opts.withFilename));
        continue;
      }
      const record = classifyLine(lineText(raw.bytes), batch.file, raw.number, catalog, { year: batch.year, tz: opts.tz }, classify);
      if (!keep(record)) continue;
      if (withFields) addFields(record, catalog);
      result.matched++;
      await sink.write(render(record, raw));
    }
    await sink.flush();
  }
  await sink.flush();
  return result;
}

/** The line's text for parsing: UTF-8 (invalid bytes become U+FFFD), without a CR before the LF. */
export function lineText(bytes: Buffer): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
  return bytes.toString('utf8', 0, end);
}

function rawLine(raw: RawLine, file: string, withFilename: boolean): Buffer {
  const parts = withFilename ? [Buffer.from(`${file}:`), raw.bytes] : [raw.bytes];
  if (raw.newline) parts.push(NEWLINE);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
