/** See line-chunks.mjs. */
export function forEachLineChunk(file: string, chunk: Buffer, onLines: (chunk: Buffer, cut: number) => void, from?: number, to?: number): void;
