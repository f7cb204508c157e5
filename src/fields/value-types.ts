// What a field's name says its value is (an address, a port), and the repair that follows from it:
// `interface:address/port` is cut at the `:` and `/` the type allows, so `v1:outside:10.8.1.9/54864`
// gives interface `v1:outside` and address `10.8.1.9`, and `2001:db8::1:443` gives `2001:db8::1`, `443`.
import { isIP } from 'node:net';
import type { Pattern } from './compile.js';
import { fieldName } from './placeholders.js';

export type ValueType = 'ip' | 'port' | 'text';

const PORT_NAME = /(?:^|_)(?:port|sport|dport|srcport|dstport)(?:_\d+)?$|_port\d?$|^service$/;
const IP_NAME = /(?:^|_)(?:ip|ipaddr|ip_addr|ip_address|addr|address|sip|dip)(?:_\d+)?$|(?:^|_)ip\d?$/;
const NOT_IP = /(?:^|_)(?:mac|email|e_mail|malicious|hardware)(?:_|$)/;

const types = new Map<string, ValueType>();

export function valueType(name: string): ValueType {
  let t = types.get(name);
  if (t === undefined) {
    t = PORT_NAME.test(name) ? 'port' : IP_NAME.test(name) && !NOT_IP.test(name) ? 'ip' : 'text';
    if (types.size < 4096) types.set(name, t);
  }
  return t;
}

/** `isIP(v) === 4` without its regular expression (on every address of every line): four decimal parts 0-255, no leading zeros. */
function isIPv4(v: string): boolean {
  const n = v.length;
  if (n < 7 || n > 15) return false;
  let parts = 0;
  let start = 0;
  let value = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? v.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - start;
      if (len === 0 || len > 3 || (len > 1 && v.charCodeAt(start) === 48) || value > 255) return false;
      parts++;
      start = i + 1;
      value = 0;
    } else if (c >= 48 && c <= 57) value = value * 10 + c - 48;
    else return false;
  }
  return parts === 4;
}

/** An IPv4 or IPv6 address, as `net.isIP` says (an IPv6 address always has a `:`). */
export const isIpValue = (v: string): boolean => isIPv4(v) || (v.includes(':') && isIP(v) !== 0);

/** The names ASA prints for well-known ports (`outside:203.0.113.1/https`), from Cisco's "TCP and UDP Ports" table. */
export const PORT_NAMES: Record<string, number> = {
  aol: 5190, bgp: 179, biff: 512, bootpc: 68, bootps: 67, chargen: 19, cifs: 3020, 'citrix-ica': 1494, cmd: 514, ctiqbe: 2748, daytime: 13,
  discard: 9, dnsix: 195, domain: 53, echo: 7, exec: 512, finger: 79, ftp: 21, 'ftp-data': 20, gopher: 70, h323: 1720, hostname: 101,
  http: 80, https: 443, ident: 113, imap4: 143, irc: 194, isakmp: 500, kerberos: 750, klogin: 543, kshell: 544, ldap: 389, ldaps: 636,
  login: 513, lotusnotes: 1352, lpd: 515, 'mobile-ip': 434, nameserver: 42, 'netbios-dgm': 138, 'netbios-ns': 137, 'netbios-ssn': 139,
  nfs: 2049, nntp: 119, ntp: 123, 'pcanywhere-data': 5631, 'pcanywhere-status': 5632, 'pim-auto-rp': 496, pop2: 109, pop3: 110, pptp: 1723,
  radius: 1645, 'radius-acct': 1646, rip: 520, rsh: 514, rtsp: 554, 'secureid-udp': 5510, sip: 5060, smtp: 25, snmp: 161, snmptrap: 162,
  sqlnet: 1521, ssh: 22, sunrpc: 111, syslog: 514, tacacs: 49, talk: 517, telnet: 23, tftp: 69, time: 37, uucp: 540, vxlan: 4789,
  who: 513, whois: 43, www: 80, xdmcp: 177,
};

/** The number of a port written as a number or as the name ASA prints for a well-known one; undefined otherwise. */
export function portNumber(v: string): number | undefined {
  if (isDigits(v, 5)) {
    const n = Number(v);
    return n <= 65535 ? n : undefined;
  }
  const name = v.toLowerCase();
  return Object.hasOwn(PORT_NAMES, name) ? PORT_NAMES[name] : undefined;
}

