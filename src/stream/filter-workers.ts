import type { SplitFile } from '../input/open.js';
import { warnLongLines, type ReadOptions } from '../input/read-options.js';
import { yearContext } from '../parse/year-context.js';
import { claimPieces } from '../workers/claim.js';
import { FilePieces, type PieceRange } from '../workers/file-pieces.js';
import type { WorkerPool } from '../workers/pool.js';
import { pieceBytes } from '../workers/split.js';
import type { StreamSink } from './output-sink.js';
import { rawScanner, type RawFileJob, type RawLocal, type RawResult } from './raw-filter.js';
import type { StreamRequest } from './task.js';

// Pieces are claimed by every thread in turn and written in file order: at most WINDOW of them
// past the last one written, which bounds memory when the output is read slowly.
const PIECE_BYTES = 4 << 20;
const WINDOW = 8;

/**
 * `-o raw` filtered on the tag for one large regular file, on every core: this thread and the
 * pool's threads claim pieces and read them themselves (no copying between threads but the kept
 * lines); the pieces' output is written in file order.
 */
export async function filterFileInWorkers(pool: WorkerPool, local: RawLocal, file: SplitFile, read: ReadOptions, env: NodeJS.ProcessEnv, sink: StreamSink): Promise<{ lines: number; matched: number }> {
  const range: PieceRange = { path: file.path, size: file.size, pieceBytes: pieceBytes(env, PIECE_BYTES), shared: FilePieces.sharedState(), window: WINDOW };
  const job: RawFileJob = { range, file: file.path, ...yearContext(read.year, file.mtime), maxLineBytes: read.maxLineBytes };
  const request: StreamRequest = { kind: 'filter', job };
  const total = { lines: 0, matched: 0 };
  await claimPieces<RawResult>(pool, {
    range,
    scanner: rawScanner(job, local),
    request,
    signal: read.signal,
    onPiece: (piece) => read.onBytes?.(piece.bytes),
    write: async (piece) => {
      // after a stop, the first piece cut short ends the output: what follows it would leave a gap
      if (!piece.whole) return false;
      const r = piece.result;
      warnLongLines(file.path, r.long, total.lines, read.onWarning);
      total.lines += r.lines;
      total.matched += r.matched;
      if (r.out.length) await sink.write(r.out);
      return true;
    },
  });
  return total;
}
