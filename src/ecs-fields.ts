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

export const isIpValue = (v: string): boolean => isIP(v) !== 0;

export function portValue(v: string): number | undefined {
  if (v.length === 0 || v.length > 5) return undefined;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57) return undefined;
  const n = Number(v);
  return n <= 65535 ? n : undefined;
}

/** The first value whose field name matches and whose value passes, in the fields' own order. */
function pick(fields: Record<string, string>, name: RegExp, valid: (v: string) => boolean): string | undefined {
  for (const [k, v] of Object.entries(fields)) if (name.test(k) && valid(v.trim())) return v.trim();
  return undefined;
}

// ASA writes an identity-firewall user as `(idfw_user, sg_info)`; the security group tag is `9999:name`
const SGT = /^\d+:/;

function userName(fields: Record<string, string>): string | undefined {
  for (const [k, v] of Object.entries(fields)) {
    if (!USER.test(k)) continue;
    const comma = v.indexOf(', ');
    const name = (comma < 0 ? v : v.slice(0, comma)).trim();
    // an IP is a LAN-to-LAN peer named as the "user", not a person
    if (!NO_USER.has(name.toLowerCase()) && !SGT.test(name) && !isIpValue(name)) return name;
  }
  return undefined;
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
  return { ...(ip === undefined ? {} : { ip }), ...(port === undefined ? {} : { port: portValue(port) }) };
}

export function ecsFromFields(fields: Record<string, string>): EcsFromFields {
  const out: EcsFromFields = {};
  const user = userName(fields);
  const srcIp = pick(fields, SOURCE_IP, isIpValue) ?? pick(fields, PEER_IP, isIpValue) ?? (user ? pick(fields, BARE_IP, isIpValue) : undefined);
  const source = endpoint(srcIp, pick(fields, SOURCE_PORT, (v) => portValue(v) !== undefined));
  const destination = endpoint(pick(fields, DEST_IP, isIpValue), pick(fields, DEST_PORT, (v) => portValue(v) !== undefined));
  if (source) out.source = source;
  if (destination) out.destination = destination;
  if (user) out.user = { name: user };
  const proto = pick(fields, TRANSPORT, (v) => transport(v) !== undefined);
  const app = pick(fields, APP_PROTOCOL, (v) => v.length > 0);
  if (proto || app) out.network = { ...(proto ? transport(proto) : {}), ...(app ? { protocol: app.toLowerCase() } : {}) };
  return out;
}
