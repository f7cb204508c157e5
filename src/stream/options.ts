import type { Lang } from '../catalog/types.js';
import type { FilterOptions } from '../filter/compile.js';
import type { LineStart } from '../input/tail-start.js';

/** What the stream view writes per line (`-o`). */
export type StreamOutput = 'text' | 'raw' | 'json' | 'csv' | 'ecs';

export interface StreamOptions extends FilterOptions {
  output: StreamOutput;
  withFilename: boolean;
  follow: boolean;
  year?: number;
  lang: Lang;
  maxLineBytes: number;
  /** identify lines without a tag by their text */
  infer?: boolean;
  /** count the lines that pass the filter instead of writing them */
  count?: boolean;
  /** the text view's width: the terminal's columns; null (a pipe) for lines not cut */
  width?: number | null;
  /** `--compact`: time, host, severity, ID, message */
  compact?: boolean;
  /** `-n`: the last N lines of each input, or from line K (with -f: where following starts) */
  start?: LineStart;
  /** `--fields`: canonical fields added as CSV columns */
  fields?: string[];
}
