/** The year for timestamps written without one, and the instant no line of the input can pass. */
export interface YearContext {
  year: number;
  /** epoch ms; set only when the year was inferred from a finished file's modification time */
  notAfter?: number;
}

/**
 * `--year` as given; else the year of the file's modification time, which also bounds its lines
 * (a `Dec 31` line in a file rotated on Jan 1 is last year's); else (stdin, a followed file: lines
 * still arriving) the current year.
 */
export function yearContext(given: number | undefined, mtime: Date | null | undefined): YearContext {
  if (given !== undefined) return { year: given };
  if (!mtime) return { year: new Date().getFullYear() };
  return { year: mtime.getFullYear(), notAfter: mtime.getTime() };
}
