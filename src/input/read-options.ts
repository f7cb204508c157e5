/** How every reader reads its inputs (files, stdin, gzip), in every path: one bag, from the command's options. */
export interface ReadOptions {
  /** `--year` for timestamps written without one; else each file's modification year */
  year?: number;
  /** `--tz` for timestamps written without a zone */
  tz?: string;
  /** the longest line read whole (`--max-line`); longer lines keep their head */
  maxLineBytes: number;
  /** aborted on Ctrl-C: readers stop, and what was read is still reported */
  signal?: AbortSignal;
  stdin?: NodeJS.ReadableStream;
  /** a file could not be read (or stopped being readable): the reason, one sentence */
  onError: (file: string, reason: string) => void;
  onWarning: (message: string) => void;
  /** bytes read so far, for progress displays */
  onBytes?: (bytes: number) => void;
}

/** [line number within its file, bytes kept, bytes dropped] of a line past the limit. */
export type LongLine = [line: number, kept: number, dropped: number];

/** The warning for a line past `--max-line`, the same on every path. */
export function longLineWarning(file: string, [line, kept, dropped]: LongLine): string {
  return `${file}:${line}: line longer than ${kept} bytes; ${dropped} bytes past the limit were not read (see --max-line)`;
}

/** Warns of long lines numbered within a piece or chunk as lines of the file, after `before` lines. */
export function warnLongLines(file: string, long: readonly LongLine[], before: number, warn: (message: string) => void): void {
  for (const [line, kept, dropped] of long) warn(longLineWarning(file, [before + line, kept, dropped]));
}
