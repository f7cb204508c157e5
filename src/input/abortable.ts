/**
 * Iterates `source` until `signal` aborts, even while a read is pending (an idle stdin or a
 * quiet followed file): the pending read is abandoned and iteration ends normally.
 */
export async function* abortable<T>(source: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (!signal) {
    yield* source;
    return;
  }
  const it = source[Symbol.asyncIterator]();
  try {
    while (!signal.aborted) {
      const next = await nextOrAbort(it, signal);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void it.return?.();
  }
}

// A listener per read, removed when the read settles. (Racing every read against one long-lived
// "aborted" promise kept each read's result reachable from that promise: the whole input stayed
// in memory until the end.)
function nextOrAbort<T>(it: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve({ done: true, value: undefined });
    signal.addEventListener('abort', onAbort, { once: true });
    it.next().then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
