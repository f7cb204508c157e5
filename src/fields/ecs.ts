import { isIP } from 'node:net';

// Extracted fields → ECS source/destination/user/network. A field is mapped only when its name clearly
// says what it is AND its value has the right shape; everything stays under cisco.<product>.* anyway.

export interface EcsEndpoint { ip?: string; port?: number }
export interface EcsFromFields {
  source?: EcsEndpoint;
  destination?: EcsEndpoint;
  user?: { name: string };
  network?: { transport?: string; iana_number?: string; protocol?: string };
}

const SOURCE_IP = /^(?:(?:src|source)(?:_ip)?(?:_addr|_address|_ip_address)?\d?|sip|saddr|pkt_saddr|srcip)$/;
const DEST_IP = /^(?:(?:dst|dest|destination)(?:_ip)?(?:_addr|_address|_ip_address)?\d?|dip|daddr|pkt_daddr|dstip)$/;
// the far end of a VPN/IKE/auth session: the side that connected, so ECS source
const PEER_IP = /^(?:peer|remote|client|user|public)_(?:ip|ip_address|address|addr)$/;
// a bare `IP` means the session's peer only in a message that also names its user ("Group g User u IP a")
const BARE_IP = /^(?:ip|ip_address|ip_addr|ipaddr|address)$/;
const SOURCE_PORT = /^(?:(?:src|source)_port|sport|srcport|pkt_src_port)$/;
const DEST_PORT = /^(?:(?:dst|dest|destination)_port|dport|dstport|pkt_dest_port)$/;
const USER = /^(?:user|user_name|username|idfw_user|user_identity|login_user|source_user)$/;
const TRANSPORT = /^(?:protocol|transport_protocol|ip_protocol|protocol_name|protocol_number)$/;
const APP_PROTOCOL = /^(?:application_protocol|app_protocol)$/;
// what FTD and ASA print when there is no user
const NO_USER = new Set(['', '*****', 'no authentication required', 'not found', 'unknown', 'none', '(none)', 'n/a', 'lookup_error', 'not authenticated']);
const IANA: Record<string, string> = { 1: 'icmp', 2: 'igmp', 6: 'tcp', 17: 'udp', 47: 'gre', 50: 'esp', 51: 'ah', 58: 'ipv6-icmp', 89: 'ospf', 103: 'pim', 112: 'vrrp', 132: 'sctp' };
const IANA_BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(IANA).map(([n, name]) => [name, n]));
const TRANSPORT_ALIASES: Record<string, string> = { icmp6: 'ipv6-icmp', icmpv6: 'ipv6-icmp' };

const isIpValue = (v: string): boolean => isIP(v) !== 0;

export function portValue(v: string): number | undefined {
  if (v.length === 0 || v.length > 5) return undefined;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57) return undefined;
  const n = Number(v);
  return n <= 65535 ? n : undefined;
}

// ASA writes an identity-firewall user as `(idfw_user, sg_info)`; the security group tag is `9999:name`
const SGT = /^\d+:/;

function userValue(v: string): string | undefined {
  const comma = v.indexOf(', ');
  const name = (comma < 0 ? v : v.slice(0, comma)).trim();
  // an IP is a LAN-to-LAN peer named as the "user", not a person
  return NO_USER.has(name.toLowerCase()) || SGT.test(name) || isIpValue(name) ? undefined : name;
}

type Role = 'sourceIp' | 'peerIp' | 'bareIp' | 'destIp' | 'sourcePort' | 'destPort' | 'user' | 'transport' | 'appProtocol';
const RULES: [Role, RegExp][] = [
  ['sourceIp', SOURCE_IP], ['destIp', DEST_IP], ['peerIp', PEER_IP], ['bareIp', BARE_IP], ['sourcePort', SOURCE_PORT],
  ['destPort', DEST_PORT], ['user', USER], ['transport', TRANSPORT], ['appProtocol', APP_PROTOCOL],
];
const ip = (v: string): string | undefined => (isIpValue(v) ? v : undefined);
const port = (v: string): string | undefined => (portValue(v) === undefined ? undefined : v);
const VALUE: Record<Role, (v: string) => string | undefined> = {
  sourceIp: ip, peerIp: ip, bareIp: ip, destIp: ip, sourcePort: port, destPort: port, user: userValue,
  transport: (v) => (transport(v) ? v : undefined), appProtocol: (v) => v || undefined,
};

