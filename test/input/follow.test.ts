import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FILE_STARTS_OVER, followFile } from '../../src/input/follow.ts';

const dir = mkdtempSync(join(tmpdir(), 'asalog-follow-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The interleaving behind a flaky --follow test, made certain: the file is truncated and
// rewritten longer after the follower checked its first bytes and before it read on at its old
// position. The bytes found there are the new file's, and must not be written as the old one's tail.
test('truncated and rewritten between the check of its start and the read that follows it: every line once', async (t) => {
  const file = join(dir, 'rewritten.log');
  writeFileSync(file, 'short\n');
  const probe = await open(file, 'r');
  const proto = Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => Promise<unknown> };
  await probe.close();
  const read = proto.read;
  t.after(() => {
    proto.read = read;
  });
  let armed = false;
  proto.read = function (this: unknown, ...args: unknown[]) {
    // the read at position 6 (past `short\n`) once the first line was taken: rewrite just before it
    if (armed && args[3] === 6) {
      armed = false;
      writeFileSync(file, 'a much longer new first line\nsecond\n');
    }
    return read.apply(this, args);
  };
  const stop = new AbortController();
  // every wait has an end: a follower that never yields again still lets the test finish
  const deadline = setTimeout(() => stop.abort(), 10_000);
  t.after(() => clearTimeout(deadline));
  const notices: string[] = [];
  let out = '';
  for await (const chunk of followFile(file, { signal: stop.signal, pollMs: 20, onNotice: (m) => notices.push(m) })) {
    if (chunk === FILE_STARTS_OVER) continue;
    out += chunk.toString();
    if (out === 'short\n') armed = true;
    if (out.length >= 'short\na much longer new first line\nsecond\n'.length) stop.abort();
  }
  assert.equal(out, 'short\na much longer new first line\nsecond\n');
  assert.deepEqual(notices, [`${file}: file was truncated; reading from the start`]);
});

// Started at the last lines (-n), the follower never read the file's start: it reads it once to
// know the file, so a rewrite past the start position is still caught.
test('started mid-file: a rewrite longer than the start position is read from its start', async (t) => {
  const file = join(dir, 'mid.log');
  const first = 'first line of the old file\nsecond\nthird\n';
  writeFileSync(file, first);
  const stop = new AbortController();
  const deadline = setTimeout(() => stop.abort(), 10_000);
  t.after(() => clearTimeout(deadline));
  const rewritten = `a new file, longer than the old one was: ${'x'.repeat(80)}\n`;
  let out = '';
  let rewrote = false;
  for await (const chunk of followFile(file, { signal: stop.signal, pollMs: 20, from: first.indexOf('third') })) {
    if (chunk === FILE_STARTS_OVER) continue;
    out += chunk.toString();
    if (!rewrote) {
      rewrote = true;
      writeFileSync(file, rewritten);
    }
    if (out.length >= 'third\n'.length + rewritten.length) stop.abort();
  }
  assert.equal(out, `third\n${rewritten}`);
});
