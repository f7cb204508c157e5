// What the pool's threads do for `summary` (loaded by workers/thread.ts): claim pieces of a file
// and count each with a SummaryScanner, posting every piece's tally as it finishes, so an
// interrupted run still reports everything counted.
import type { YearContext } from '../parse/year-context.js';
import { FilePieces, type PieceRange } from '../workers/file-pieces.js';
import type { TaskHandler } from '../workers/protocol.js';
import { SummaryScanner } from './scan/scanner.js';
import { SectionsFeed, type SectionsSpec } from './sections-feed.js';
import type { Lang } from '../catalog/types.js';
import { catalogFromFiles, type CatalogFiles } from '../catalog/load.js';
import { keepHeapsNearLive } from './heap-budget.js';

/** What the pool's threads need to read the sections too: the catalog's files, read again there. */
export interface CountInit {
  sections: SectionsSpec;
  catalog: CatalogFiles;
  /** the language the main thread's catalog was read in (its texts are not read, but the variables a translation lists are read the same) */
  lang: Lang;
}

/** One regular file counted in pieces by several threads. */
export interface CountFileJob extends YearContext {
  range: PieceRange;
  /** the file's name in the report */
  name: string;
  tz?: string;
  maxLineBytes: number;
}

/** A scanner for one file's pieces (reused for the next file: its kernel is costly to open). */
export function pieceCounter(job: CountFileJob, scanner = new SummaryScanner(job.maxLineBytes)): SummaryScanner {
  scanner.startFile({ name: job.name, year: job.year, notAfter: job.notAfter, tz: job.tz });
  return scanner;
}

export function startTask(init: CountInit | null): TaskHandler {
  // a thread's start undoes the young generation's setting (heap-budget.ts): this thread sets it again
  if (init !== null) keepHeapsNearLive();
  const feed = init === null ? null : new SectionsFeed(catalogFromFiles(init.catalog, init.lang), init.sections);
  let scanner: SummaryScanner | undefined;
  return (request, reply) => {
    const job = request as CountFileJob;
    scanner = pieceCounter(job, scanner ?? new SummaryScanner(job.maxLineBytes, feed));
    const reader = new FilePieces(job.range, scanner);
    try {
      for (let piece = reader.next(true); piece !== null && piece !== 'wait'; piece = reader.next(true)) reply(piece);
    } finally {
      reader.close();
    }
  };
}
