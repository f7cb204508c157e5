import type { TransferListItem } from 'node:worker_threads';
// What the pool and its threads say to each other. The pool knows nothing of the work: a thread
// loads the task module it is given (stream/task.ts, summary/task.ts) and hands it each request.

/** `workerData` of every pool thread. */
export interface ThreadData {
  /** URL of the task module: it exports `startTask` */
  task: string;
  init: unknown;
}

/** Answers one request: `reply` once per result (a piece, a piece's output), then returns. */
export type TaskHandler = (request: unknown, reply: (value: unknown, transfer?: TransferListItem[]) => void) => void;

/** What a task module exports: sets the thread up once (load the catalog, compile the step). */
export type StartTask = (init: unknown) => TaskHandler | Promise<TaskHandler>;

export interface ToThread {
  id: number;
  request: unknown;
}

/** An error as it crosses threads: `code` keeps a system error describable (ENOENT, EACCES …). */
export interface ThreadError {
  message: string;
  code?: string;
  syscall?: string;
  stack?: string;
}

export type FromThread =
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'error'; error: ThreadError };

export function toThreadError(err: unknown): ThreadError {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  return { message: e?.message ?? String(err), code, syscall: typeof e?.syscall === 'string' ? e.syscall : undefined, stack: e?.stack };
}

/** The thread's error as an Error here: a system error keeps its code and call, so it reads as the file's error; a bug keeps its stack. */
export function fromThreadError(e: ThreadError): Error {
  const err = new Error(e.code === undefined && e.stack ? e.stack : e.message);
  return e.code === undefined ? err : Object.assign(err, { code: e.code, syscall: e.syscall });
}
