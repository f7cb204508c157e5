import type { LogRecord } from './record.js';
import { severityName } from './severity.js';

const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];
const SYSLOG_NAMES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'];

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f]*:[0-9a-f:.]*$/i;
const SOURCE_IP = /^(?:src|source|real_source|remote|peer|client|public|outside)_?(?:ip|ip_address|address|addr|ipaddr)?(?:_\d)?$|^srcip$|^src_ip$/;
const DEST_IP = /^(?:dst|dest|destination|real_dest|real_destination)_?(?:ip|ip_address|address|addr|ipaddr)?(?:_\d)?$|^dstip$|^dst_ip$/;
const USER = /^(?:user|user_name|username|idfw_user|user_id)$/;
const PORT = /^\d{1,5}$/;
// ECS's allowed event.category values, for the logging classes that clearly are one.
const ECS_CATEGORY: Record<string, string[]> = {
  'access-lists': ['network'], session: ['network'], nat: ['network'], 'ftd-events': ['network'],
  auth: ['authentication'], vpn: ['network'], svc: ['network'], webvpn: ['network'], ikev2: ['network'],
  'threat-detection': ['intrusion_detection'], ids: ['intrusion_detection'], ips: ['intrusion_detection'],
  config: ['configuration'], ca: ['authentication'],
};

function isIp(value: string): boolean {
  return IPV4.test(value) || (IPV6.test(value) && value.includes(':') && value.length >= 2);
}

/** The first field whose name matches and whose value has the expected shape. */
function pick(fields: Record<string, string>, name: RegExp, valid: (v: string) => boolean): string | undefined {
  for (const [k, v] of Object.entries(fields)) if (name.test(k) && valid(v)) return v;
  return undefined;
}

/** One record as an Elastic Common Schema document (NDJSON line), for Filebeat/Logstash/Vector/bulk. */
export function toEcs(r: LogRecord): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  if (r.timestamp) doc['@timestamp'] = r.timestamp;
  doc.message = r.message ?? r.raw;
  const event: Record<string, unknown> = { original: r.raw, kind: 'event', dataset: r.platform === 'FTD' ? 'cisco_ftd.log' : 'cisco_asa.log' };
  if (r.id) event.code = r.id;
  if (r.severity !== null) event.severity = r.severity;
  const ecsCategory = r.category ? ECS_CATEGORY[r.category] : undefined;
  if (ecsCategory) event.category = ecsCategory;
  doc.event = event;
  const log: Record<string, unknown> = {};
  if (r.severity !== null) log.level = severityName(r.severity);
  if (r.pri) {
    log.syslog = {
      priority: r.pri.facility * 8 + r.pri.severity,
      facility: { code: r.pri.facility, name: FACILITIES[r.pri.facility] ?? String(r.pri.facility) },
      severity: { code: r.pri.severity, name: SYSLOG_NAMES[r.pri.severity] ?? String(r.pri.severity) },
    };
  }
  if (r.file) log.file = { path: r.file };
  doc.log = log;
  const product = r.platform === 'FTD' ? 'ftd' : 'asa';
  doc.observer = { vendor: 'Cisco', product, type: 'firewall' };
  if (r.host) doc.host = { hostname: r.host };
  const fields = r.fields ?? {};
  if (r.id) doc.cisco = { [product]: { message_id: r.id, logging_class: r.category, ...fields } };
  const src = pick(fields, SOURCE_IP, isIp);
  const dst = pick(fields, DEST_IP, isIp);
  if (src) doc.source = { ip: src, ...portOf(fields, 'source') };
  if (dst) doc.destination = { ip: dst, ...portOf(fields, 'dest') };
  const user = pick(fields, USER, (v) => v.length > 0 && v !== '*****');
  if (user) doc.user = { name: user };
  return doc;
}

function portOf(fields: Record<string, string>, side: 'source' | 'dest'): { port?: number } {
  const names = side === 'source' ? ['src_port', 'source_port', 'srcport'] : ['dst_port', 'dest_port', 'destination_port', 'dstport'];
  for (const n of names) {
    const v = fields[n];
    if (v && PORT.test(v)) return { port: Number(v) };
  }
  return {};
}

export function renderEcs(r: LogRecord): string {
  return `${JSON.stringify(toEcs(r))}\n`;
}
