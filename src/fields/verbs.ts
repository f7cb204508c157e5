// `action` and `outcome` of a message, from the words its format is written with: `Deny tcp …` is
// denied, `Built inbound …` built, `{permitted|denied|est-allowed}` whichever the line says,
// `authentication Rejected` a failure. Decided once per pattern; a choice is read from the line.
import type { Pattern } from './compile.js';

// Maps, not object literals: the words looked up come from log lines, and `constructor` must find nothing.
const ACTIONS = new Map(Object.entries({
  deny: 'denied', denied: 'denied', dropped: 'denied', discard: 'denied', discarded: 'denied',
  block: 'denied', blocked: 'denied', shunned: 'denied', refused: 'denied',
  permit: 'allowed', permitted: 'allowed', allow: 'allowed', allowed: 'allowed', 'est-allowed': 'allowed', trust: 'allowed', fastpath: 'allowed',
  built: 'built', teardown: 'teardown', torn: 'teardown',
}));
const OUTCOMES = new Map(Object.entries({
  failed: 'failure', failure: 'failure', fail: 'failure', rejected: 'failure', reject: 'failure', error: 'failure', invalid: 'failure', unable: 'failure', expired: 'failure', mismatch: 'failure',
  succeeded: 'success', successful: 'success', success: 'success', accepted: 'success', granted: 'success', passed: 'success', succeed: 'success',
}));
const EITHER = new Map([...ACTIONS, ...OUTCOMES]);

type Words = ReadonlyMap<string, string>;
/** A choice placeholder whose options are verbs: the line's option read through `map`. */
interface Chosen { field: string; map: Words }

export interface Verbs {
  /** a fixed value, or `{ field }`: the value of that choice placeholder */
  action?: string | Chosen;
  outcome?: string | Chosen;
  /** a transport the format names in its words (`Inbound TCP connection denied`) */
  protocol?: string;
}

const PROTOCOL_WORDS = new Set(['tcp', 'udp', 'icmp', 'icmp6', 'sctp', 'gre', 'esp']);

const WORD = /[a-z][a-z-]*/g;

function fromText(text: string, table: Words): string | undefined {
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const v = table.get(m[0]);
    if (v) return v;
  }
  return undefined;
}

function fromChoice(p: Pattern, table: Words): Chosen | undefined {
  for (const f of p.fields) {
    if (!f.choices) continue;
    const map = new Map<string, string>();
    for (const c of f.choices) {
      const v = fromText(c, table);
      if (v) map.set(c, v);
    }
    if (map.size > 0) return { field: f.name, map };
  }
  return undefined;
}

const cache = new WeakMap<Pattern, Verbs>();

export function verbsOf(p: Pattern): Verbs {
  let v = cache.get(p);
  if (v) return v;
  v = {};
  const text = p.text.join(' ');
  const action = fromChoice(p, ACTIONS) ?? fromText(text, ACTIONS);
  if (action) v.action = action;
  const outcome = fromChoice(p, OUTCOMES) ?? fromText(text, OUTCOMES);
  if (outcome) v.outcome = outcome;
  const protocol = text.toLowerCase().match(/[a-z0-9]+/g)?.find((w) => PROTOCOL_WORDS.has(w));
  if (protocol) v.protocol = protocol === 'icmp6' ? 'ipv6-icmp' : protocol;
  cache.set(p, v);
  return v;
}

/** A verb for one line: the fixed value, or the chosen word read through the map. */
export function verbValue(verb: Verbs['action'], fields: Record<string, string>): string | undefined {
  if (verb === undefined || typeof verb === 'string') return verb;
  const chosen = fields[verb.field]?.toLowerCase();
  return chosen === undefined ? undefined : verb.map.get(chosen) ?? fromText(chosen, EITHER);
}

/** The action a free-text value names (`Allow`, `Block`, `Trust`), for FTD's `AccessControlRuleAction`. */
export const actionWord = (value: string): string | undefined => fromText(value, ACTIONS);
