import { availableParallelism } from 'node:os';

/** What the threads do with a file's bytes; each kind has its own pace, hence its own piece size. */
export type Work = 'render' | 'filter' | 'count';

/**
 * Threads the pool starts besides this one: ASALOG_WORKERS, else one per other core (at least
 * one). A file's pieces go to at most as many threads as there are pieces beyond the first.
 */
export function poolSize(env: NodeJS.ProcessEnv): number {
  return Math.max(1, Number(env.ASALOG_WORKERS) || availableParallelism() - 1);
}

/** Whether this machine has cores to spare for a pool at all. */
export function manyCores(): boolean {
  return availableParallelism() >= 2;
}

// One rule for every kind of work: a file goes to the pool once the pool finishes it sooner than
// one thread does. Where that happens depends on the work's pace against the pool's start (threads
// boot, load their task, warm their JIT: ~0.1-0.2 s of CPU), so it is measured per work with
// `node --import tsx bench/split.ts` (2-core VM, 2026-12-05: rendering JSON breaks even at 32-64
// MiB, the raw filter at 128-256 MiB, counting at 256 MiB; below, the pool was up to 30% slower).
const SPLIT_FROM: Record<Work, number> = { render: 32 << 20, filter: 256 << 20, count: 256 << 20 };

/** The smallest file worth splitting across threads for this work. */
export function splitFrom(work: Work): number {
  return SPLIT_FROM[work];
}

/** Bytes per piece: ASALOG_PIECE_BYTES (tests cut small files in many places), else `usual`. */
export function pieceBytes(env: NodeJS.ProcessEnv, usual: number): number {
  return Number(env.ASALOG_PIECE_BYTES) || usual;
}
