// One stream worker: classifies, filters and renders pieces of a file (whole lines) as they come.
import { parentPort, workerData } from 'node:worker_threads';
import { buildCatalog, readCatalogFile } from './catalog.js';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type RawLine } from './line-splitter.js';
import { createPalette } from './palette.js';
import { compileStep } from './stream-line.js';
import type { Piece, PieceResult, StreamWorkerInit } from './stream-workers.js';

const init = workerData as StreamWorkerInit;
const catalog = buildCatalog(init.catalog.map((s) => ({ origin: s.origin, file: s.file, entries: readCatalogFile(s.file, s.origin) })));
const { step, prefilter } = compileStep(init.opts, catalog, createPalette(init.color), new Date(init.now));
const maxLineBytes = init.opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;

parentPort!.on('message', (piece: Piece) => {
  try {
    const result = runPiece(piece);
    const own = result.out.byteOffset === 0 && result.out.buffer.byteLength === result.out.length;
    parentPort!.postMessage({ ok: true, result }, own ? [result.out.buffer as ArrayBuffer] : []);
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});

function runPiece(piece: Piece): PieceResult {
  const bytes = Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.length);
  const offset = piece.firstLine > 0 ? piece.firstLine - 1 : 0;
  // output is encoded every ~64 KB: a piece's strings die young instead of filling the old generation
  let strings: string[] = [];
  let size = 0;
  const buffers: Buffer[] = [];
  const result: PieceResult = { out: new Uint8Array(0), lines: 0, matched: 0, long: [] };
  const handle = (raw: RawLine, rel: number): void => {
    result.lines++;
    if (raw.droppedBytes > 0) result.long.push([rel, raw.bytes.length, raw.droppedBytes]);
    raw.number = offset + rel;
    const out = step(raw, piece.file, piece.year);
    if (out === null) return;
    result.matched++;
    if (typeof out !== 'string') buffers.push(out);
    else {
      strings.push(out);
      size += out.length;
      if (size >= 1 << 16) {
        buffers.push(Buffer.from(strings.join('')));
        strings = [];
        size = 0;
      }
    }
  };
  let rest = bytes;
  let before = 0;
  if (piece.firstDropped > 0) {
    // the reader already cut this line at the limit: it is yielded as LineSplitter would have
    const nl = bytes.indexOf(10);
    const end = nl === -1 ? bytes.length : nl;
    const kept = Math.min(end, maxLineBytes);
    handle({ bytes: bytes.subarray(0, kept), number: 1, newline: nl !== -1, droppedBytes: piece.firstDropped + end - kept }, 1);
    rest = nl === -1 ? bytes.subarray(bytes.length) : bytes.subarray(nl + 1);
    before = 1;
  }
  const splitter = new LineSplitter(maxLineBytes, prefilter?.skip);
  for (const raw of splitter.push(rest)) handle(raw, before + raw.number);
  for (const raw of splitter.end()) handle(raw, before + raw.number);
  result.lines += splitter.skipped;
  if (strings.length) buffers.push(Buffer.from(strings.join('')));
  result.out = buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers);
  return result;
}
