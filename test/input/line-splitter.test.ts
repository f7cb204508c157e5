import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineSplitter } from '../../src/input/line-splitter.ts';
import type { RawLine } from '../../src/input/raw-line.ts';

function split(chunks: (string | Buffer)[], max?: number): RawLine[] {
  const s = new LineSplitter(max);
  const out: RawLine[] = [];
  for (const c of chunks) out.push(...s.push(typeof c === 'string' ? Buffer.from(c) : c));
  out.push(...s.end());
  return out;
}

test('lines split on LF; CR stays in the bytes; numbering is 1-based', () => {
  const lines = split(['a\r\nb\n']);
  assert.deepEqual(lines.map((l) => l.bytes.toString('latin1')), ['a\r', 'b']);
  assert.deepEqual(lines.map((l) => l.number), [1, 2]);
  assert.ok(lines.every((l) => l.newline));
});

test('a last line without a newline still counts', () => {
  const lines = split(['a\nb']);
  assert.equal(lines.length, 2);
  assert.equal(lines[1]!.newline, false);
  assert.equal(lines[1]!.bytes.toString(), 'b');
});

test('empty input gives no lines; a lone newline gives one empty line', () => {
  assert.equal(split([]).length, 0);
  assert.equal(split(['']).length, 0);
  const one = split(['\n']);
  assert.equal(one.length, 1);
  assert.equal(one[0]!.bytes.length, 0);
});

test('lines spanning chunk boundaries are joined byte for byte (split inside a UTF-8 sequence too)', () => {
  const text = Buffer.from('WebVPNセッション\n2行目\n');
  const chunks = [...text].map((b) => Buffer.from([b]));
  const lines = split(chunks);
  assert.deepEqual(lines.map((l) => l.bytes.toString()), ['WebVPNセッション', '2行目']);
});

test('invalid UTF-8 and NUL bytes survive unchanged', () => {
  const bytes = Buffer.from([0x41, 0x00, 0xff, 0xfe, 0xc3, 0x0a, 0x42]);
  const lines = split([bytes]);
  assert.deepEqual(Buffer.concat([lines[0]!.bytes, Buffer.from('\n'), lines[1]!.bytes]), bytes);
});

test('an overlong line keeps its head, counts the rest, and the next line is intact', () => {
  const lines = split(['x'.repeat(10), 'y'.repeat(10), '\nnext\n'], 8);
  assert.equal(lines.length, 2);
  assert.equal(lines[0]!.bytes.toString(), 'xxxxxxxx');
  assert.equal(lines[0]!.droppedBytes, 12);
  assert.equal(lines[1]!.bytes.toString(), 'next');
  assert.equal(lines[1]!.droppedBytes, 0);
});
