// A message template (a variant's documented `format`) compiled into literal anchors with named
// fields between them: the fields are the gaps between literals, so matching is a left-to-right run
// of indexOf calls (src/fields/scan.ts).
import { expandTemplate } from './expand.js';
import { fieldName, segmentsOf, variableNames, type Segment } from './placeholders.js';
import { squeeze } from './view.js';

export interface FieldSpec {
  name: string;
  /** `{TCP|UDP}`: the documented values, lower-case; a value among them counts as explained text */
  choices?: string[];
  /** written `<name>` in the template */
  bracketed?: boolean;
}

export interface Pattern {
  /** literals as documented, one more than `fields`: `lits[0]` leads, the last trails (either may be '') */
  text: string[];
  /** the same, lower-cased, for matching */
  lits: string[];
  /** the same squeezed (src/fields/scan.ts), for the tolerant pass */
  squeezed: string[];
  fields: FieldSpec[];
  /** characters of literal text: how much of a line the pattern explains */
  weight: number;
  /** the most a match can score above `weight` */
  bonus: number;
}

export interface CompiledTemplate {
  patterns: Pattern[];
  /** every field name of the template, in order of first appearance */
  fieldNames: string[];
}

const PUNCT_AFTER_FIELD = /^ +(?=[.,:;)/\]!?])/;

function toPattern(segments: Segment[]): Pattern | null {
  const text: string[] = [''];
  const fields: FieldSpec[] = [];
  const used = new Map<string, number>();
  for (const seg of segments) {
    if ('lit' in seg) {
      text[text.length - 1] += seg.lit.replace(/[“”]/g, '').replace(/\s+/g, ' ');
      continue;
    }
    // two fields with nothing between them cannot be told apart: the first takes both
    if (fields.length > 0 && text[text.length - 1] === '') continue;
    const base = fieldName(seg.field) || 'value';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const spec: FieldSpec = { name: n === 1 ? base : `${base}_${n}` };
    if (seg.choices) spec.choices = seg.choices.map((c) => c.toLowerCase());
    if (seg.bracketed) spec.bracketed = true;
    fields.push(spec);
    text.push('');
  }
  for (let i = 1; i < text.length; i++) {
    text[i] = text[i]!.replace(PUNCT_AFTER_FIELD, '');
    // `user 'username'`, `access-group "acl_ID"`: quotes go with the value, which may lack them
    const q = text[i - 1]!.slice(-1);
    if ((q === '"' || q === "'") && text[i]!.startsWith(q)) {
      text[i - 1] = text[i - 1]!.slice(0, -1);
      text[i] = text[i]!.slice(1);
    }
  }
  text[0] = text[0]!.trimStart();
  const last = text.length - 1;
  text[last] = text[last]!.replace(/[\s.]+$/, '');
  if (fields.length === 0 && text[0] === '') return null;
  const lits = text.map((t) => t.toLowerCase());
  const weight = lits.reduce((n, l) => n + l.length, 0);
  const bonus = fields.reduce((n, f) => n + (f.choices ? Math.max(...f.choices.map((c) => c.length)) : 0), 0);
  return { text, lits, squeezed: lits.map(squeeze), fields, weight, bonus };
}

const signature = (p: Pattern): string => p.lits.join('\u0000');

/** A template and the variable names its documents list → its patterns, the fullest first. */
export function compileTemplate(template: string, variables: readonly string[] = []): CompiledTemplate {
  const patterns: Pattern[] = [];
  const seen = new Set<string>();
  const vars = variableNames(variables);
  // “GRANTED: url ”: the documents' curly quotes are typography, not text a device prints
  for (const items of expandTemplate(template.replace(/[“”]/g, ''))) {
    const p = toPattern(segmentsOf(items, vars));
    if (!p || seen.has(signature(p))) continue;
    seen.add(signature(p));
    patterns.push(p);
  }
  const fieldNames = [...new Set(patterns.flatMap((p) => p.fields.map((f) => f.name)))];
  return { patterns, fieldNames };
}
