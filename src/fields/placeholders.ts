// Which words of a message template are placeholders. The documents name some in their variables
// lists; the rest follow conventions: `IP_address`, `user-name`, `%s`, `<IP>`, `hh:mm:ss`, and a
// placeholder repeating the keyword before it (`Group group`, `Reason: reason`, `key key`).
import type { Item } from './expand.js';

export type Segment = { lit: string } | { field: string; choices?: string[]; bracketed?: boolean };

/** Placeholder and variable names as field names: snake_case ASCII, at most 40 characters (`explain` looks a variable's value up by it). */
export function fieldName(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
}

const SPANS = /<(?<angle>[^<>]{1,60})>|(?<printf>%-?\d*(?:\.\d+)?(?:ll|l|h)?[sdiuxXaAcp])(?![A-Za-z])|(?<hms>\bhh:mm:ss\b)|(?<word>[A-Za-z_][\w#]*(?:-[A-Za-z0-9_#]+)*)/g;
const PRINTF_TYPE: Record<string, string> = { s: 'string', d: 'number', i: 'number', u: 'number', x: 'hex', X: 'hex', a: 'address', A: 'address', c: 'char', p: 'pointer' };
// the last part of a hyphenated word that makes it a placeholder: `user-name`, `src-ip`, `size-recv`
const HYPHEN_NOUNS = new Set(['name', 'ip', 'port', 'address', 'addr', 'id', 'num', 'number', 'type', 'count', 'value', 'string', 'key', 'recv', 'conf', 'max', 'mask', 'code', 'index', 'reason', 'policy', 'size']);
// keywords whose next word is a value in VPN messages: `Group GroupPolicy User username`
const VALUE_AFTER = new Set(['Group', 'User', 'Username', 'TunnelGroup', 'GroupPolicy']);
// …when that word names a value (`User username`), not when it goes on the sentence (`User requested`, `User authentication failed`)
const VALUE_WORD = /name|user|group|policy|grp|tunnel|login|account/i;
const KEY_BEFORE = /([A-Za-z][\w-]*)\s*[:=]?\s*[(#]?\s*$/;

/** `group = name`, `Client info: url .`: a lower-case word after `=`, or after `:` and before punctuation or the end. */
function valueAfterKey(text: string, start: number, end: number, w: string): boolean {
  if (!/^[a-z][a-z_]*$/.test(w)) return false;
  const before = text.slice(Math.max(0, start - 3), start);
  return /=\s*$/.test(before) || (/:\s*$/.test(before) && /^\s*(?:[.,:;)]|$)/.test(text.slice(end, end + 3)));
}

interface Span { start: number; end: number; name: string; bracketed?: boolean }

export interface VariableNames {
  words: Set<string>;
  /** the names of more than one word, longest first */
  phrases: string[];
}

/** Phrases named by the variables lists: `trustpoint name`, `local IP :local port` → `local IP`, `local port`. */
export function variableNames(variables: readonly string[]): VariableNames {
  const words = new Set<string>();
  const phrases: string[] = [];
  for (const v of variables) {
    for (const part of v.split(/[:/,>]+/)) {
      // `user- agent string`: a hyphen the documents' line wrapping left a space after
      const p = part.replace(/^\W+|\W+$/g, '').replace(/(?<=[A-Za-z])- (?=[A-Za-z])/g, '-').replace(/\s+/g, ' ');
      if (!p || !/[A-Za-z]/.test(p)) continue;
      if (p.includes(' ')) phrases.push(p);
      else words.add(p);
    }
  }
  phrases.sort((a, b) => b.length - a.length);
  return { words, phrases };
}

function isPlaceholderWord(w: string, vars: Set<string>): boolean {
  if (vars.has(w)) return true;
  if (/^[A-Z0-9_#-]+$/.test(w)) return false; // constants such as MODE_CFG, SMART_LIC
  if (w.includes('_')) return /[a-z]/.test(w);
  const dash = w.lastIndexOf('-');
  return dash > 0 && /^[a-z-]+$/.test(w) && HYPHEN_NOUNS.has(w.slice(dash + 1));
}

function textSpans(text: string, vars: VariableNames): Span[] {
  const taken: Span[] = [];
  for (const phrase of vars.phrases) {
    let from = 0;
    for (let at = text.indexOf(phrase, from); at >= 0; at = text.indexOf(phrase, from)) {
      const end = at + phrase.length;
      from = end;
      if (/\w/.test(text[at - 1] ?? '') || /\w/.test(text[end] ?? '')) continue;
      if (taken.some((s) => at < s.end && end > s.start)) continue;
      taken.push({ start: at, end, name: phrase });
    }
  }
  const spans: Span[] = [...taken];
  let prevWord: { span: Span | null; text: string; end: number } | null = null;
  // `license key key … license key permkey`: once a variable has been the value after its keyword,
  // the keyword elsewhere is a keyword
  const keywordValues = new Set<string>();
  for (const m of text.matchAll(SPANS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some((s) => start < s.end && end > s.start)) continue;
    const g = m.groups!;
    if (g.angle !== undefined) spans.push({ start, end, name: g.angle, bracketed: true });
    else if (g.printf !== undefined) {
      const key = KEY_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
      spans.push({ start, end, name: key?.[1] ?? PRINTF_TYPE[g.printf.slice(-1)] ?? 'value' });
    } else if (g.hms !== undefined) spans.push({ start, end, name: 'duration' });
    else {
      const w = g.word!;
      let span: Span | null = null;
      const between = prevWord ? text.slice(prevWord.end, start) : '';
      const repeats = prevWord !== null && /^[\s:=]+$/.test(between) && prevWord.text.toLowerCase() === w.toLowerCase();
      if (repeats) {
        // `Group group`: the first is the keyword, the second its value
        if (prevWord!.span) spans.splice(spans.indexOf(prevWord!.span), 1);
        span = { start, end, name: w };
        keywordValues.add(w.toLowerCase());
      } else if ((isPlaceholderWord(w, vars.words) && !keywordValues.has(w.toLowerCase())) || valueAfterKey(text, start, end, w) || (prevWord && !prevWord.span && VALUE_AFTER.has(prevWord.text) && /^\s+$/.test(between) && /[a-z]/.test(w) && VALUE_WORD.test(w) && !VALUE_AFTER.has(w))) {
        span = { start, end, name: w };
      }
      if (span) spans.push(span);
      prevWord = { span, text: w, end };
      continue;
    }
    prevWord = null;
  }
  return spans.sort((a, b) => a.start - b.start);
}

const PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'icmp6', 'sctp', 'gre', 'esp', 'ah', 'ip']);

/** `{TCP|UDP}` → protocol, `{inbound|outbound}` → direction, else the choices joined: `{Passed|Failed}` → passed_or_failed. */
function choiceName(options: readonly string[]): string {
  const lower = options.map((o) => o.toLowerCase());
  if (lower.every((o) => PROTOCOLS.has(o))) return 'protocol';
  if (lower.every((o) => o === 'inbound' || o === 'outbound')) return 'direction';
  return options.slice(0, 3).join(' or ');
}

/** One expansion's items as literal text and named fields (names not yet made unique). */
export function segmentsOf(items: readonly Item[], vars: VariableNames): Segment[] {
  const out: Segment[] = [];
  for (const item of items) {
    if (item.kind === 'choice') {
      out.push({ field: choiceName(item.options), choices: item.options });
      continue;
    }
    let pos = 0;
    for (const s of textSpans(item.text, vars)) {
      if (s.start > pos) out.push({ lit: item.text.slice(pos, s.start) });
      out.push(s.bracketed ? { field: s.name, bracketed: true } : { field: s.name });
      pos = s.end;
    }
    if (pos < item.text.length) out.push({ lit: item.text.slice(pos) });
  }
  return out;
}
