// One vocabulary for the values of every message: whatever a document calls a placeholder
// (`source_address`, `outside_address`, `IP_address`, `SrcIP`), the same thing has the same canonical
// name here. Which placeholder fills which name is decided in roles.ts (FTD key/value events below);
// this module checks each value's shape and adds what the message says by its words (verbs.ts).
import { verbValue, actionWord, type Verbs } from './verbs.js';
import type { Roles } from './roles.js';
import { isDigits, isIpValue, leadingDigits, portNumber } from './value-types.js';

/** The canonical fields, in output order, with what each holds. README "Fields" lists the same. */
export const CANONICAL_FIELDS: Record<string, string> = {
  action: 'what the device did to the traffic: allowed, denied, built, teardown',
  outcome: 'success or failure, for messages that say (logins, negotiations, enrollments)',
  protocol: 'transport: tcp, udp, icmp, gre, esp …',
  app_protocol: 'application protocol, lower-case (FTD events: dns, http …)',
  src_interface: 'interface the connection came in on (ASA nameif)',
  src_ip: 'address of the side that opened the connection or session (the client, the VPN peer)',
  src_port: 'its port',
  src_mapped_ip: 'that address after NAT',
  src_mapped_port: 'that port after NAT',
  dst_interface: 'interface towards the destination',
  dst_ip: 'address the connection goes to',
  dst_port: 'its port (a number; service names such as https are turned into numbers)',
  dst_mapped_ip: 'that address after NAT',
  dst_mapped_port: 'that port after NAT',
  interface: 'the one interface a message names without a side ("on interface outside")',
  user: 'user name (VPN, AAA, identity firewall, admin); absent when the device says there is none',
  group: 'tunnel group or group policy',
  assigned_ip: 'address assigned to a VPN client',
  acl: 'access list or access-control rule',
  reason: 'why (a teardown reason, a rejection reason)',
  bytes: 'bytes of the connection or session',
  bytes_in: 'bytes received',
  bytes_out: 'bytes sent',
  duration: 'seconds',
  server_ip: 'AAA or other server address',
  command: 'command an administrator ran',
  connection_id: 'the connection number ASA gives a connection (pairs Built with Teardown)',
};

/** The canonical names, in output order. */
export const CANONICAL_NAMES = Object.keys(CANONICAL_FIELDS);
const ORDER = CANONICAL_NAMES;

export const isCanonicalField = (name: string): boolean => Object.hasOwn(CANONICAL_FIELDS, name);

const NO_USER = new Set(['', '*****', 'no authentication required', 'not found', 'unknown', 'none', '(none)', 'n/a', 'lookup_error', 'not authenticated', 'user']);
/** IANA protocol numbers and the names ECS and asalog use for them. */
export const IANA: Record<string, string> = { 1: 'icmp', 2: 'igmp', 6: 'tcp', 17: 'udp', 47: 'gre', 50: 'esp', 51: 'ah', 58: 'ipv6-icmp', 89: 'ospf', 103: 'pim', 112: 'vrrp', 132: 'sctp' };
const PROTOCOLS = new Set([...Object.values(IANA), 'icmp6', 'ip', 'ipv6']);
// Connection messages name their protocol in the ID, not in a field.
const ID_PROTOCOL: Record<string, string> = { 302013: 'tcp', 302014: 'tcp', 302015: 'udp', 302016: 'udp', 302020: 'icmp', 302021: 'icmp', 302035: 'sctp', 302036: 'sctp' };

// ASA writes an identity-firewall user as `(idfw_user, sg_info)`, a security group tag as `9999:name`
function user(v: string): string | undefined {
  const comma = v.indexOf(', ');
  const name = (comma < 0 ? v : v.slice(0, comma)).trim();
  return NO_USER.has(name.toLowerCase()) || /^\d+:/.test(name) || isIpValue(name) ? undefined : name;
}

function port(v: string): string | undefined {
  // `51635(host.example)`: ASA glues the identity or FQDN of the address to its port; a looser
  // format reading may leave words after it (`53 type 3, code 0,`)
  const d = leadingDigits(v);
  const glued = d >= 1 && d <= 5 && (d === v.length || v[d] === '(' || /\s/.test(v[d]!));
  const n = portNumber(glued ? v.slice(0, d) : v);
  return n === undefined ? undefined : String(n);
}

function protocol(v: string): string | undefined {
  const l = v.toLowerCase();
  const name = (Object.hasOwn(IANA, l) ? IANA[l] : undefined) ?? (l === 'icmpv6' || l === 'icmp6' ? 'ipv6-icmp' : l);
  return PROTOCOLS.has(name) ? name : undefined;
}

/** A number as text; a count of hundreds of digits (`Infinity`) is no value. */
const finite = (n: number): string | undefined => (Number.isFinite(n) ? String(n) : undefined);

