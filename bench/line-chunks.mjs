// The reading loop of the floor yardsticks (floor.ts, floor-json.ts, floor-tight/): whole lines a
// buffer at a time, straight from the read buffer. Plain JavaScript, so that the .mjs scripts run
// with plain `node` too; line-chunks.d.mts gives its type to the TypeScript ones.
import { closeSync, openSync, readSync } from 'node:fs';

/** The offset of the first line that starts at or after `from` (a line containing from-1 is the range before). */
function lineStartAt(fd, chunk, from, to) {
  for (let pos = from - 1; ; ) {
    const n = readSync(fd, chunk, 0, chunk.length, pos);
    const nl = chunk.indexOf(10);
    if (nl >= 0 && nl < n) return pos + nl + 1;
    if (n === 0) return to;
    pos += n;
  }
}

/**
 * Calls `onLines(chunk, cut)` for the lines of `file` that start in the byte range [from, to), a
 * read at a time: `chunk`[0, cut) holds whole lines, each ending in a newline but perhaps the file's
 * last. Ranges that meet split the file's lines between them, each line to one.
 */
export function forEachLineChunk(file, chunk, onLines, from = 0, to = Infinity) {
  const fd = openSync(file, 'r');
  try {
    let pos = from > 0 ? lineStartAt(fd, chunk, from, to) : 0;
    let kept = 0;
    for (;;) {
      const n = readSync(fd, chunk, kept, chunk.length - kept, pos);
      pos += n;
      const filled = kept + n;
      if (filled === 0) return;
      let cut = n === 0 ? filled : chunk.lastIndexOf(10, filled - 1) + 1;
      if (cut === 0 && filled === chunk.length) throw new Error(`a line longer than ${chunk.length} bytes: not a log these yardsticks are for`);
      let done = n === 0;
      // the range ends with the line that holds its last byte, to-1 (`limit` in the chunk)
      const limit = to - (pos - filled);
      if (limit <= cut) {
        if (limit <= 0) cut = 0;
        else {
          const nl = chunk.indexOf(10, limit - 1);
          if (nl >= 0 && nl < cut) cut = nl + 1;
        }
        done = true;
      }
      if (cut > 0) onLines(chunk, cut);
      if (done) return;
      chunk.copy(chunk, 0, cut, filled);
      kept = filled - cut;
    }
  } finally {
    closeSync(fd);
  }
}