/** How many ASCII digits `v` starts with. */
export function leadingDigits(v: string): number {
  let i = 0;
  while (i < v.length && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i++;
  return i;
}

/** One to `max` ASCII digits and nothing else. */
export const isDigits = (v: string | undefined, max = Infinity): boolean => v !== undefined && v.length >= 1 && v.length <= max && leadingDigits(v) === v.length;

export const isPortValue = (v: string): boolean => portNumber(v) !== undefined;

/** Whether `v` can be a value of type `t`; text can be anything. */
export function fits(t: ValueType, v: string): boolean {
  return t === 'ip' ? isIpValue(v) || HOST_NAME.test(v) : t === 'port' ? isPortValue(v) : true;
}

// an address field may hold a name (`source.example.net`), never a space or a `:` outside an IPv6 address
const HOST_NAME = /^(?=[^.]*[.\d])[a-z0-9_][a-z0-9_.-]{0,252}$/i;

const SEPARATORS = new Set([':', '/']);

interface SettlePlan {
  /** neighbours `a` `sep` `b` of which at least one is typed */
  pairs: { a: string; b: string; ta: ValueType; tb: ValueType; sep: string }[];
  names: { name: string; type: ValueType }[];
}

const plans = new WeakMap<Pattern, SettlePlan>();

function planOf(p: Pattern): SettlePlan {
  let plan = plans.get(p);
  if (plan) return plan;
  plan = { pairs: [], names: p.fields.map((f) => ({ name: f.name, type: valueType(f.name) })) };
  for (let i = 0; i + 1 < p.fields.length; i++) {
    const [a, b] = [plan.names[i]!, plan.names[i + 1]!];
    const sep = p.text[i + 1]!;
    if (SEPARATORS.has(sep) && (a.type !== 'text' || b.type !== 'text')) plan.pairs.push({ a: a.name, b: b.name, ta: a.type, tb: b.type, sep });
  }
  plans.set(p, plan);
  return plan;
}

/** `user-agent` where the format says `user-agent`: the line repeats the placeholder, or the format took a word of the sentence for one. */
export function isPlaceholderItself(v: string, name: string): boolean {
  if (Math.abs(v.length - name.length) > 2) return false;
  // cheap first: the first letter or digit must be the name's (`[interface_name` → `interface_name`)
  let i = 0;
  while (i < v.length && !/[a-z0-9]/i.test(v[i]!)) i++;
  return (v.charCodeAt(i) | 32) === (name.charCodeAt(0) | 32) && fieldName(v) === name;
}

function allFit(plan: SettlePlan, fields: Record<string, string>): boolean {
  for (const { name, type } of plan.names) {
    if (type === 'text') continue;
    const v = fields[name];
    if (v !== undefined && !fits(type, v)) return false;
  }
  return true;
}

/**
 * Values of a matched pattern, re-cut where the type of two neighbours separated by `:` or `/` asks for
 * another cut. `guessed` (the tolerant matcher's alignments): a typed value that fits no cut is dropped,
 * as a wrong address is worse than none; a format matched word for word keeps what the line says
 * there (111003's `IP_address` is `console` on the console). A value that is its placeholder's own
 * name is not a value either way.
 */
export function settleValues(p: Pattern, fields: Record<string, string>, guessed = false): Record<string, string> {
  const plan = planOf(p);
  // the usual line: every address and port fits its type, so nothing is re-cut or repaired
  if (allFit(plan, fields)) {
    for (const { name } of plan.names) {
      const v = fields[name];
      if (v !== undefined && isPlaceholderItself(v, name)) delete fields[name];
    }
    return fields;
  }
  for (const { a, b, ta, tb, sep } of plan.pairs) {
    const [va, vb] = [fields[a], fields[b]];
    if (va === undefined || vb === undefined || (fits(ta, va) && fits(tb, vb))) continue;
    const whole = `${va}${sep}${vb}`;
    for (let at = whole.indexOf(sep); at >= 0; at = whole.indexOf(sep, at + 1)) {
      const [x, y] = [whole.slice(0, at), whole.slice(at + 1)];
      if (x && y && fits(ta, x) && fits(tb, y)) {
        fields[a] = x;
        fields[b] = y;
        break;
      }
    }
  }
  for (const { name, type } of plan.names) {
    let v = fields[name];
    // `Peer EXTRA 192.0.2.10 is not answering`: a word the device added went into the value; an
    // address or port is one word, so when exactly one word of the value fits, that is the value
    if (v !== undefined && type !== 'text' && !fits(type, v) && /\s/.test(v)) {
      const fitting = v.split(/[\s,;]+/).map((w) => w.replace(/^<(.*)>$/, '$1')).filter((w) => w !== '' && fits(type, w) && (type !== 'ip' || isIpValue(w) || /\d/.test(w)));
      if (fitting.length === 1) fields[name] = v = fitting[0]!;
    }
    if (v !== undefined && ((guessed && !fits(type, v)) || isPlaceholderItself(v, name))) delete fields[name];
  }
  return fields;
}
