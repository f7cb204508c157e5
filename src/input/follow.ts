import { open, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FollowOptions {
  signal: AbortSignal;
  pollMs?: number;
  /** told when the file is truncated, replaced (rotation) or missing */
  onNotice?: (message: string) => void;
}

const CHUNK = 1 << 20;
const HEAD_BYTES = 256;

/**
 * Reads a file from the start and keeps reading as it grows, like `tail -F`: follows the name
 * across rotation (new inode) and starts over when the file is truncated.
 */
export async function* followFile(path: string, opts: FollowOptions): AsyncGenerator<Buffer> {
  const pollMs = opts.pollMs ?? 250;
  let handle: FileHandle | null = await open(path, 'r');
  let ino = (await handle.stat()).ino;
  let position = 0;
  // The file's first bytes as read: a file truncated and rewritten past `position` between two
  // polls never looks smaller, but its start has changed.
  let head = Buffer.alloc(0);
  let missingSaid = false;
  try {
    while (!opts.signal.aborted) {
      if (handle) {
        if (position > 0 && !(await readAt(handle, 0, head.length)).equals(head)) {
          position = 0;
          opts.onNotice?.(`${path}: file was truncated; reading from the start`);
        }
        for (let chunk = await readAt(handle, position); chunk.length > 0; chunk = await readAt(handle, position)) {
          // Truncated and rewritten longer between the check above and this read: the bytes at
          // `position` are the new file's, not the rest of the old one. Only a head that is still
          // the same after the read vouches for them.
          if (position > 0 && !(await readAt(handle, 0, head.length)).equals(head)) {
            position = 0;
            opts.onNotice?.(`${path}: file was truncated; reading from the start`);
            continue;
          }
          if (position < HEAD_BYTES) head = Buffer.concat([position === 0 ? Buffer.alloc(0) : head, chunk.subarray(0, HEAD_BYTES - position)]);
          position += chunk.length;
          yield chunk;
        }
      }
      const now = await stat(path).catch(() => null);
      if (!now) {
        if (!missingSaid) opts.onNotice?.(`${path}: file is gone; waiting for it to reappear`);
        missingSaid = true;
      } else if (now.ino !== ino || !handle) {
        // The old file has been fully drained above; switch to the new one.
        await handle?.close();
        handle = await open(path, 'r');
        ino = (await handle.stat()).ino;
        position = 0;
        missingSaid = false;
        opts.onNotice?.(`${path}: file was replaced; following the new file`);
        continue;
      } else if (now.size < position) {
        position = 0;
        opts.onNotice?.(`${path}: file was truncated; reading from the start`);
        continue;
      }
      await sleep(pollMs, undefined, { signal: opts.signal }).catch(() => undefined);
    }
  } finally {
    await handle?.close();
  }
}

async function readAt(handle: FileHandle, position: number, length = CHUNK): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
