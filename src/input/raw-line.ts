/** A line as bytes: exact input bytes, so raw output can reproduce the input. */
export interface RawLine {
  bytes: Buffer;
  /** 1-based line number within its file */
  number: number;
  /** false for a last line that ended without a newline */
  newline: boolean;
  /** bytes dropped beyond the line-length limit (0 normally) */
  droppedBytes: number;
}

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

/** The line's text for parsing: UTF-8 (invalid bytes become U+FFFD), without a CR before the LF. */
export function lineText(bytes: Buffer): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
  return bytes.toString('utf8', 0, end);
}

/** The newlines in `bytes`: the lines it ends. */
export function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
