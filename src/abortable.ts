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
  let onAbort = (): void => {};
  const aborted = new Promise<IteratorResult<T>>((resolve) => {
    onAbort = () => resolve({ done: true, value: undefined });
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    for (;;) {
      const next = await Promise.race([it.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // One listener per input file would pile up on the shared signal over many files.
    signal.removeEventListener('abort', onAbort);
    void it.return?.();
  }
}
