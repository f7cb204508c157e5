import { open } from 'node:fs/promises';
import { isGzipFile } from '../input/open.js';
import { parseLine } from '../parse/line.js';
import { yearContext } from '../parse/year-context.js';

/** The first and last timestamps of a log, as ISO 8601. */
export interface TimeRange {
  first: string;
  last: string;
}

const EDGE_BYTES = 64 << 10;

/**
 * When a plain file's lines run, from the timestamps in its first and last 64 KB: what a filter
 * that left nothing is measured against. Null for gzip, stdin, or a file without timestamps.
 */
export async function fileTimeRange(path: string, opts: { year?: number; tz?: string }): Promise<TimeRange | null> {
  if (path === '-' || (await isGzipFile(path).catch(() => true))) return null;
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const ctx = { ...yearContext(opts.year, info.mtime), tz: opts.tz };
    const read = async (at: number): Promise<string[]> => {
      const buffer = Buffer.alloc(Math.min(EDGE_BYTES, info.size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      return buffer.subarray(0, bytesRead).toString('utf8').split('\n');
    };
    const lines = [...(await read(0)), ...(info.size > EDGE_BYTES ? await read(info.size - EDGE_BYTES) : [])];
    let range: { first: number; last: number; text: TimeRange } | null = null;
    for (const line of lines) {
      const stamp = parseLine(line, ctx).timestamp;
      const at = stamp === null ? NaN : Date.parse(stamp);
      if (Number.isNaN(at)) continue;
      if (range === null) range = { first: at, last: at, text: { first: stamp!, last: stamp! } };
      if (at < range.first) (range.first = at), (range.text.first = stamp!);
      if (at > range.last) (range.last = at), (range.text.last = stamp!);
    }
    return range?.text ?? null;
  } finally {
    await handle.close();
  }
}
