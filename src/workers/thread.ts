// Every pool thread runs this: it loads its task module once, then answers requests in order.
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { toThreadError, type FromThread, type StartTask, type TaskHandler, type ThreadData, type ToThread } from './protocol.js';

const { task, init } = workerData as ThreadData;
const port = parentPort!;
const post = (message: FromThread, transfer?: TransferListItem[]): void => port.postMessage(message, transfer ?? []);

let handler: TaskHandler;
try {
  const { startTask } = (await import(task)) as { startTask: StartTask };
  handler = await startTask(init);
} catch (err) {
  // a thread that cannot start (say, a catalog it cannot read) answers every request with why
  const error = toThreadError(err);
  handler = () => {
    throw Object.assign(new Error(error.message), { code: error.code, syscall: error.syscall, stack: error.stack });
  };
}

port.on('message', ({ id, request }: ToThread) => {
  try {
    handler(request, (value, transfer) => post({ id, kind: 'result', value }, transfer));
    post({ id, kind: 'done' });
  } catch (err) {
    post({ id, kind: 'error', error: toThreadError(err) });
  }
});
