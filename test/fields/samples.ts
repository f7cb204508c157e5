// Plausible values for a compiled pattern's fields, and the log line they make: the round-trip cases.
import type { Pattern } from '../../src/fields/compile.js';
import { valueType } from '../../src/fields/value-types.js';

function plausible(name: string, n: number): string {
  // what the matcher takes a name to hold (an address, a port) is what the line must give it
  const type = valueType(name);
  if (type === 'port' || /port/.test(name)) return String(1024 + n);
  if (type === 'ip') return `192.0.2.${10 + n}`;
  if (/(^|_)(ip|ip_?address|addr|address)(_|$)|ip$|^ip|ipv[46]/.test(name)) return `192.0.2.${10 + n}`;
  if (/duration|hh_mm/.test(name)) return `0:0${n % 10}:1${n % 10}`;
  if (/(^|_)(count|num|number|bytes|id|size|len|seq|index|code|pkts|rate|days|sec|seconds|limit|percent|cnt)(_|$)/.test(name)) return String(100 + n);
  return `val${n}x`;
}

/** The message text of `p` with a distinct plausible value per field, and the values by name. */
export function renderPattern(p: Pattern): { message: string; values: Record<string, string> } {
  let message = p.text[0]!;
  const values: Record<string, string> = {};
  p.fields.forEach((f, i) => {
    const next = p.lits[i + 1]!;
    let value = f.choices ? f.choices[0]! : plausible(f.name, i);
    // a value must not hold the literal that ends it
    if (next !== '' && (value + next).toLowerCase().indexOf(next) !== value.length) value = `q${i}q`;
    values[f.name] = value;
    message += (f.bracketed ? `<${value}>` : value) + p.text[i + 1]!;
  });
  return { message, values };
}
