import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrderedWriter } from '../../src/workers/ordered-writer.ts';

// The one place where output regains the input's order: whatever order pieces arrive in (threads
// finish when they finish; promises settle when they settle), `write` sees 0, 1, 2 …
test('pieces arriving in any order are written in index order, each once', async () => {
  const written: number[] = [];
  const writer = new OrderedWriter<number>((r, i) => {
    assert.equal(r, i * 10);
    written.push(i);
  });
  for (const i of [3, 1, 4, 0, 2, 6, 5]) {
    writer.put(i, i * 10);
    await writer.writeReady();
  }
  assert.deepEqual(written, [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(writer.written, 7);
  assert.equal(writer.hasNext, false);
});

test('promises are written in index order whatever order they settle in; arrival() wakes for each', async () => {
  const written: string[] = [];
  const writer = new OrderedWriter<string>((r) => {
    written.push(r);
  });
  const settle: ((v: string) => void)[] = [];
  for (let i = 0; i < 4; i++) writer.put(i, new Promise<string>((resolve) => settle.push(resolve)));
  for (const i of [2, 0, 3, 1]) {
    settle[i]!(`p${i}`);
    await writer.arrival();
    await writer.writeReady();
  }
  assert.deepEqual(written, ['p0', 'p1', 'p2', 'p3']);
});

test('write returning false ends the output there: later pieces are never written', async () => {
  const written: number[] = [];
  const writer = new OrderedWriter<number>((r) => {
    if (r === 2) return false;
    written.push(r);
    return true;
  });
  for (const i of [0, 1, 2, 3, 4]) writer.put(i, i);
  await writer.writeReady();
  assert.deepEqual(written, [0, 1]);
  assert.equal(writer.stopped, true);
});

test('a rejected piece fails the writer: arrival() resolves and writeReady() throws its error', async () => {
  const writer = new OrderedWriter<number>(() => undefined);
  writer.put(0, Promise.reject(new Error('thread died')));
  await writer.arrival();
  await assert.rejects(writer.writeReady(), /thread died/);
});
