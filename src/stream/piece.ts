import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type RawLine } from '../input/line-splitter.js';
import type { StreamOptions } from './options.js';
import type { TagPrefilter } from '../filter/tag-prefilter.js';
import type { LineStep } from './step.js';
import type { Piece, PieceResult } from './pool.js';
import { PieceOutput } from './piece-output.js';

/**
 * Classifies, filters and renders one piece (whole lines of a file) with the step compiled for
 * this thread; the same on the main thread and in every stream worker.
 */
export function pieceRunner(step: LineStep, prefilter: TagPrefilter | null, opts: StreamOptions): (piece: Piece) => PieceResult {
  const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  return (piece) => runPiece(piece, step, prefilter, maxLineBytes);
}

function runPiece(piece: Piece, step: LineStep, prefilter: TagPrefilter | null, maxLineBytes: number): PieceResult {
  const bytes = Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.length);
  const offset = piece.firstLine > 0 ? piece.firstLine - 1 : 0;
  const output = new PieceOutput();
  const result: PieceResult = { out: new Uint8Array(0), input: piece.bytes.buffer as ArrayBuffer, lines: 0, matched: 0, long: [] };
  const handle = (raw: RawLine, rel: number): void => {
    result.lines++;
    if (raw.droppedBytes > 0) result.long.push([rel, raw.bytes.length, raw.droppedBytes]);
    raw.number = offset + rel;
    const out = step(raw, piece.file, piece.year, piece.notAfter);
    if (out === null) return;
    result.matched++;
    output.add(out);
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
  const out = output.bytes();
  // the input goes back to be read into again: the output must not be a view of it
  result.out = out.buffer === piece.bytes.buffer ? Buffer.from(out) : out;
  return result;
}
