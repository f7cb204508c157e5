// A message template's structure (a variant's documented `format`): `[…]` optional parts,
// `{a|b}` / `[a|b]` alternatives, and `[hash_codes]`-style brackets that are printed as they are.
// Expanded into flat alternatives.

export type Item = { kind: 'text'; text: string } | { kind: 'choice'; options: string[] };
type Node = string | { opt: Node[] } | { alt: Node[][] };

/** A template has at most this many expansions; past it, optional parts are taken as present. */
const MAX_EXPANSIONS = 32;
const CLOSER: Record<string, string> = { '[': ']', '{': '}' };
// a bracketed lone placeholder (`[hash_codes]`, `[limit_value]`) is printed with its brackets, when at all
const LONE_PLACEHOLDER = /^[a-z][\w#-]*$/;

function closing(s: string, from: number): number {
  const stack: string[] = [];
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === '[' || c === '{') stack.push(CLOSER[c]!);
    else if (c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function parse(s: string): Node[] {
  const out: Node[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(text);
    text = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const end = c === '[' || c === '{' ? closing(s, i) : -1;
    if (end < 0) {
      text += c;
      continue;
    }
    const inner = s.slice(i + 1, end);
    const alts = splitTop(inner);
    if (alts.length > 1) {
      flush();
      out.push({ alt: alts.map((a) => parse(a.trim())) });
    } else if (c === '{') {
      text += c + inner + s[end];
    } else if (LONE_PLACEHOLDER.test(inner)) {
      flush();
      out.push({ opt: [`[${inner}]`] });
    } else {
      flush();
      out.push({ opt: parse(inner) });
    }
    i = end;
  }
  flush();
  return out;
}

const plain = (nodes: Node[]): string | null => (nodes.length === 1 && typeof nodes[0] === 'string' && !/[_%<]/.test(nodes[0]) ? nodes[0] : nodes.length === 0 ? '' : null);

function expandNode(n: Node): Item[][] {
  if (typeof n === 'string') return [[{ kind: 'text', text: n }]];
  if ('opt' in n) return [...expandSeq(n.opt), []];
  const words = n.alt.map(plain);
  if (words.every((w): w is string => w !== null && w !== '')) return [[{ kind: 'choice', options: words }]];
  // `[idfw_user|FQDN_string]`: one value either way, named after the first
  const [first] = n.alt;
  if (n.alt.every((a) => a.length === 1 && typeof a[0] === 'string' && /^[\w-]+$/.test(a[0])) && first) return [[{ kind: 'text', text: first[0] as string }]];
  return n.alt.flatMap(expandSeq);
}

function expandSeq(nodes: Node[]): Item[][] {
  let acc: Item[][] = [[]];
  for (const n of nodes) {
    let options = expandNode(n);
    if (acc.length * options.length > MAX_EXPANSIONS) options = options.slice(0, 1);
    acc = acc.flatMap((a) => options.map((o) => [...a, ...o]));
  }
  return acc;
}

/** Every flat reading of `template`, the fullest first; adjacent text items merged. */
export function expandTemplate(template: string): Item[][] {
  return expandSeq(parse(template)).map((items) => {
    const merged: Item[] = [];
    for (const it of items) {
      const last = merged[merged.length - 1];
      if (it.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: last.text + it.text };
      else merged.push(it);
    }
    return merged;
  });
}
