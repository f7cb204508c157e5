import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { TransferListItem } from 'node:worker_threads';
import { fromThreadError, type FromThread, type ThreadData, type ToThread } from './protocol.js';

interface Pending {
  onResult: (value: unknown) => void;
  resolve: () => void;
  reject: (err: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * The one pool of worker threads, for the stream view, the raw filter and summary alike: each
 * thread loads the task module it is given (see protocol.ts) and answers requests in order. A
 * request is answered by any number of results, then done. A thread that fails or dies fails
 * every request still open, and the pool with it.
 */
export class WorkerPool {
  private readonly threads: Thread[] = [];
  private failure: Error | null = null;
  private closing = false;
  private nextId = 0;

  /** `task`: the module the threads run (it exports `startTask(init)`); `limits`: each thread's heap */
  constructor(task: URL, init: unknown, size: number, limits?: ResourceLimits) {
    const workerData: ThreadData = { task: task.href, init };
    for (let i = 0; i < size; i++) {
      const thread: Thread = { worker: new Worker(new URL('./thread.js', import.meta.url), { workerData, resourceLimits: limits }), pending: new Map() };
      thread.worker.on('message', (m: FromThread) => this.answer(thread, m));
      thread.worker.on('error', (err) => this.fail(err));
      thread.worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`worker thread stopped with exit code ${code}`));
      });
      this.threads.push(thread);
    }
  }

  get size(): number {
    return this.threads.length;
  }

  /**
   * Sends `request` to the least busy thread with fewer than `room` requests open; null when every
   * thread is that busy (the caller can do the work itself). Resolves with the single result.
   */
  offer<R>(request: unknown, transfer: TransferListItem[], room: number): Promise<R> | null {
    let thread: Thread | null = null;
    for (const t of this.threads) if (t.pending.size < room && (thread === null || t.pending.size < thread.pending.size)) thread = t;
    if (thread === null) return null;
    let result: R | undefined;
    return this.send(thread, request, transfer, (r) => (result = r as R)).then(() => result as R);
  }

  /** The same request to `count` threads (at most every one); each of their results goes to `onResult`. */
  broadcast<R>(request: unknown, count: number, onResult: (result: R) => void): Promise<void>[] {
    return this.threads.slice(0, count).map((t) => this.send(t, request, [], onResult as (value: unknown) => void));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private send(thread: Thread, request: unknown, transfer: TransferListItem[], onResult: (value: unknown) => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { onResult, resolve, reject });
      const message: ToThread = { id, request };
      thread.worker.postMessage(message, transfer);
    });
  }

  private answer(thread: Thread, m: FromThread): void {
    const pending = thread.pending.get(m.id);
    if (!pending) return;
    if (m.kind === 'result') return pending.onResult(m.value);
    thread.pending.delete(m.id);
    if (m.kind === 'done') pending.resolve();
    else pending.reject(fromThreadError(m.error));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const t of this.threads) {
      for (const p of t.pending.values()) p.reject(this.failure);
      t.pending.clear();
    }
  }
}
