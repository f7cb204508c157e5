import { isUtf8 } from 'node:buffer';
import type { Catalog } from '../catalog/load.js';
import { addFields, classifyLine } from '../classify/line.js';
import { compileFilter, hasFilter, needsFields } from '../filter/compile.js';
import { lineText, type RawLine } from '../input/raw-line.js';
import type { Palette } from '../render/palette.js';
import type { LogRecord } from '../classify/record.js';
import { renderEcs } from '../render/ecs.js';
import { renderCsv, renderJson } from '../render/record.js';
import { renderCompact, renderText } from '../render/text-view.js';
import type { StreamOptions } from './options.js';
import { tagPrefilter, type TagPrefilter } from '../filter/tag-prefilter.js';

/** One input line to what is written for it, or null when the filter drops it. */
export type LineStep = (raw: RawLine, file: string, year: number, notAfter?: number) => string | Buffer | null;

export interface CompiledStep {
  step: LineStep;
  /** raw output filtered on the tag only: lines that provably fail are skipped as bytes */
  prefilter: TagPrefilter | null;
}

const NEWLINE = Buffer.from('\n');

/**
 * The per-line work of the default command, the same on the main thread and in stream workers:
 * `now` fixes relative --since/--until, so every thread resolves them to the same instant.
 */
export function compileStep(opts: StreamOptions, catalog: Catalog, palette: Palette, now: Date): CompiledStep {
  const keep = compileFilter(opts, now);
  const filtering = hasFilter(opts);
  // the formats that show `fields`, or the matched variant's meaning (text); raw and csv do not
  const withFields = opts.output === 'json' || opts.output === 'ecs' || opts.output === 'text' || (opts.fields?.length ?? 0) > 0;
  const classify = { infer: opts.infer === true };
  // --where tests canonical fields: they are found before the filter, then shown or not as the output says
  const readsFields = needsFields(opts);
  const prefilter = opts.output === 'raw' && filtering ? tagPrefilter(opts, keep, catalog) : null;
  const render = (r: LogRecord, raw: RawLine): string | Buffer => {
    switch (opts.output) {
      case 'json': return renderJson(isUtf8(raw.bytes) ? r : { ...r, rawBase64: raw.bytes.toString('base64') } as LogRecord);
      case 'csv': return renderCsv(r, opts.fields);
      case 'ecs': return renderEcs(r);
      // opts is the layout: its width follows the terminal's (commands/stream.ts)
      case 'text': return opts.compact ? renderCompact(r, palette, opts) : renderText(r, catalog, opts.lang, palette, opts);
      case 'raw': return rawLine(raw, r.file, opts.withFilename);
    }
  };
  const step: LineStep = (raw, file, year, notAfter) => {
    if (opts.output === 'raw' && (!filtering || prefilter?.keeps(raw.bytes))) return rawLine(raw, file, opts.withFilename);
    const record = classifyLine(lineText(raw.bytes), file, raw.number, catalog, { year, notAfter, tz: opts.tz }, classify);
    if (readsFields) addFields(record, catalog);
    if (!keep(record)) return null;
    if (withFields && !readsFields) addFields(record, catalog);
    return render(record, raw);
  };
  return { step, prefilter };
}

function rawLine(raw: RawLine, file: string, withFilename: boolean): Buffer {
  const parts = withFilename ? [Buffer.from(`${file}:`), raw.bytes] : [raw.bytes];
  if (raw.newline) parts.push(NEWLINE);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
