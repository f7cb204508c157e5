import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { FILE_STARTS_OVER, followFile } from '../../src/input/follow.ts';
import { readLines } from '../../src/input/read-lines.ts';
import { ended, tracked } from '../helpers.ts';

// What a follower must do whatever the interleaving: every byte written while it follows comes
// out exactly once, in order, across truncation, rotation, deletion and small appends. Each case
// runs 20 rounds of its change, done without waiting for the follower in between the steps of a
// round (that is where the races are), then again with two busy processes beside it.
const dir = mkdtempSync(join(tmpdir(), 'asalog-follow-rounds-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ROUNDS = 20;
const line = (round: number, i: number) => `<166>Nov 20 2026 10:01:02 fw-1 : %ASA-6-302013: round ${round} line ${i} ${'x'.repeat((round * 37 + i * 11) % 90)}\n`;
const lines = (round: number, count: number) => Array.from({ length: count }, (_, i) => line(round, i)).join('');

/** A follower of `file` in this process: what it has yielded so far, the starts-over it saw. */
function follower(file: string) {
  const stop = new AbortController();
  const state = { out: '', startsOver: 0, notices: [] as string[], done: Promise.resolve() };
  state.done = (async () => {
    for await (const chunk of followFile(file, { signal: stop.signal, pollMs: 5, onNotice: (m) => state.notices.push(m) })) {
      if (chunk === FILE_STARTS_OVER) state.startsOver++;
      else state.out += chunk.toString();
    }
  })();
  return { state, stop: async () => { stop.abort(); await state.done; } };
}

async function caughtUp(what: () => string, expected: string, label: string): Promise<void> {
  for (let i = 0; i < 1000 && what().length < expected.length; i++) await sleep(10);
  assert.equal(what(), expected, label);
}

interface Case {
  name: string;
  /** one round's change to the file; returns what the follower must yield for it */
  round: (file: string, round: number) => Promise<string> | string;
  startsOverPerRound: number;
}

const CASES: Case[] = [
  {
    name: 'truncated and rewritten (longer, shorter, alike in length)',
    round: (file, r) => {
      const text = lines(r, [1, 30, 3, 12][r % 4]!);
      writeFileSync(file, text);
      return text;
    },
    startsOverPerRound: 1,
  },
  {
    name: 'appended in many small writes, lines cut anywhere',
    round: async (file, r) => {
      const text = lines(r, 15);
      for (let at = 0; at < text.length;) {
        const size = 1 + ((at * 7 + r) % 23);
        appendFileSync(file, text.slice(at, at + size));
        at += size;
        if (at % 5 === 0) await sleep(1);
      }
      return text;
    },
    startsOverPerRound: 0,
  },
  {
    name: 'rotated: a last line written to the old file, renamed, a new file created',
    round: (file, r) => {
      appendFileSync(file, line(r, 999));
      renameSync(file, `${file}.1`);
      const text = lines(r, 4);
      writeFileSync(file, text);
      return line(r, 999) + text;
    },
    startsOverPerRound: 1,
  },
  {
    name: 'deleted and created again',
    round: (file, r) => {
      appendFileSync(file, line(r, 998));
      unlinkSync(file);
      const text = lines(r, 5);
      writeFileSync(file, text);
      return line(r, 998) + text;
    },
    startsOverPerRound: 1,
  },
];

async function runRounds(c: Case, tag: string): Promise<void> {
  const file = join(dir, `${tag}-${c.name.replace(/\W+/g, '-')}.log`);
  let expected = lines(100, 2);
  writeFileSync(file, expected);
  const f = follower(file);
  try {
    await caughtUp(() => f.state.out, expected, 'the first lines');
    for (let r = 0; r < ROUNDS; r++) {
      expected += await c.round(file, r);
      await caughtUp(() => f.state.out, expected, `round ${r}`);
    }
  } finally {
    await f.stop();
  }
  assert.equal(f.state.out, expected);
  // a rewrite seen twice (by its size and by its head) would start over twice and lose nothing,
  // but it would repeat the notice: one per change
  assert.equal(f.state.startsOver, c.startsOverPerRound * ROUNDS, f.state.notices.join('\n'));
}

describe('--follow, 20 rounds of each change', () => {
  for (const c of CASES) test(c.name, () => runRounds(c, 'quiet'));
});

describe('--follow, 20 rounds of each change, the machine loaded by two busy processes', () => {
  const busy = [0, 1].map(() => tracked(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })));
  after(async () => {
    for (const b of busy) b.kill('SIGKILL');
    await Promise.all(busy.map((b) => ended(b, 5_000).catch(() => undefined)));
  });
  for (const c of CASES) test(c.name, () => runRounds(c, 'loaded'));
});

test('a partial last line completed later is one line; one left unfinished by a rewrite ends there', async () => {
  const file = join(dir, 'partial.log');
  writeFileSync(file, `${line(0, 0)}${line(0, 1).slice(0, 20)}`);
  const stop = new AbortController();
  const seen: { text: string; number: number }[] = [];
  const reading = (async () => {
    for await (const batch of readLines({ paths: [file], follow: true, signal: stop.signal, maxLineBytes: 1 << 20, onError: () => undefined, onWarning: () => undefined })) {
      for (const l of batch.lines) seen.push({ text: l.bytes.toString(), number: l.number });
    }
  })();
  try {
    const wait = async (n: number) => {
      for (let i = 0; i < 1000 && seen.length < n; i++) await sleep(10);
      assert.equal(seen.length, n, JSON.stringify(seen));
    };
    await wait(1);
    await sleep(300); // several polls: the partial line must not come out on its own
    assert.equal(seen.length, 1);
    appendFileSync(file, line(0, 1).slice(20));
    await wait(2);
    assert.deepEqual(seen[1], { text: line(0, 1).slice(0, -1), number: 2 });
    appendFileSync(file, 'unfinished');
    await sleep(300);
    writeFileSync(file, line(1, 0)); // truncated and rewritten: 'unfinished' never gets its newline
    await wait(4);
    assert.deepEqual(seen.slice(2), [{ text: 'unfinished', number: 3 }, { text: line(1, 0).slice(0, -1), number: 1 }]);
  } finally {
    stop.abort();
    await reading;
  }
});
