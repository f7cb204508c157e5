import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// The pool runs its threads from the build (dist/workers/thread.js, as the CLI does); the task
// module is a JavaScript fixture (the threads have no tsx).
const DIST_POOL = new URL('../../dist/workers/pool.js', import.meta.url);
const TASK = new URL('../fixtures/workers/echo-task.mjs', import.meta.url);
const built = existsSync(fileURLToPath(DIST_POOL));
type Pool = import('../../src/workers/pool.ts').WorkerPool;
const { WorkerPool } = (built ? await import(DIST_POOL.href) : {}) as typeof import('../../src/workers/pool.ts');

describe('the worker pool', { skip: built ? false : 'dist/ not built: run npm run build' }, () => {
  const pools: Pool[] = [];
  const open = (init: unknown, size: number): Pool => {
    const pool = new WorkerPool(TASK, init, size);
    pools.push(pool);
    return pool;
  };
  after(() => Promise.all(pools.map((p) => p.close())));

  test('offer: one result per request, to a thread with room; null when every thread is that busy', async () => {
    const pool = open(null, 2);
    const slow = [pool.offer<string>({ kind: 'slow', n: 300 }, [], 1), pool.offer<string>({ kind: 'slow', n: 300 }, [], 1)];
    assert.ok(slow.every((p) => p !== null), 'each thread takes one');
    assert.equal(pool.offer({ kind: 'echo', n: 1 }, [], 1), null, 'both threads have one open request');
    assert.deepEqual(await Promise.all(slow), ['slow', 'slow']);
    assert.equal(await pool.offer<number>({ kind: 'echo', n: 21 }, [], 1), 42);
  });

  test('broadcast: the same request to each thread, every result delivered, then done', async () => {
    const pool = open(null, 3);
    const got: number[] = [];
    await Promise.all(pool.broadcast<number>({ kind: 'many', n: 5 }, 2, (r) => got.push(r)));
    assert.deepEqual(got.sort(), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  test('a request that throws fails alone; the thread goes on answering', async () => {
    const pool = open(null, 1);
    await assert.rejects(pool.offer({ kind: 'throw' }, [], 2)!, /bad request/);
    assert.equal(await pool.offer<number>({ kind: 'echo', n: 2 }, [], 2), 4);
  });

  test('a thread that cannot start answers every request with why, its system error code kept', async () => {
    const pool = open({ failStart: true }, 1);
    await assert.rejects(pool.offer({ kind: 'echo', n: 1 }, [], 2)!, (err: NodeJS.ErrnoException) => err.code === 'EACCES' && err.syscall === 'open');
  });

  test('a thread that dies fails its open requests and every later one', async () => {
    const pool = open(null, 1);
    await assert.rejects(pool.offer({ kind: 'exit' }, [], 2)!, /exit code 3/);
    await assert.rejects(pool.offer({ kind: 'echo', n: 1 }, [], 2)!, /exit code 3/);
  });
});
