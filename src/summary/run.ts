import { writeFile } from 'node:fs/promises';
import type { Catalog } from '../catalog/load.js';
import { hasFilter, type FilterOptions } from '../filter/compile.js';
import { STDIN_NAME } from '../input/open.js';
import type { ReadOptions } from '../input/read-options.js';
import type { Io } from '../io.js';
import type { Palette } from '../render/palette.js';
import { Progress, readReports } from '../render/progress.js';
import type { SummaryReport } from '../render/summary-report.js';
import { countsFromTally } from './counts.js';
import { isCanonicalField } from '../fields/vocabulary.js';
import type { SummaryOptions } from './options.js';
import { buildReport } from './report.js';
import { scanInputs, type ScanMode } from './scan/inputs.js';
import { mergeTallies } from './tally-merge.js';
import type { TallyResult } from './tally-result.js';

export interface SummaryResult {
  report: SummaryReport;
  unreadable: number;
}

/** `asalog summary`: counts every line of every input, then prints one report. */
export async function runSummary(paths: string[], opts: SummaryOptions, catalog: Catalog, palette: Palette, io: Io): Promise<SummaryResult> {
  let unreadable = 0;
  const failed = new Set<string>();
  const progress = await Progress.forInputs(io, paths);
  const read: ReadOptions = {
    year: opts.year,
    tz: opts.tz,
    maxLineBytes: opts.maxLineBytes,
    signal: io.signal,
    stdin: io.stdin,
    ...readReports(io, progress, (file) => {
      unreadable++;
      failed.add(file);
    }),
  };
  const mode = summaryPath(opts, io.env);
  let tally: TallyResult;
  // The modules of the other paths and outputs load only when used: start-up counts on big files too.
  const happened = opts.sections ? new (await import('./happened.js')).Happened(opts.top) : undefined;
  const pivot = isCanonicalField(opts.by) ? new (await import('./field-pivot.js')).FieldCounter(opts.by) : undefined;
  if (mode === 'records') tally = await (await import('./records.js')).countRecords(paths, opts, catalog, read, { happened, pivot });
  else {
    const sections = happened || pivot ? { spec: { happened: happened !== undefined, top: opts.top, by: pivot ? opts.by : null }, catalog, lang: opts.lang, into: { happened, pivot } } : undefined;
    tally = mergeTallies(await scanInputs(paths, { ...read, mode, env: io.env, sections }));
  }
  progress?.clear();
  const counts = countsFromTally(tally, catalog);
  // Every input that was read is named, also an empty one or one whose lines were all filtered out.
  const named = (paths.length ? paths : ['-']).map((p) => (p === '-' ? STDIN_NAME : p)).filter((f) => !failed.has(f) || counts.files.includes(f));
  counts.files = [...new Set(io.signal.aborted ? counts.files : named)];
  const report = buildReport(counts, catalog, opts.lang, opts.bucket);
  if (happened) report.happened = happened.sections();
  if (pivot) report.byField = pivot.result(opts.top);
  if (opts.html) {
    // Loaded only when asked for: keeps start-up of the common path small.
    const { renderSummaryHtml } = await import('../render/html/report.js');
    await writeFile(opts.html, renderSummaryHtml(report, catalog, opts.lang));
  }
  io.stdout.write(await renderSummary(report, opts, palette, (io.stdout as { columns?: number }).columns ?? 100));
  return { report, unreadable };
}

async function renderSummary(report: SummaryReport, opts: Pick<SummaryOptions, 'output' | 'top' | 'by'>, palette: Palette, width: number): Promise<string> {
  if (opts.output === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const { renderSummaryCsv, renderSummaryMarkdown, renderSummaryTable } = await import('../render/summary.js');
  switch (opts.output) {
    case 'csv': return renderSummaryCsv(report, opts.by);
    case 'markdown': return renderSummaryMarkdown(report, { top: opts.top, pivot: opts.by });
    case 'table': return renderSummaryTable(report, { top: opts.top, pivot: opts.by, width }, palette);
  }
}

/**
 * Which path counts: the byte scanner (`scan`, or `workers` on large regular files) when no
 * filter is given, else classified records. `ASALOG_SUMMARY_PATH=records|scan|workers` forces
 * one, for tests and benchmarks; every path gives the same report.
 */
function summaryPath(opts: FilterOptions, env: NodeJS.ProcessEnv): 'records' | ScanMode {
  const forced = env.ASALOG_SUMMARY_PATH;
  // a filter reads every line as a record; the sections and `--by <field>` read the fields of the
  // lines that can carry theirs, on the byte path too (sections-feed.ts)
  if (hasFilter(opts) || forced === 'records') return 'records';
  return forced === 'scan' || forced === 'workers' ? forced : 'auto';
}
