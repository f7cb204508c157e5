import { open, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FollowOptions {
  signal: AbortSignal;
  pollMs?: number;
  /** told when the file is truncated, replaced (rotation) or missing */
  onNotice?: (message: string) => void;
}

const CHUNK = 1 << 20;

/**
 * Reads a file from the start and keeps reading as it grows, like `tail -F`: follows the name
 * across rotation (new inode) and starts over when the file is truncated.
 */
export async function* followFile(path: string, opts: FollowOptions): AsyncGenerator<Buffer> {
  const pollMs = opts.pollMs ?? 250;
  let handle: FileHandle | null = await open(path, 'r');
  let ino = (await handle.stat()).ino;
  let position = 0;
  let missingSaid = false;
  try {
    while (!opts.signal.aborted) {
      if (handle) {
        for (let chunk = await readAt(handle, position); chunk.length > 0; chunk = await readAt(handle, position)) {
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

async function readAt(handle: FileHandle, position: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
  return buffer.subarray(0, bytesRead);
}
