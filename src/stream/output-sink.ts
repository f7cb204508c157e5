import { once } from 'node:events';

/** Where the stream view's output goes, batched: write, and await it when it says so. */
export interface StreamSink {
  write(part: string | Buffer): Promise<void> | undefined;
  flush(): Promise<void>;
}

/**
 * Batches output into large writes (one syscall per ~64 KB, not per line) and honours
 * back-pressure. `flush` at the end of each input chunk keeps a live pipe live.
 */
export class OutputSink implements StreamSink {
  private parts: (string | Buffer)[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream, private readonly highWater = 1 << 15) {}

  write(part: string | Buffer): Promise<void> | undefined {
    this.parts.push(part);
    this.size += part.length;
    return this.size >= this.highWater ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const parts = this.parts;
    this.parts = [];
    this.size = 0;
    const data = parts.length === 1 ? parts[0]! : parts.every((p) => typeof p === 'string')
      ? (parts as string[]).join('')
      : Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }
}
