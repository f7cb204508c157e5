import { firstDigit, severityAt, withSeverity, type TallyResult } from './tally-result.js';

/** Results of consecutive parts of the input, in order, as one tally of them all would give them. */
export function mergeTallies(parts: TallyResult[]): TallyResult {
  const out: TallyResult = { lines: 0, unparsed: 0, classified: 0, messages: 0, files: [], ids: [], idSev: new Float64Array(0), sevOrder: new Int32Array(0), hosts: [], first: null, last: null, minutes: [], longLines: [] };
  const idSev: number[] = [], sevOrder: number[] = [];
  const idSlot = new Map<number, number>();
  const hostSlot = new Map<string, number>();
  const minuteSlot = new Map<number, number>();
  for (const p of parts) {
    out.lines += p.lines;
    out.unparsed += p.unparsed;
    out.classified += p.classified;
    out.messages += p.messages;
    for (const f of p.files) if (!out.files.includes(f)) out.files.push(f);
    for (let i = 0; i < p.ids.length; i++) {
      const id = p.ids[i]!;
      let slot = idSlot.get(id);
      if (slot === undefined) {
        idSlot.set(id, (slot = out.ids.length));
        out.ids.push(id);
        idSev.push(0, 0, 0, 0, 0, 0, 0, 0);
        sevOrder.push(0);
      }
      const order = p.sevOrder[i]!;
      for (let digit = firstDigit(order); digit >= 1; digit /= 10) {
        const s = severityAt(order, digit);
        if (idSev[slot * 8 + s] === 0) sevOrder[slot] = withSeverity(sevOrder[slot]!, s);
        idSev[slot * 8 + s]! += p.idSev[i * 8 + s]!;
      }
    }
    for (const [host, count, worst] of p.hosts) {
      const slot = hostSlot.get(host);
      if (slot === undefined) {
        hostSlot.set(host, out.hosts.length);
        out.hosts.push([host, count, worst]);
      } else {
        const h = out.hosts[slot]!;
        h[1] += count;
        h[2] = Math.min(h[2], worst);
      }
    }
    if (p.first !== null && (out.first === null || p.first < out.first)) out.first = p.first;
    if (p.last !== null && (out.last === null || p.last > out.last)) out.last = p.last;
    for (const [minute, errors, other] of p.minutes) {
      const slot = minuteSlot.get(minute);
      if (slot === undefined) {
        minuteSlot.set(minute, out.minutes.length);
        out.minutes.push([minute, errors, other]);
      } else {
        out.minutes[slot]![1] += errors;
        out.minutes[slot]![2] += other;
      }
    }
    out.longLines.push(...p.longLines);
  }
  out.idSev = Float64Array.from(idSev);
  out.sevOrder = Int32Array.from(sevOrder);
  return out;
}