/** `0:01:05`, `1h:02m:03s`, `2d 03:04:05`, `65s`, `120` → seconds. */
export function seconds(v: string): string | undefined {
  const t = v.trim().toLowerCase();
  if (isDigits(t)) return finite(Number(t));
  // `0:01:05`, the teardown messages' own way, read without the regular expressions below
  const [h, m, s, more] = t.split(':', 4);
  if (more === undefined && isDigits(h) && isDigits(m, 2) && isDigits(s, 2)) return finite(Number(h) * 3600 + Number(m) * 60 + Number(s));
  const hms = /^(?:(?<d>\d+)d\s*)?(?<h>\d+):(?<m>\d{1,2}):(?<s>\d{1,2})$/.exec(t);
  const units = /^(?:(?<d>\d+)d\s*:?\s*)?(?:(?<h>\d+)h\s*:?\s*)?(?:(?<m>\d+)m\s*:?\s*)?(?:(?<s>\d+)s)?$/.exec(t);
  const g = hms?.groups ?? (t && units ? units.groups : undefined);
  if (!g) return undefined;
  return finite(Number(g.d ?? 0) * 86400 + Number(g.h ?? 0) * 3600 + Number(g.m ?? 0) * 60 + Number(g.s ?? 0));
}

const ip = (v: string): string | undefined => (isIpValue(v) ? v : undefined);
const count = (v: string): string | undefined => (isDigits(v) ? finite(Number(v)) : undefined);
const text = (v: string): string | undefined => v || undefined;

function checkerOf(name: string): (v: string) => string | undefined {
  if (name.endsWith('_ip')) return ip;
  if (name.endsWith('_port')) return port;
  if (name === 'user') return user;
  if (name === 'protocol') return protocol;
  if (name.startsWith('bytes')) return count;
  if (name === 'duration') return seconds;
  if (name === 'app_protocol') return (v) => v.toLowerCase() || undefined;
  // an access list's name is one word: what a looser reading took after it (`OUT" [0x0, 0x0]`) is not
  if (name === 'acl') return (v) => /^[^\s"']+/.exec(v)?.[0];
  return text;
}

const SWAP: Record<string, string> = {};
for (const k of Object.keys(CANONICAL_FIELDS)) if (k.startsWith('src_')) [SWAP[k], SWAP[`dst_${k.slice(4)}`]] = [`dst_${k.slice(4)}`, k];

/** The same field of the other side (`src_ip` → `dst_ip`), or undefined for a field without a side. */
export const otherSide = (name: string): string | undefined => (Object.hasOwn(SWAP, name) ? SWAP[name] : undefined);

const INDEX: Record<string, number> = Object.fromEntries(ORDER.map((k, i) => [k, i]));
const CHECKERS = ORDER.map(checkerOf);
const SLOT = { action: INDEX.action!, outcome: INDEX.outcome!, protocol: INDEX.protocol!, bytes: INDEX.bytes!, bytesIn: INDEX.bytes_in!, bytesOut: INDEX.bytes_out! };

/**
 * The canonical fields of one message: `fields` (placeholder → value) read through `roles`
 * (placeholder → canonical name), each value checked for its shape, plus action and outcome;
 * in CANONICAL_FIELDS order. (On every line of -o json: slots, not a sort.)
 */
export function canonicalFields(id: string, fields: Record<string, string>, roles: Roles, verbs: Verbs): Record<string, string> {
  const slots: (string | undefined)[] = new Array(ORDER.length);
  // `Built outbound … for A to B`: B opened the connection
  const action = verbValue(verbs.action, fields);
  const swap = action === 'built' && fields.direction?.toLowerCase() === roles.swapOn;
  const list = roles.list;
  for (let i = 0; i < list.length; i++) {
    const name = list[i]![0];
    const role = list[i]![1];
    const raw = fields[name];
    if (raw === undefined) continue;
    const slot = INDEX[swap ? SWAP[role] ?? role : role]!;
    if (slots[slot] !== undefined) continue;
    slots[slot] = CHECKERS[slot]!(raw.trim());
  }
  if (action) slots[SLOT.action] = action;
  const outcome = verbValue(verbs.outcome, fields);
  if (outcome) slots[SLOT.outcome] = outcome;
  if (slots[SLOT.protocol] === undefined) slots[SLOT.protocol] = verbs.protocol ?? ID_PROTOCOL[id];
  const [bytesIn, bytesOut] = [slots[SLOT.bytesIn], slots[SLOT.bytesOut]];
  if (slots[SLOT.bytes] === undefined && bytesIn !== undefined && bytesOut !== undefined) slots[SLOT.bytes] = String(Number(bytesIn) + Number(bytesOut));
  const out: Record<string, string> = {};
  for (let i = 0; i < slots.length; i++) if (slots[i] !== undefined) out[ORDER[i]!] = slots[i]!;
  return out;
}

// FTD connection and security events (430001-430005) name their keys; the same names here.
const FTD_ROLES: Record<string, string> = {
  src_ip: 'src_ip', dst_ip: 'dst_ip', src_port: 'src_port', dst_port: 'dst_port', protocol: 'protocol', user: 'user',
  ingress_interface: 'src_interface', egress_interface: 'dst_interface', access_control_rule_name: 'acl',
  initiator_bytes: 'bytes_out', responder_bytes: 'bytes_in', connection_duration: 'duration', reason: 'reason', application_protocol: 'app_protocol',
};

const FTD_EVENT_ROLES: Roles = { names: FTD_ROLES, list: Object.entries(FTD_ROLES), swapOn: 'outbound' };

export function ftdEventRoles(): Roles {
  return FTD_EVENT_ROLES;
}

/** FTD events say their action in a key of its own (`AccessControlRuleAction: Allow`). */
export function ftdEventVerbs(fields: Record<string, string>): Verbs {
  const a = fields.access_control_rule_action;
  const action = a === undefined ? undefined : actionWord(a);
  return action ? { action } : {};
}
