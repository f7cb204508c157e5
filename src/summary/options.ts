import type { Lang } from '../catalog/types.js';
import type { FilterOptions } from '../filter/compile.js';
import type { Bucket, Pivot } from '../render/summary-report.js';

/** How `summary` prints its report (`-o`). */
export type SummaryOutput = 'table' | 'json' | 'csv' | 'markdown';

export interface SummaryOptions extends FilterOptions {
  output: SummaryOutput;
  top: number;
  by: Pivot;
  bucket?: Bucket;
  html?: string;
  /** `--sections`: what happened, from the canonical fields of the lines whose IDs can carry them */
  sections?: boolean;
  year?: number;
  lang: Lang;
  maxLineBytes: number;
}
