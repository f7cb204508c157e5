// What the pool's threads do for the stream view (loaded by workers/thread.ts): the step compiled
// as on the main thread, then pieces rendered (RenderWorkers) or a file's pieces claimed and
// filtered (filterFileInWorkers).
import { FilePieces } from '../workers/file-pieces.js';
import type { TaskHandler } from '../workers/protocol.js';
import { rawScanner, type RawFileJob } from './raw-filter.js';
import { pieceRunner, type LinePiece } from './piece.js';
import { stepInThread, type StepInit } from './step-init.js';

export type StreamRequest = { kind: 'render'; piece: LinePiece } | { kind: 'filter'; job: RawFileJob };

export async function startTask(init: StepInit): Promise<TaskHandler> {
  const { step, prefilter } = await stepInThread(init);
  const render = pieceRunner(step, prefilter, init.opts.maxLineBytes);
  return (request, reply) => {
    const r = request as StreamRequest;
    if (r.kind === 'render') {
      const result = render(r.piece);
      reply(result, [result.input, ...owned(result.out)]);
      return;
    }
    const reader = new FilePieces(r.job.range, rawScanner(r.job, { prefilter: prefilter!, step }));
    try {
      for (let piece = reader.next(true); piece !== null && piece !== 'wait'; piece = reader.next(true)) reply(piece, owned(piece.result.out));
    } finally {
      reader.close();
    }
  };
}

/** An output's memory to move, not copy: unless it lives in Buffer's shared pool (8 KB slabs of small buffers). */
function owned(out: Uint8Array): ArrayBuffer[] {
  return out.buffer.byteLength > Buffer.poolSize ? [out.buffer as ArrayBuffer] : [];
}
