import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { Progress } from '../../src/render/progress.ts';

function capture(): { stream: Writable; text: () => string } {
  const parts: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { parts.push(String(chunk)); done(); } });
  return { stream, text: () => parts.join('') };
}

test('progress shows only on a terminal, never in a pipe or under CI', () => {
  assert.equal(Progress.enabled({ isTTY: true }, {}), true);
  assert.equal(Progress.enabled({ isTTY: false }, {}), false);
  assert.equal(Progress.enabled({}, {}), false);
  assert.equal(Progress.enabled({ isTTY: true }, { CI: 'true' }), false);
});

test('one line rewritten in place: bytes read, share of the total, rate; cleared at the end', async () => {
  const out = capture();
  const p = new Progress(out.stream, 40e6);
  await sleep(210);
  p.add(10e6);
  p.add(10e6); // within 200 ms of the last draw: not redrawn
  await sleep(210);
  p.add(10e6);
  p.clear();
  const draws = out.text().split('\r\x1b[K').filter(Boolean);
  assert.equal(draws.length, 2, out.text());
  assert.match(draws[0]!, /^asalog: read 10 MB \(25%\) at \d+ MB\/s$/);
  assert.match(draws[1]!, /^asalog: read 30 MB \(75%\) at \d+ MB\/s$/);
  assert.ok(out.text().endsWith('\r\x1b[K'), 'the line is erased before the report');
});

test('stdin has no known size: no share, and nothing to clear when nothing was drawn', async () => {
  const out = capture();
  const p = new Progress(out.stream, null);
  p.clear();
  assert.equal(out.text(), '');
  await sleep(210);
  p.add(5e6);
  assert.match(out.text(), /^\r\x1b\[Kasalog: read 5 MB at \d+ MB\/s$/);
});
