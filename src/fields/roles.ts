// Which canonical field (src/fields/vocabulary.ts) each placeholder of a pattern fills, decided once
// per pattern from two things the documents give: the words before a run of placeholders (`from`,
// `src`, `to`, `dst` … say which side of a connection it is) and the placeholder's own name.
import type { Pattern } from './compile.js';
import { valueType } from './value-types.js';

export type Side = 'src' | 'dst';

// `from`, `src`: the words of the sentence, which win over the address labels of
// `for faddr A gaddr B laddr C` (`from laddr A on interface X to B` is from A)
// (Maps: the words come from documents a user may import, and `constructor` must find nothing)
const SIDE_WORDS = new Map<string, Side>(Object.entries({
  from: 'src', src: 'src', source: 'src', for: 'src', remote: 'src', client: 'src', peer: 'src',
  to: 'dst', dst: 'dst', dest: 'dst', destination: 'dst', local: 'dst', server: 'dst',
} as Record<string, Side>));
// `faddr` (foreign) is the far end, `laddr` (local) the near one and `gaddr` its global (NAT) form;
// as Elastic reads them, the near end is the source unless the connection is inbound
const LABEL_SIDES = new Map<string, Side>([['faddr', 'dst'], ['gaddr', 'src'], ['laddr', 'src']]);
// words that name the value after a side word without changing the side (`from IP a`, `to host b`)
const NEUTRAL = new Set(['ip', 'ipv4', 'ipv6', 'address', 'addr', 'host', 'hostname', 'the', 'a', 'an']);

const INTERFACE = /(?:^|_)(?:interface|interface_name|ifc|intf|if_name|ifname|in_name|zone|nameif)(?:_\d+)?$|^(?:in|out|ingress|egress)_(?:interface|ifc|zone)/;
const MAPPED = /(?:^|_)(?:mapped|global|translated|xlate|gaddr|nat)(?:_|$)|^(?:global|mapped)/;
const NAMED_SIDE: [RegExp, Side][] = [
  [/^(?:src|source|sip|saddr|srcip|s)(?:_|$)|(?:^|_)(?:src|source|in|ingress|client|peer|remote|public|foreign|outside)(?:_|$)/, 'src'],
  [/^(?:dst|dest|destination|dip|daddr|dstip|d)(?:_|$)|(?:^|_)(?:dst|dest|destination|out|egress|local|inside)(?:_|$)/, 'dst'],
];
const USER = /^(?:user|user_name|username|uname|idfw_user|user_identity|login_user|source_user|user_id|tunnel_user)$/;
const GROUP = /^(?:group|group_name|group_policy|grouppolicy|tunnel_group|tunnelgroup|tg|tunnel_group_name|policy_name|connection_profile)$/;
const ACL = /^(?:acl|acl_id|acl_name|access_list|access_list_name|access_group|acl_id_\d|list_name|policy_id|access_control_rule_name)$/;
const REASON = /^(?:reason|reason_string|teardown_reason|reason_text|cause|description)$/;
const ASSIGNED = /(?:^|_)assigned(?:_|$)|^(?:client_dynamic_ip|virtual_ip|vpn_ip|ip_address_assigned)$/;
const BYTES = /^(?:bytes|byte_count|bytes_total|total_bytes|octets)$/;
const BYTES_OUT = /^(?:bytes_xmt|bytes_tx|bytes_sent|xmt_bytes|xmt_count|tx_bytes|initiator_bytes|bytes_out)$/;
const BYTES_IN = /^(?:bytes_rcv|bytes_rx|bytes_received|rcv_bytes|rcv_count|rx_bytes|responder_bytes|bytes_in)$/;
const DURATION = /^(?:duration|hh_mm_ss|session_duration|connection_duration|time|elapsed)$/;
const PROTOCOL = /^(?:protocol|transport_protocol|ip_protocol|protocol_name|protocol_number|proto)$/;
const SERVER = /^(?:server|server_ip|server_ip_address|aaa_server|server_address|aaa_server_ip)$/;
const COMMAND = /^(?:command|cmd|command_line|cli_command)$/;
const CONNECTION_ID = /^(?:connection_id|conn_id|connection|id)$/;

/** Fields whose name alone says which canonical field they are, in the order tried. */
const BY_NAME: [RegExp, string][] = [
  [USER, 'user'], [GROUP, 'group'], [ACL, 'acl'], [REASON, 'reason'], [ASSIGNED, 'assigned_ip'], [BYTES_OUT, 'bytes_out'],
  [BYTES_IN, 'bytes_in'], [BYTES, 'bytes'], [DURATION, 'duration'], [PROTOCOL, 'protocol'], [SERVER, 'server_ip'], [COMMAND, 'command'],
  [CONNECTION_ID, 'connection_id'], [/^(?:application_protocol|app_protocol)$/, 'app_protocol'],
];

const sideOfName = (name: string): Side | null => NAMED_SIDE.find(([re]) => re.test(name))?.[1] ?? null;

