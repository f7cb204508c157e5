import { createReadStream, fstatSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface OpenedInput {
  /** the name used in messages and records: the path, or `(stdin)` */
  name: string;
  /** the file's modification time, for year inference; null for stdin */
  mtime: Date | null;
  size: number | null;
  chunks: AsyncIterable<Buffer>;
}

export const STDIN_NAME = '(stdin)';
const GZIP_MAGIC = [0x1f, 0x8b];
const READ_CHUNK = 1 << 20;

/**
 * An input to read: a path or `-` for stdin; a plain file from byte `offset` on (`-n`: gzip is
 * read whole). `onBytes` counts the bytes read from it, compressed ones for gzip, so progress
 * measured against the file's size ends at 100%.
 */
export async function openInput(path: string, stdin: NodeJS.ReadableStream = process.stdin, offset = 0, onBytes?: (bytes: number) => void): Promise<OpenedInput> {
  if (path === '-') {
    const source = stdin === process.stdin && stdinIsFile() ? stdinFile() : stdin as AsyncIterable<Buffer>;
    return { name: STDIN_NAME, mtime: null, size: null, chunks: gunzipIfGzip(counted(source, onBytes)) };
  }
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK, start: offset });
  return { name: path, mtime: info.mtime, size: info.size, chunks: gunzipIfGzip(counted(stream, onBytes)) };
}

async function* counted(source: AsyncIterable<Buffer>, onBytes: ((bytes: number) => void) | undefined): AsyncGenerator<Buffer> {
  if (onBytes === undefined) return yield* source;
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** `asalog < file`: stdin is a regular file, read a megabyte at a time (process.stdin reads 64 KB). */
function stdinIsFile(): boolean {
  try {
    return fstatSync(0).isFile();
  } catch {
    return false;
  }
}

function stdinFile(): AsyncIterable<Buffer> {
  // from the current offset (a shell may have read part of it already); fd 0 stays open
  return createReadStream('', { fd: 0, highWaterMark: READ_CHUNK, autoClose: false });
}

/** The bytes of all the named files, for progress: null when stdin is among them. */
export async function inputsSize(paths: string[]): Promise<number | null> {
  if (paths.length === 0 || paths.includes('-')) return null;
  let total = 0;
  for (const p of paths) total += (await stat(p).catch(() => null))?.size ?? 0;
  return total;
}

/** A file that can be cut into byte ranges for other threads. */
export interface SplitFile {
  path: string;
  size: number;
  mtime: Date;
}

/**
 * A regular, uncompressed, non-empty file of at least `minBytes`: one that can be cut into byte
 * ranges for worker threads (gzip cannot). Null otherwise; a file that cannot be read throws.
 */
export async function splittableFile(path: string, minBytes: number): Promise<SplitFile | null> {
  const info = await stat(path);
  if (!info.isFile() || info.size === 0 || info.size < minBytes) return null;
  return (await isGzipFile(path)) ? null : { path, size: info.size, mtime: info.mtime };
}

/** Whether the file starts with gzip's magic bytes (content decides, not the name). */
export async function isGzipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && isGzipMagic(buffer);
  } finally {
    await fh.close();
  }
}

function isGzipMagic(head: Buffer): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** Decompresses gzip by content (magic bytes), not by file name; other input passes unchanged. */
export async function* gunzipIfGzip(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  let head: Buffer = Buffer.alloc(0);
  while (head.length < GZIP_MAGIC.length) {
    const next = await it.next();
    if (next.done) {
      if (head.length) yield head;
      return;
    }
    head = head.length ? Buffer.concat([head, toBuffer(next.value)]) : toBuffer(next.value);
  }
  const rest = (async function* () {
    yield head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield toBuffer(next.value);
  })();
  if (!isGzipMagic(head)) {
    yield* rest;
    return;
  }
  const gunzip = createGunzip();
  pipeline(Readable.from(rest), gunzip, () => {
    // errors surface through iterating `gunzip`, which pipeline destroys with the error
  });
  for await (const chunk of gunzip) yield chunk as Buffer;
}

function toBuffer(chunk: unknown): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
}
