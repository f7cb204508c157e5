import { LineSplitter } from '../input/line-splitter.js';
import type { RawLine } from '../input/raw-line.js';
import type { LongLine } from '../input/read-options.js';
import type { TagPrefilter } from '../filter/tag-prefilter.js';
import type { YearContext } from '../parse/year-context.js';
import { PieceOutput } from './piece-output.js';
import type { LineStep } from './step.js';

/** Whole lines of one file, in order, for a thread to classify, filter and render. */
export interface LinePiece extends YearContext {
  bytes: Uint8Array;
  file: string;
  /** the number of the piece's first line; 0 when the output shows no line numbers */
  firstLine: number;
  /** bytes of the piece's first line already dropped past the line limit by the reader */
  firstDropped: number;
}

/** What a LinePiece gave: its output, and its bytes handed back to be read into again. */
export interface RenderedPiece {
  out: Uint8Array;
  input: ArrayBuffer;
  lines: number;
  matched: number;
  /** lines past the limit, numbered within the piece (1-based) */
  long: LongLine[];
}

/**
 * Classifies, filters and renders a piece with the step compiled for this thread; the same on the
 * main thread and in every pool thread.
 */
export function pieceRunner(step: LineStep, prefilter: TagPrefilter | null, maxLineBytes: number): (piece: LinePiece) => RenderedPiece {
  return (piece) => runPiece(piece, step, prefilter, maxLineBytes);
}

function runPiece(piece: LinePiece, step: LineStep, prefilter: TagPrefilter | null, maxLineBytes: number): RenderedPiece {
  const bytes = Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.length);
  const offset = piece.firstLine > 0 ? piece.firstLine - 1 : 0;
  const output = new PieceOutput();
  const result: RenderedPiece = { out: new Uint8Array(0), input: piece.bytes.buffer as ArrayBuffer, lines: 0, matched: 0, long: [] };
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
    // the reader already cut this line at the limit: it is handled as LineSplitter would have
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