/** The side a literal's words give the placeholders after it: its last sentence word, else its last address label. */
function sideOfLiteral(lit: string): Side | null {
  let said: Side | null = null;
  let label: Side | null = null;
  let weak = false;
  for (const m of lit.toLowerCase().matchAll(/[a-z]+/g)) {
    if (SIDE_WORDS.has(m[0])) [said, weak] = [SIDE_WORDS.get(m[0])!, m[0] === 'for'];
    else if (LABEL_SIDES.has(m[0])) label = LABEL_SIDES.get(m[0])!;
    else if (!NEUTRAL.has(m[0])) said = label = null;
  }
  // `for faddr`: the label says more than `for`; `from laddr`: `from` says more than the label
  return weak ? label ?? said : said ?? label;
}

const hasLetters = (lit: string): boolean => /[a-z]/i.test(lit);

/** Side-relative roles of one endpoint's placeholders: `if:ip/port (mapped_ip/mapped_port)`. */
function endpointRole(name: string, side: Side, seen: Set<string>): string | null {
  const type = valueType(name);
  if (INTERFACE.test(name)) return `${side}_interface`;
  if (type === 'text' && USER.test(name)) return 'user';
  if (type !== 'ip' && type !== 'port') return null;
  const what = type === 'ip' ? 'ip' : 'port';
  // a second address on one side is its NAT form only when its name says so (`mapped_address`)
  const role = MAPPED.test(name) ? `${side}_mapped_${what}` : `${side}_${what}`;
  return seen.has(role) ? null : role;
}

export interface Roles {
  /** placeholder name → canonical field name, for the placeholders that fill one */
  names: Record<string, string>;
  /** the same as pairs, in the format's order */
  list: [string, string][];
  /** the direction (`Built inbound|outbound`) in which the far end opened the connection: src and dst trade places */
  swapOn: 'inbound' | 'outbound';
}

/** No placeholder fills a canonical field: a message read by no format. */
export const NO_ROLES: Roles = { names: {}, list: [], swapOn: 'outbound' };

const rolesCache = new WeakMap<Pattern, Roles>();

export function rolesOf(p: Pattern): Roles {
  const cached = rolesCache.get(p);
  if (cached) return cached;
  const roles: Record<string, string> = Object.create(null) as Record<string, string>;
  let labelled = false;
  const seen = new Set<string>();
  let side: Side | null = null;
  p.fields.forEach((f, i) => {
    const before = p.text[i]!;
    // a side word starts a run of placeholders; a literal with words in it ends the run
    if (hasLetters(before)) {
      side = sideOfLiteral(before);
      if (/\b[fgl]addr\b/i.test(before)) labelled = true;
    }
    const named = BY_NAME.find(([re]) => re.test(f.name))?.[1];
    let role: string | null = named && !seen.has(named) && named !== 'user' ? named : null;
    if (role === null) {
      const s = side ?? sideOfName(f.name) ?? (valueType(f.name) === 'ip' && /(?:^|_)ip(?:_address)?$|^address$/.test(f.name) ? 'src' : null);
      if (s) role = endpointRole(f.name, s, seen);
      else if (INTERFACE.test(f.name) && !seen.has('interface')) role = 'interface';
      else if (named === 'user' && !seen.has('user')) role = 'user';
    }
    if (role === null && named === 'user' && !seen.has('user')) role = 'user';
    if (role !== null) {
      roles[f.name] = role;
      seen.add(role);
    }
  });
  // `interface_name:source_address`: an interface glued to an address is on that address's side
  p.fields.forEach((f, i) => {
    const next = p.fields[i + 1];
    const role = roles[f.name];
    if (!next || !(role === undefined || role === 'interface') || !INTERFACE.test(f.name) || !/^[:/]$/.test(p.text[i + 1]!)) return;
    const side = /^(src|dst)_ip$/.exec(roles[next.name] ?? '')?.[1];
    if (side && !seen.has(`${side}_interface`)) {
      if (role === 'interface') seen.delete('interface');
      roles[f.name] = `${side}_interface`;
      seen.add(`${side}_interface`);
    }
  });
  // `translation from inside:A/p to outside:B/q`: B is A's translated address, not a far end's
  for (const [side, other] of [['dst', 'src'], ['src', 'dst']] as const) {
    if (seen.has(`${side}_ip`) || !seen.has(`${side}_mapped_ip`) || !seen.has(`${other}_ip`) || seen.has(`${other}_mapped_ip`)) continue;
    for (const name in roles) {
      const role = roles[name]!;
      if (role.startsWith(`${side}_mapped_`)) roles[name] = `${other}_mapped_${role.slice(side.length + 8)}`;
    }
  }
  const result: Roles = { names: roles, list: Object.entries(roles), swapOn: labelled ? 'inbound' : 'outbound' };
  rolesCache.set(p, result);
  return result;
}