// field names repeat on every line of a message: decide each name once (bounded, as names come from input)
const roles = new Map<string, Role | null>();
function roleOf(name: string): Role | null {
  let role = roles.get(name);
  if (role === undefined) {
    role = RULES.find(([, re]) => re.test(name))?.[0] ?? null;
    if (roles.size < 4096) roles.set(name, role);
  }
  return role;
}

function transport(v: string): { transport: string; iana_number?: string } | undefined {
  const lower = v.toLowerCase();
  const name = IANA[lower] ?? TRANSPORT_ALIASES[lower] ?? (IANA_BY_NAME[lower] ? lower : undefined);
  if (!name) return undefined;
  const number = IANA_BY_NAME[name];
  return number ? { transport: name, iana_number: number } : { transport: name };
}

function endpoint(ip: string | undefined, port: string | undefined): EcsEndpoint | undefined {
  if (ip === undefined && port === undefined) return undefined;
  const out: EcsEndpoint = {};
  if (ip !== undefined) out.ip = ip;
  if (port !== undefined) out.port = portValue(port);
  return out;
}

/** For each role, the first field (in the fields' own order) whose value passes. */
function byRole(fields: Record<string, string>): Partial<Record<Role, string>> {
  const found: Partial<Record<Role, string>> = {};
  for (const name in fields) {
    const role = roleOf(name);
    if (role === null || found[role] !== undefined) continue;
    const value = VALUE[role](fields[name]!.trim());
    if (value !== undefined) found[role] = value;
  }
  return found;
}

// Connection messages name their protocol in the ID, not in a field.
const ID_TRANSPORT: Record<string, string> = { 302013: 'tcp', 302014: 'tcp', 302015: 'udp', 302016: 'udp', 302020: 'icmp', 302021: 'icmp' };

/**
 * `Built inbound|outbound … for if:A/p … to if:B/q`: the two sides are `real_address`/`_2`, and the
 * direction says which one opened the connection (inbound: the `for` side; outbound: the `to` side).
 * A teardown does not say, so its sides stay unmapped.
 */
function connectionSides(fields: Record<string, string>): { source?: EcsEndpoint; destination?: EcsEndpoint } {
  const direction = fields.direction?.toLowerCase();
  if (direction !== 'inbound' && direction !== 'outbound') return {};
  const side = (n: '' | '_2'): EcsEndpoint | undefined => {
    const address = fields[`real_address${n}`]?.trim() ?? '';
    const portText = fields[`real_port${n}`]?.trim();
    return endpoint(ip(address), portText === undefined ? undefined : port(portText));
  };
  const [first, second] = [side(''), side('_2')];
  return direction === 'inbound' ? { source: first, destination: second } : { source: second, destination: first };
}

export function ecsFromFields(fields: Record<string, string>, id?: string): EcsFromFields {
  const out: EcsFromFields = {};
  const f = byRole(fields);
  const srcIp = f.sourceIp ?? f.peerIp ?? (f.user ? f.bareIp : undefined);
  const sides = connectionSides(fields);
  const source = endpoint(srcIp, f.sourcePort) ?? sides.source;
  const destination = endpoint(f.destIp, f.destPort) ?? sides.destination;
  if (source) out.source = source;
  if (destination) out.destination = destination;
  if (f.user) out.user = { name: f.user };
  const idTransport = id === undefined ? undefined : ID_TRANSPORT[id];
  const proto = f.transport ? transport(f.transport) : idTransport ? transport(idTransport) : undefined;
  if (proto || f.appProtocol) out.network = { ...proto, ...(f.appProtocol ? { protocol: f.appProtocol.toLowerCase() } : {}) };
  return out;
}
