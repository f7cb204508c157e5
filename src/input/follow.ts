import { open, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FollowOptions {
  signal: AbortSignal;
  pollMs?: number;
  /** told when the file is truncated, replaced (rotation) or missing */
  onNotice?: (message: string) => void;
  /** the byte offset to start at in the file as it is now (`-n`); a file replaced later is read from its start */
  from?: number;
}

/**
 * Yielded between the last bytes of one file and the first of the next (truncated, rotated,
 * recreated): a line the old file left unfinished ends there, and line numbers start again.
 */
export const FILE_STARTS_OVER: unique symbol = Symbol('the followed file starts over');

const CHUNK = 1 << 20;
const HEAD_BYTES = 256;

/**
 * Reads a file from the start and keeps reading as it grows, like `tail -F`: follows the name
 * across rotation (new inode) and starts over when the file is truncated. Every byte the file
 * holds when it is read is yielded once, in order:
 * - a file replaced (renamed, or deleted and created again) is read to its end once more after
 *   the replacement is seen, so lines written just before it are not lost;
 * - a file truncated and rewritten is caught by a smaller size or by changed first bytes, checked
 *   after every read, so bytes of the new file are never taken for the rest of the old one.
 */
export async function* followFile(path: string, opts: FollowOptions): AsyncGenerator<Buffer | typeof FILE_STARTS_OVER> {
  const pollMs = opts.pollMs ?? 250;
  const file = await FollowedFile.open(path, opts.onNotice, opts.from ?? 0);
  let missingSaid = false;
  try {
    while (!opts.signal.aborted) {
      yield* file.drain();
      const now = await stat(path).catch(() => null);
      if (!now) {
        if (!missingSaid) opts.onNotice?.(`${path}: file is gone; waiting for it to reappear`);
        missingSaid = true;
      } else if (now.ino !== file.ino || (await file.deleted())) {
        // Replaced (a file deleted and created again may get the inode number back: the one held
        // then says it was deleted). What was written to the old file since the read above comes first.
        yield* file.drain();
        // gone again between the stat and the open: keep waiting for it
        const next = await open(path, 'r').catch(() => null);
        if (next === null) continue;
        await file.switchTo(next);
        missingSaid = false;
        opts.onNotice?.(`${path}: file was replaced; following the new file`);
        yield FILE_STARTS_OVER;
        continue;
      } else if (now.size < file.position) {
        file.startOver();
        yield FILE_STARTS_OVER;
        continue;
      }
      await sleep(pollMs, undefined, { signal: opts.signal }).catch(() => undefined);
    }
  } finally {
    await file.close();
  }
}

/** The open file being followed: where it was read to, and the first bytes read, to see a rewrite. */
class FollowedFile {
  position = 0;
  ino = 0;
  // The file's first bytes as read: a file truncated and rewritten past `position` between two
  // polls never looks smaller, but its start has changed.
  private head: Buffer = Buffer.alloc(0);

  private constructor(private handle: FileHandle, private readonly path: string, private readonly onNotice?: (message: string) => void) {}

  static async open(path: string, onNotice: ((message: string) => void) | undefined, from: number): Promise<FollowedFile> {
    const file = new FollowedFile(await open(path, 'r'), path, onNotice);
    file.ino = (await file.handle.stat()).ino;
    if (from > 0) {
      // the start that was not read still vouches that the file was not rewritten
      file.head = await file.readAt(0, Math.min(HEAD_BYTES, from));
      file.position = file.head.length < Math.min(HEAD_BYTES, from) ? 0 : from;
    }
    return file;
  }

  /** Everything from `position` to the end of the file as it is now; FILE_STARTS_OVER when it was rewritten. */
  async *drain(): AsyncGenerator<Buffer | typeof FILE_STARTS_OVER> {
    if (await this.rewritten()) yield FILE_STARTS_OVER;
    for (let chunk = await this.readAt(this.position); chunk.length > 0; chunk = await this.readAt(this.position)) {
      // Truncated and rewritten longer between the check above and this read: the bytes at
      // `position` are the new file's, not the rest of the old one. Only a head that is still
      // the same after the read vouches for them.
      if (await this.rewritten()) {
        yield FILE_STARTS_OVER;
        continue;
      }
      if (this.position < HEAD_BYTES) this.head = Buffer.concat([this.position === 0 ? Buffer.alloc(0) : this.head, chunk.subarray(0, HEAD_BYTES - this.position)]);
      this.position += chunk.length;
      yield chunk;
    }
  }

  /** Read from the start again (the truncation notice said so). */
  startOver(): void {
    this.position = 0;
    this.onNotice?.(`${this.path}: file was truncated; reading from the start`);
  }

  async switchTo(next: FileHandle): Promise<void> {
    await this.handle.close();
    this.handle = next;
    this.ino = (await next.stat()).ino;
    this.position = 0;
  }

  /** The file held open has no name any more: the path names another file, even with the same inode number. */
  async deleted(): Promise<boolean> {
    return (await this.handle.stat()).nlink === 0;
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /** True (and reading starts over) when the first bytes read are no longer the file's first bytes. */
  private async rewritten(): Promise<boolean> {
    if (this.position === 0 || (await this.readAt(0, this.head.length)).equals(this.head)) return false;
    this.startOver();
    return true;
  }

  private async readAt(position: number, length = CHUNK): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  }
}
