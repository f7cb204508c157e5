import { readFileSync } from 'node:fs';

/** Ints per line in `records`: start, newline, tag key, tag at, message after, wrapper slot, remembered wrapper, clock. */
export const RECORD_INTS = 8;
/** a wrapper slot's bytes are new to the cache: parse them and keep the result for the slot */
export const MISS = 1 << 16;
/** the message starts with `m` (after blanks): perhaps an rsyslog repeat */
export const M_FOLLOWS = 1 << 17;
/** with MISS: a remembered wrapper (see `remember`, record int 6) but for its clock (int 7, ms within the hour) */
export const LATER = 1 << 18;
export const SLOT_MASK = 0xffff;

const INPUT_BYTES = 1 << 20;
const RECORDS = 8192;

interface Exports {
  memory: WebAssembly.Memory;
  init(inputBytes: number, records: number): number;
  outputAt(): number;
  consumed(): number;
  clearWrappers(): void;
  scan(from: number, to: number): number;
  initFilter(): number;
  keptAt(): number;
  filter(from: number, to: number, maxLine: number): number;
  takeKeptBytes(): number;
  takeLines(): number;
  takeKept(): number;
  remember(k: number, len: number, shape: number, at: number, frac: number): number;
}

const KEYS = 8_000_000;

/** The kernel's raw filter (see LineKernel.filter): verdicts per tag key and the kept lines. */
export interface KernelFilter {
  /** per `id * 8 + severity`: 0 undecided, else scan-filter's SKIP or KEEP (set by the caller) */
  verdicts: Uint8Array;
  /** kept lines are copied here; takeKeptBytes() says how many bytes */
  kept: Buffer;
}

/**
 * The line scanner compiled from src/input/wasm/line-scan.ts: finds each line's newline and first
 * plain `%ASA-6-302013` tag with SIMD, as TagReader reads it, and caches wrappers by their
 * bytes. Lines are read into (or copied into) `input`; `scan` fills `records`.
 */
export class LineKernel {
  readonly input: Buffer;
  readonly records: Int32Array;

  /** the raw filter's verdicts and kept lines, when opened with `filter` */
  readonly rawFilter: KernelFilter | null;

  private constructor(private readonly k: Exports, filter: boolean) {
    const at = k.init(INPUT_BYTES, RECORDS);
    // memory grows here, before any view of it is made: growing detaches the views
    const verdictsAt = filter ? k.initFilter() : 0;
    this.input = Buffer.from(k.memory.buffer, at, INPUT_BYTES);
    this.records = new Int32Array(k.memory.buffer, k.outputAt(), RECORDS * RECORD_INTS);
    this.rawFilter = filter ? { verdicts: new Uint8Array(k.memory.buffer, verdictsAt, KEYS), kept: Buffer.from(k.memory.buffer, k.keptAt(), INPUT_BYTES) } : null;
  }

  /**
   * A new kernel (with `filter`, also room for the raw filter), or null where WebAssembly is off
   * (`node --jitless`) or ASALOG_SCAN_KERNEL=js.
   */
  static open(opts: { filter?: boolean } = {}): LineKernel | null {
    const module = kernelModule();
    return module === null ? null : new LineKernel(new WebAssembly.Instance(module, {}).exports as unknown as Exports, opts.filter === true);
  }

  /** Records the whole lines in input[from, to) that fit; returns how many. */
  scan(from: number, to: number): number {
    return this.k.scan(from, to);
  }

  /** Past the newline of the last line the last `scan` recorded (`from` if none). */
  consumed(): number {
    return this.k.consumed();
  }

  /**
   * The raw filter over the whole lines of input[from, to): lines with a verdict are counted and
   * kept ones copied; returns 1 when it stopped at a line it cannot decide (record 0, `consumed()`
   * past it), 0 when no whole line is left.
   */
  filter(from: number, to: number, maxLine: number): number {
    return this.k.filter(from, to, maxLine);
  }

  /** Bytes kept since the last call; lines passed; lines kept (each reset by its call). */
  takeKeptBytes(): number {
    return this.k.takeKeptBytes();
  }

  takeLines(): number {
    return this.k.takeLines();
  }

  takeKept(): number {
    return this.k.takeKept();
  }

  /**
   * Remembers the wrapper key in input[k, k + len) whose clock's seconds start at `at` within it
   * (`frac` fraction digits): later wrappers that differ only in the clock are then found in the
   * kernel (LATER). Returns its number, or -1.
   */
  remember(k: number, len: number, shape: number, at: number, frac: number): number {
    return this.k.remember(k, len, shape, at, frac);
  }

  /** A new file: wrappers are cached per file (its year and zone can differ). */
  clearWrappers(): void {
    this.k.clearWrappers();
  }
}

let compiled: WebAssembly.Module | null | undefined;

function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  if (typeof WebAssembly !== 'object' || process.env.ASALOG_SCAN_KERNEL === 'js') return (compiled = null);
  // src/ and dist/ both sit one level below the package: the build writes dist/line-scan.wasm.
  // A build without it (tsc alone) still works, byte by byte; test/line-kernel.test.ts makes sure ours has it.
  try {
    return (compiled = new WebAssembly.Module(readFileSync(new URL('../../dist/line-scan.wasm', import.meta.url))));
  } catch {
    return (compiled = null);
  }
}
