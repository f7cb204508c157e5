import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { gunzipIfGzip, openInput } from '../../src/input/open.ts';

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of it) parts.push(c);
  return Buffer.concat(parts);
}

const dir = mkdtempSync(join(tmpdir(), 'asalog-read-'));

test('gzip is detected by content, whatever the file name', async () => {
  const file = join(dir, 'plain-name.log');
  writeFileSync(file, gzipSync('hello\nworld\n'));
  const input = await openInput(file);
  assert.equal((await collect(input.chunks)).toString(), 'hello\nworld\n');
});

test('concatenated gzip members (appended rotations) are all read', async () => {
  const file = join(dir, 'multi.gz');
  writeFileSync(file, Buffer.concat([gzipSync('a\n'), gzipSync('b\n')]));
  assert.equal((await collect((await openInput(file)).chunks)).toString(), 'a\nb\n');
});

test('plain input passes through unchanged, even when it arrives one byte at a time', async () => {
  const bytes = Buffer.from([0x1f, 0x41, 0x00, 0xff, 0x0a]);
  const source = Readable.from([...bytes].map((b) => Buffer.from([b])));
  assert.deepEqual(await collect(gunzipIfGzip(source)), bytes);
});

test('a single byte of input is not mistaken for gzip', async () => {
  assert.deepEqual(await collect(gunzipIfGzip(Readable.from([Buffer.from([0x1f])]))), Buffer.from([0x1f]));
});

test('corrupt gzip data rejects with a zlib error after the readable part', async () => {
  const good = gzipSync('line\n'.repeat(1000));
  const file = join(dir, 'truncated.gz');
  writeFileSync(file, good.subarray(0, good.length - 10));
  await assert.rejects(collect((await openInput(file)).chunks), (err: NodeJS.ErrnoException) => /unexpected end of file/.test(err.message) || err.code === 'Z_BUF_ERROR');
});

test('a directory or a missing file is refused with its errno code', async () => {
  await assert.rejects(openInput(dir), { code: 'EISDIR' });
  await assert.rejects(openInput(join(dir, 'missing.log')), { code: 'ENOENT' });
});
