import { LineFeed, type KernelSink } from '../input/line-feed.js';
import type { LineKernel } from '../input/line-kernel.js';
import type { RawLine } from '../input/raw-line.js';
import type { LongLine } from '../input/read-options.js';
import { KeptLines, PieceOutput } from './piece-output.js';
import { KEEP, plainTagKey, SKIP, type TagPrefilter } from '../filter/tag-prefilter.js';
import type { YearContext } from '../parse/year-context.js';
import type { PieceRange, PieceScanner } from '../workers/file-pieces.js';
import type { LineStep } from './step.js';

/** One piece of a raw-filtered file: what to write, and its lines (long ones numbered within the piece). */
export interface RawResult {
  out: Buffer;
  lines: number;
  matched: number;
  /** lines past the limit, numbered within the piece (1-based) */
  long: LongLine[];
}

/**
 * `-o raw` with a filter on the tag, as a LineSink: a line whose plain tag the pre-filter decides
 * is skipped or copied as bytes; any other line goes through `step` (parsed, filtered, written),
 * so the output is the stream view's.
 */
export class RawFilter implements KernelSink {
  private readonly output = new PieceOutput();
  private kept = new KeptLines(this.output);
  private lines = 0;
  private matched = 0;
  private long: RawResult['long'] = [];

  constructor(private readonly prefilter: TagPrefilter, private readonly step: (raw: RawLine) => string | Buffer | null, private readonly maxLineBytes: number) {}

  line(buf: Buffer, start: number, nl: number, newline: boolean): void {
    const key = newline ? plainTagKey(buf, start, nl) : -1;
    this.decide(buf, start, nl, newline, key < 0 ? 0 : this.prefilter.verdict(key));
  }

  /**
   * Whole lines in the kernel: it skips or copies the lines whose tag has a verdict and stops at
   * any other, which is decided here (a new tag's verdict is handed to the kernel).
   */
  scanKernel(kernel: LineKernel, from: number, to: number): number {
    const f = kernel.rawFilter!;
    const r = kernel.records;
    const buf = kernel.input;
    for (;;) {
      const stopped = kernel.filter(from, to, this.maxLineBytes);
      const keptBytes = kernel.takeKeptBytes();
      if (keptBytes > 0) this.kept.add(f.kept, 0, keptBytes, false);
      this.lines += kernel.takeLines();
      this.matched += kernel.takeKept();
      from = kernel.consumed();
      if (stopped === 0) return from;
      const start = r[0]!, nl = r[1]!, key = r[2]!;
      if (nl - start > this.maxLineBytes) this.longLine(buf.subarray(start, start + this.maxLineBytes), nl - start - this.maxLineBytes, true);
      else if (key >= 0) {
        const verdict = this.prefilter.verdict(key);
        f.verdicts[key] = verdict;
        this.decide(buf, start, nl, true, verdict);
      } else this.decide(buf, start, nl, true, 0);
    }
  }

  longLine(head: Buffer, dropped: number, newline: boolean): void {
    this.long.push([this.lines + 1, head.length, dropped]);
    this.other({ bytes: head, number: this.lines + 1, newline, droppedBytes: dropped }, head);
  }

  /** The piece's output and counts; the filter starts over for the next piece. */
  take(): RawResult {
    this.kept.flush();
    // new buffers for the next piece: this one's may be moved to another thread
    this.kept = new KeptLines(this.output);
    const result = { out: this.output.bytes(), lines: this.lines, matched: this.matched, long: this.long };
    this.lines = this.matched = 0;
    this.long = [];
    return result;
  }

  private decide(buf: Buffer, start: number, nl: number, newline: boolean, verdict: number): void {
    if (verdict === SKIP) this.lines++;
    else if (verdict === KEEP) {
      this.lines++;
      this.matched++;
      this.kept.add(buf, start, nl, newline);
    } else this.other({ bytes: buf.subarray(start, nl), number: this.lines + 1, newline, droppedBytes: 0 }, buf);
  }

  private other(raw: RawLine, buf: Buffer): void {
    this.lines++;
    this.kept.flush();
    const out = this.step(raw);
    if (out === null) return;
    this.matched++;
    // the bytes are read into again: output that is a view of them is copied
    this.output.add(typeof out !== 'string' && out.buffer === buf.buffer ? Buffer.from(out) : out);
  }
}

/** One file of a raw filter run: what every thread needs to read and filter its pieces. */
export interface RawFileJob extends YearContext {
  range: PieceRange;
  file: string;
  maxLineBytes: number;
}

/** This thread's compiled filter: the pre-filter for tags, the step for every other line. */
export interface RawLocal {
  prefilter: TagPrefilter;
  step: LineStep;
}

/** A piece scanner for `-o raw` with a tag filter: a LineFeed into a RawFilter. */
export function rawScanner(job: RawFileJob, local: RawLocal): PieceScanner<RawResult> {
  const filter = new RawFilter(local.prefilter, (raw) => local.step(raw, job.file, job.year, job.notAfter), job.maxLineBytes);
  const feed = new LineFeed(filter, job.maxLineBytes);
  return { readBuffer: () => feed.readBuffer(), push: (c) => feed.push(c), end: () => feed.end(), take: () => filter.take() };
}
