// `summary --by <canonical field>`: messages per value of the field (`--by src_ip`, `--by user`),
// bounded like every ranked table of the sections (top-counter.ts).
import type { LogRecord } from '../classify/record.js';
import type { FieldPivot } from '../render/summary-report.js';
import { TopCounter, type TopCounterState } from './top-counter.js';

export interface FieldCounterPart { counts: TopCounterState; without: number }

export class FieldCounter {
  private readonly counts = new TopCounter();
  private without = 0;

  constructor(readonly field: string) {}

  add(r: LogRecord): void {
    if (r.id === null || r.canonical === undefined) return;
    const v = r.canonical[this.field];
    const n = r.repeat ?? 1;
    if (v === undefined) this.without += n;
    else this.counts.add(v, n);
  }

  /** Messages whose ID never carries the field: counted without reading them. */
  addWithout(n: number): void {
    this.without += n;
  }

  /** What this counted, as plain data; counting goes on from zero (a thread's next piece). */
  take(): FieldCounterPart {
    const part = { counts: this.counts.take(), without: this.without };
    this.without = 0;
    return part;
  }

  merge(part: FieldCounterPart): void {
    this.counts.merge(part.counts);
    this.without += part.without;
  }

  result(top: number): FieldPivot {
    const { rows, total, maxError } = this.counts.top(top);
    return { field: this.field, rows, total, without: this.without, messages: this.counts.total + this.without, ...(maxError ? { maxError } : {}) };
  }
}
