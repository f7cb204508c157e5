// The summary's byte scanner (scan/scanner.ts) counts lines without reading them; the sections
// and `--by <field>` need the fields of some. The scanner hands this feed every line it counted
// with a catalog ID: a line whose ID can carry what the sections read is classified and matched
// exactly as the record path does it; any other only adds to the message counts. Each piece of a
// file gets its own part, merged in file order on the main thread as it comes (scan/inputs.ts).
import type { Catalog } from '../catalog/load.js';
import { addFields, classifyLine } from '../classify/line.js';
import { possibleFields } from '../fields/possible.js';
import { lineText } from '../input/raw-line.js';
import type { ParseContext } from '../parse/line.js';
import { FieldCounter, type FieldCounterPart } from './field-pivot.js';
import { Happened, type HappenedPart } from './happened.js';

/** What the sections and `--by` are asked for: the same in every thread. */
export interface SectionsSpec {
  happened: boolean;
  top: number;
  /** the canonical field of `--by`, or null */
  by: string | null;
}

/** The run's own sections, which the parts end in. */
export interface SectionsTarget { happened?: Happened; pivot?: FieldCounter }

export interface SectionsPart {
  happened?: HappenedPart;
  pivot?: FieldCounterPart;
}

const UNKNOWN = 0;
const COUNT = 1;
const READ = 2;

export class SectionsFeed {
  private readonly happened: Happened | null;
  /** counting into the run's own sections: nothing to take */
  private readonly direct: boolean;
  private readonly pivot: FieldCounter | null;
  /** per ID number: UNKNOWN (not in the catalog), COUNT or READ; absent until first seen */
  private readonly plan = new Map<number, number>();

  /**
   * `into`: count straight into the run's own sections (a thread that reads its inputs in order,
   * whose parts need no merging); without it, each piece's part is taken and posted.
   */
  constructor(private readonly catalog: Catalog, spec: SectionsSpec, into?: SectionsTarget) {
    this.direct = into !== undefined;
    this.happened = into ? into.happened ?? null : spec.happened ? new Happened(spec.top, { deferSessions: true }) : null;
    this.pivot = into ? into.pivot ?? null : spec.by !== null ? new FieldCounter(spec.by) : null;
  }

  /**
   * A line the scanner counted, `buf`[start, end) (without its newline; a CR before it is the
   * line's, as `lineText` reads it on the record path), with tag ID `id` and
   * `repeat` (rsyslog's `message repeated N times`, or null) as the record path would read them.
   */
  line(buf: Buffer, start: number, end: number, id: number, repeat: number | null, ctx: ParseContext): void {
    if (this.mustRead(id, repeat)) this.read(lineText(buf.subarray(start, end)), ctx);
  }

  /** The same, for a line the scanner already decoded (its slow path). */
  text(text: string, id: number, repeat: number | null, ctx: ParseContext): void {
    if (this.mustRead(id, repeat)) this.read(text, ctx);
  }

  /** Whether a line of ID `id` must be read; one that need not is counted here. */
  private mustRead(id: number, repeat: number | null): boolean {
    let plan = this.plan.get(id);
    if (plan === undefined) this.plan.set(id, (plan = this.planFor(id)));
    if (plan === COUNT) {
      const n = repeat ?? 1;
      this.happened?.countOnly(n);
      this.pivot?.addWithout(n);
    }
    return plan === READ;
  }

  private read(text: string, ctx: ParseContext): void {
    const r = classifyLine(text, '', 0, this.catalog, ctx);
    addFields(r, this.catalog);
    this.happened?.add(r);
    this.pivot?.add(r);
  }

  private planFor(id: number): number {
    const entry = this.catalog.get(String(id).padStart(6, '0'));
    if (entry === undefined) return UNKNOWN;
    const fields = possibleFields(entry);
    const read = (this.happened !== null && Happened.reads(entry, fields)) || (this.pivot !== null && fields.has(this.pivot.field));
    return read ? READ : COUNT;
  }

  /** What was counted since the last take. */
  take(): SectionsPart {
    const part: SectionsPart = {};
    if (this.direct) return part;
    if (this.happened) part.happened = this.happened.take();
    if (this.pivot) part.pivot = this.pivot.take();
    return part;
  }
}
