// Deterministic generator of large, realistic ASA/FTD syslog files for the benchmarks.
//   node --import tsx bench/generate.ts [--lines N] [--seed S] [--out FILE]
// Default: ~6.5 M lines ≈ 1 GB to bench/out/bench.log. Same seed and line count, same bytes.
import { createWriteStream, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prng } from './prng.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_LINES = 6_500_000;
export const DEFAULT_OUT = join(ROOT, 'bench', 'out', 'bench.log');

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const v4 = (r: Rand): string => `${pick(r, [10, 172, 192, 203, 198, 81, 8])}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
const port = (r: Rand): number => (r() < 0.5 ? pick(r, [53, 80, 443, 22, 123, 389, 445, 3389]) : int(r, 1024, 65535));
const iface = (r: Rand): string => pick(r, ['outside', 'inside', 'dmz', 'mgmt', 'WLC-LAN_inside']);
const proto = (r: Rand): string => pick(r, ['tcp', 'udp']);

/** Hand-written bodies for the IDs that dominate real firewall logs, with per-line variation. */
const HOT: Array<[weight: number, sev: number, id: string, body: (r: Rand) => string]> = [
  [16, 6, '302013', (r) => `Built ${pick(r, ['inbound', 'outbound'])} TCP connection ${int(r, 1, 2 ** 31)} for ${iface(r)}:${v4(r)}/${port(r)} (${v4(r)}/${port(r)}) to ${iface(r)}:${v4(r)}/${port(r)} (${v4(r)}/${port(r)})`],
  [16, 6, '302014', (r) => `Teardown TCP connection ${int(r, 1, 2 ** 31)} for ${iface(r)}:${v4(r)}/${port(r)} to ${iface(r)}:${v4(r)}/${port(r)} duration 0:${int(r, 0, 59)}:${String(int(r, 0, 59)).padStart(2, '0')} bytes ${int(r, 0, 1e7)} ${pick(r, ['TCP FINs', 'TCP Reset-O', 'TCP Reset-I', 'SYN Timeout', 'Conn-timeout'])}`],
  [12, 6, '302015', (r) => `Built ${pick(r, ['inbound', 'outbound'])} UDP connection ${int(r, 1, 2 ** 31)} for ${iface(r)}:${v4(r)}/${port(r)} (${v4(r)}/${port(r)}) to ${iface(r)}:${v4(r)}/${port(r)} (${v4(r)}/${port(r)})`],
  [12, 6, '302016', (r) => `Teardown UDP connection ${int(r, 1, 2 ** 31)} for ${iface(r)}:${v4(r)}/${port(r)} to ${iface(r)}:${v4(r)}/${port(r)} duration 0:00:${String(int(r, 0, 59)).padStart(2, '0')} bytes ${int(r, 0, 1e5)}`],
  [10, 4, '106023', (r) => `Deny ${proto(r)} src ${iface(r)}:${v4(r)}/${port(r)} dst ${iface(r)}:${v4(r)}/${port(r)} by access-group "${pick(r, ['outside_access_in', 'inside_in', 'global_access'])}" [0x${int(r, 0, 2 ** 31).toString(16)}, 0x0]`],
  [9, 6, '106100', (r) => `access-list ${pick(r, ['acl_in', 'outside_in', 'dmz_in'])} ${pick(r, ['permitted', 'denied'])} ${proto(r)} ${iface(r)}/${v4(r)}(${port(r)}) -> ${iface(r)}/${v4(r)}(${port(r)}) hit-cnt ${int(r, 1, 50)} ${pick(r, ['first hit', '300-second interval'])} [0x${int(r, 0, 2 ** 31).toString(16)}, 0x0]`],
  [4, 6, '106015', (r) => `Deny TCP (no connection) from ${v4(r)}/${port(r)} to ${v4(r)}/${port(r)} flags ${pick(r, ['RST', 'ACK', 'FIN ACK', 'RST ACK'])}  on interface ${iface(r)}`],
  [3, 6, '305011', (r) => `Built dynamic ${pick(r, ['TCP', 'UDP', 'ICMP'])} translation from ${iface(r)}:${v4(r)}/${port(r)} to ${iface(r)}:${v4(r)}/${port(r)}`],
  [3, 6, '305012', (r) => `Teardown dynamic ${pick(r, ['TCP', 'UDP', 'ICMP'])} translation from ${iface(r)}:${v4(r)}/${port(r)} to ${iface(r)}:${v4(r)}/${port(r)} duration 0:00:${String(int(r, 10, 59)).padStart(2, '0')}`],
  [2, 1, '430003', (r) => `DeviceUUID: ${uuid(r)}, InstanceID: ${int(r, 1, 9)}, FirstPacketSecond: 2026-11-20T10:00:0${int(r, 0, 9)}Z, ConnectionID: ${int(r, 1, 99999)}, AccessControlRuleAction: ${pick(r, ['Allow', 'Block', 'Trust'])}, SrcIP: ${v4(r)}, DstIP: ${v4(r)}, SrcPort: ${port(r)}, DstPort: ${port(r)}, Protocol: tcp, IngressInterface: ${iface(r)}, EgressInterface: ${iface(r)}`],
  [1, 1, '430002', (r) => `DeviceUUID: ${uuid(r)}, InstanceID: 1, FirstPacketSecond: 2026-11-20T10:00:00Z, ConnectionID: ${int(r, 1, 99999)}, AccessControlRuleAction: Allow, SrcIP: ${v4(r)}, DstIP: ${v4(r)}, SrcPort: ${port(r)}, DstPort: ${port(r)}, Protocol: udp`],
  [1, 6, '113004', (r) => `AAA user authentication Successful : server =  ${v4(r)} : user = ${pick(r, ['alice', 'bob', 'svc_backup', 'Speciäl Ö01'])}`],
  [1, 6, '113005', (r) => `AAA user authentication Rejected : reason = AAA failure : server = ${v4(r)} : user = ***** : user IP = ${v4(r)}`],
  [1, 6, '113008', (r) => `AAA transaction status ACCEPT : user = ${pick(r, ['alice', 'bob', 'carol'])}`],
  [1, 6, '113039', (r) => `Group <GroupPolicy_VPN> User <${pick(r, ['alice', 'bob'])}> IP <${v4(r)}> AnyConnect parent session started.`],
];

const uuid = (r: Rand): string => Array.from({ length: 5 }, (_, i) => int(r, 0, 2 ** 31).toString(16).padStart(8, '0').slice(0, [8, 4, 4, 4, 12][i])).join('-');

/** Real message bodies: the supplement's `samples`, and VPN/AAA formats from the catalog with placeholders filled. */
function loadBodies(r: Rand): Array<[sev: number, id: string, body: string]> {
  const out: Array<[number, string, string]> = [];
  const dir = join(ROOT, 'catalog', 'supplement');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    for (const m of JSON.parse(readFileSync(join(dir, name), 'utf8')).messages) {
      for (const v of m.variants) for (const s of v.samples ?? []) {
        const tag = /%(?:ASA|FTD)-(?:[a-z]+-)?(?<sev>[0-7])-(?<id>\d{6}):? ?(?<body>.*)$/.exec(s);
        if (tag) out.push([Number(tag.groups!.sev), tag.groups!.id!, tag.groups!.body!]);
      }
    }
  }
  const catalog = JSON.parse(readFileSync(join(ROOT, 'catalog', 'messages.json'), 'utf8')).messages;
  for (const m of catalog) {
    if (!['vpn', 'webvpn', 'svc', 'ikev2', 'ipaa', 'auth', 'ssl'].includes(m.category)) continue;
    const format: string = m.variants[0]?.format ?? '';
    if (!format || format.includes('\n')) continue;
    const body = format
      .replace(/\{([^{}|]*)\|[^{}]*\}/g, '$1')
      .replace(/%[A-Za-z]/g, (p) => (p === '%d' || p === '%u' ? String(int(r, 1, 9999)) : p === '%A' ? v4(r) : p === '%x' ? int(r, 0, 65535).toString(16) : pick(r, ['alice', 'DfltGrpPolicy', 'outside', 'AnyConnect'])));
    out.push([m.severity ?? 6, m.id, body]);
  }
  return out;
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const HOSTS = ['asa-fw-01', 'asa-fw-02', 'fw01.example.local', '10.10.10.1', '198.51.100.10', 'firepower', 'siem-ftd', 'ccafa9b4-b48a-4156-b3af-de2d35e5f432'];

type Shape = (t: Date, host: string, r: Rand) => string;
const bsd = (t: Date, year: boolean): string => `${MON[t.getUTCMonth()]} ${String(t.getUTCDate()).padStart(2, ' ')}${year ? ` ${t.getUTCFullYear()}` : ''} ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())}`;
const iso = (t: Date): string => t.toISOString().slice(0, 19) + 'Z';
// PRI follows the message's severity, as on a device (facility local4 or local7, chosen per run).
let facility = 20;
let severity = 6;
const pri = (_r: Rand): string => `<${facility * 8 + severity}>`;
/** Wrapper shapes of STATS.md, weighted roughly by how often they occur. */
const SHAPES: Array<[number, Shape]> = [
  [20, () => ''],
  [14, (t) => `${bsd(t, true)}: `],
  [12, (t, h, r) => `${pri(r)}${bsd(t, true)} ${h} : `],
  [10, (t, h) => `${bsd(t, false)} ${h}: `],
  [6, (t, h) => `${bsd(t, true)} ${h}: `],
  [4, (t, h) => `${bsd(t, true)} ${h} : `],
  [4, (t, h) => `${iso(t)} ${h}  `],
  [3, (t, h, r) => `${pri(r)}${bsd(t, false)} ${h} : `],
  [2, (t, h) => `${bsd(t, true)} ${h} asa[1234]: `],
  [2, (t, _h, r) => `${pri(r)}${bsd(t, true)}: `],
  [2, (t, h) => `${bsd(t, false)} ${h} : `],
  [2, (t, h) => `${bsd(t, false)} ${h} `],
  [1, (_t, h) => `LOCAL4.WARNING: ${h} `],
  [1, (t, h) => `${bsd(t, true)} ${h}  `],
  [1, (_t, _h, r) => pri(r)],
  [1, (t, h) => `${bsd(t, false)} ${h} : ${bsd(t, false)} EDT: `],
  [1, (t, _h, r) => `${pri(r)}${iso(t)}: `],
  [1, (t) => `${bsd(t, true)} EDT: `],
  [1, (t, _h, r) => `${pri(r)}${bsd(t, true)}Z  `],
  [1, (t) => `${bsd(t, false)}.${String(t.getUTCMilliseconds()).padStart(3, '0')}340: `],
  [1, (t) => `${iso(t)}   `],
  [1, (t, h, r) => `${pri(r)}${bsd(t, false)} ${h}: `],
  [1, (t, h) => `${bsd(t, false)} ${h} asa[1234]: `],
  [1, (t, _h, r) => `${pri(r)}${bsd(t, false)}: `],
  [1, (t, h) => `${iso(t)} ${h} : `],
  [1, (_t, _h, r) => `${pri(r)}:: `],
  [1, (t, h, r) => `${pri(r)}${bsd(t, false)} ${h} : ${bsd(t, false)} WEST: `],
  [1, (t) => `${bsd(t, true)} : `],
  [1, (_t, h, r) => `${pri(r)}${h} `],
  [1, (t, _h, r) => `${pri(r)}:${bsd(t, false)} UTC: `],
  [1, (t, h, r) => `${pri(r)}: ${t.getUTCFullYear()} ${MON[t.getUTCMonth()]} ${p2(t.getUTCDate())} ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} UTC ${h} : `],
  [1, (t) => `${bsd(t, false)} UTC: `],
  [1, (t, _h, r) => `${pri(r)}${iso(t)}   `],
  [1, (t, h) => `${iso(t)} ${h} Alerts `],
];

const JUNK: Array<(t: Date, r: Rand) => string> = [
  () => '',
  (t) => `${bsd(t, false)} core-sw01 %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up`,
  (t) => `${bsd(t, false)} linux-host sshd[4242]: Accepted publickey for admin from 10.0.0.5 port 51514 ssh2`,
  (_t, r) => `garbage ${int(r, 0, 1e9).toString(36)} \u0001\u0002 %% 100% done`,
  (t) => `${bsd(t, true)} asa-fw-01: %ASA-8-999999: not a message: severity 8`,
  (t) => `${bsd(t, false)} fw01 ASA-2-106001: Inbound TCP connection denied from 192.0.2.1/2222 to 10.0.0.1/80 flags SYN on interface outside`,
  (t) => `${bsd(t, true)} fw01 : %FTD-session-6-302013: Built inbound TCP connection 1 for outside:10.0.0.1/1 (10.0.0.1/1) to inside:10.0.0.2/2 (10.0.0.2/2)`,
  (t) => `${bsd(t, true)} fw01 : %FDT-6-113004: AAA user authentication Successful : server = 10.0.0.9 : user = bob`,
];

function weighted<T>(items: Array<[number, T]>): (r: Rand) => T {
  const total = items.reduce((s, [w]) => s + w, 0);
  return (r) => {
    let x = r() * total;
    for (const [w, v] of items) if ((x -= w) < 0) return v;
    return items[items.length - 1]![1];
  };
}

export interface GenerateOptions { lines: number; seed: number; out: string }

export async function generate(opts: GenerateOptions): Promise<void> {
  const r = prng(opts.seed);
  const bodies = loadBodies(r);
  const hot = weighted(HOT.map(([w, s, id, f]) => [w, [s, id, f] as const]));
  const shape = weighted(SHAPES);
  mkdirSync(dirname(opts.out), { recursive: true });
  const out = createWriteStream(opts.out);
  let t = Date.UTC(2026, 10, 20, 0, 0, 0);
  let chunk: string[] = [];
  let current = shape(r);
  for (let n = 0; n < opts.lines; n++) {
    // ~1000 lines a second (a busy firewall: ~15 GB a day), so many lines share their second.
    t += r() * 2;
    // One collector writes one wrapper shape: the shape changes per run of ~2000 lines, the way
    // a day's file concatenates sources, not per line.
    if (r() < 1 / 2000) {
      current = shape(r);
      facility = r() < 0.8 ? 20 : 23;
    }
    const time = new Date(Math.floor(t));
    const x = r();
    let line: string;
    if (x < 0.01) line = pick(r, JUNK)(time, r);
    else {
      const [sev, id, body] = x < 0.9 ? ((h) => [h[0], h[1], h[2](r)] as const)(hot(r)) : pick(r, bodies);
      const platform = id.startsWith('430') || r() < 0.15 ? 'FTD' : 'ASA';
      severity = sev;
      const prefix = current(time, pick(r, HOSTS), r);
      line = r() < 0.005
        ? `${prefix}%${platform}-${sev}-${id}: message repeated ${int(r, 2, 9)} times: [ ${body}]`
        : r() < 0.005
          ? `${bsd(time, false)} fw1 message repeated ${int(r, 2, 9)} times: [ %${platform}-${sev}-${id}: ${body}]`
          : `${prefix}%${platform}-${sev}-${id}: ${body}`;
    }
    chunk.push(line);
    if (chunk.length === 4096) {
      if (!out.write(chunk.join('\n') + '\n')) await new Promise<void>((res) => out.once('drain', () => res()));
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { lines: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  await generate({ lines: Number(values.lines ?? DEFAULT_LINES), seed: Number(values.seed ?? 7), out: values.out ?? DEFAULT_OUT });
}
