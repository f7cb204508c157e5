import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type RawLine } from './line-splitter.js';
import type { StreamOptions } from './run-stream.js';
import type { TagPrefilter } from './scan-filter.js';
import type { LineStep } from './stream-line.js';
import type { Piece, PieceResult } from './stream-workers.js';

/** Collects a piece's output: strings are encoded every ~64 KB, so they die young. */
class PieceOutput {
  private strings: string[] = [];
  private size = 0;
  private readonly buffers: Buffer[] = [];

  add(out: string | Buffer): void {
    if (typeof out !== 'string') return void this.buffers.push(out);
    this.strings.push(out);
    this.size += out.length;
    if (this.size >= 1 << 16) this.encode();
  }

  bytes(): Buffer {
    this.encode();
    return this.buffers.length === 1 ? this.buffers[0]! : Buffer.concat(this.buffers);
  }

  private encode(): void {
    if (this.strings.length) this.buffers.push(Buffer.from(this.strings.join('')));
    this.strings = [];
    this.size = 0;
  }
}

/**
 * Classifies, filters and renders one piece (whole lines of a file) with the step compiled for
 * this thread; the same on the main thread and in every stream worker.
 */
export function pieceRunner(step: LineStep, prefilter: TagPrefilter | null, opts: StreamOptions): (piece: Piece) => PieceResult {
  const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  // raw output filtered on the tag: most lines are decided from their bytes and copied whole
  const fastRaw = prefilter !== null && opts.output === 'raw' && !opts.withFilename;
  return (piece) => runPiece(piece, step, prefilter, maxLineBytes, fastRaw);
}

function runPiece(piece: Piece, step: LineStep, prefilter: TagPrefilter | null, maxLineBytes: number, fastRaw: boolean): PieceResult {
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
  if (fastRaw) rawLines(rest, before, prefilter!, maxLineBytes, handle, output, result);
  else {
    const splitter = new LineSplitter(maxLineBytes, prefilter?.skip);
    for (const raw of splitter.push(rest)) handle(raw, before + raw.number);
    for (const raw of splitter.end()) handle(raw, before + raw.number);
    result.lines += splitter.skipped;
  }
  const out = output.bytes();
  // the input goes back to be read into again: the output must not be a view of it
  result.out = out.buffer === piece.bytes.buffer ? Buffer.from(out) : out;
  return result;
}

/**
 * The raw filter without a RawLine per line: a line the pre-filter skips costs a newline search
 * and a tag read, one it keeps is copied with its newline; any other line (undecided, longer than
 * the limit, a last one without a newline) goes through `handle`, as with LineSplitter.
 */
function rawLines(bytes: Buffer, before: number, prefilter: TagPrefilter, maxLineBytes: number, handle: (raw: RawLine, rel: number) => void, output: PieceOutput, result: PieceResult): void {
  const { skip, keeps } = prefilter;
  let kept = Buffer.allocUnsafeSlow(0);
  let size = 0;
  const flush = (): void => {
    if (size) output.add(kept.subarray(0, size));
    kept = kept.subarray(size);
    size = 0;
  };
  let rel = before;
  for (let start = 0; start < bytes.length;) {
    const nl = bytes.indexOf(10, start);
    const end = nl === -1 ? bytes.length : nl;
    rel++;
    if (nl !== -1 && end - start <= maxLineBytes) {
      if (skip(bytes, start, end)) {
        result.lines++;
        start = nl + 1;
        continue;
      }
      if (keeps(bytes.subarray(start, end))) {
        result.lines++;
        result.matched++;
        if (kept.length - size < nl + 1 - start) {
          flush();
          kept = Buffer.allocUnsafeSlow(Math.max(bytes.length - start, 1 << 16));
        }
        size += bytes.copy(kept, size, start, nl + 1);
        start = nl + 1;
        continue;
      }
    }
    flush();
    const cut = Math.min(end, start + maxLineBytes);
    handle({ bytes: bytes.subarray(start, cut), number: rel, newline: nl !== -1, droppedBytes: end - cut }, rel);
    start = end + 1;
  }
  flush();
}
