import { setFlagsFromString } from 'node:v8';

// The sections and `--by` keep a bounded live set (TopCounters: ~20 MB on the 1.1 GB bench log),
// but each line they read leaves a few short-lived objects, and V8's defaults let a heap grow to
// several times its live set before a full collection (old space) and its new space to 16 MB per
// semi-space: ~310 MB of RSS on two threads. Collecting sooner keeps it near what is live:
// - the old space grows by 20% of what survived a full collection instead of V8's 1.1-4×;
// - the new space keeps its starting size instead of doubling (pool threads get their own 4 MB
//   cap, scan/inputs.ts).
// Both flags are read by the collector each time it sizes a heap, so setting them after start-up
// works, process-wide; but V8 holds the young generation's growth factor at 2 or more (a
// minimum-value implication, enforced again as a thread starts: seen on Node 20, the main
// thread's grew to 32 MB once the pool had started), so every thread that reads fields sets it
// again (task.ts). Where a V8 enforces it at once, the young generation just grows as before.
// Measured on 2 cores, summary --sections: 1.1 GB bench log 310 → 173-180 MB peak RSS, the time
// within noise; 111 MB log on one thread 182-192 → 104-107 MB for ~9% more time. Left alone where
// nothing unbounded is at stake and the cost is higher: -o json (+11%), a filtered summary (+17%,
// 145 MB already).
let applied = false;

/** Keep this process's heaps near their live size, from now on. */
export function keepHeapsNearLive(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--heap-growing-percent=20');
  setFlagsFromString('--semi-space-growth-factor=1');
}
