import { ecsFromCanonical } from '../fields/ecs.js';
import type { LogRecord } from '../classify/record.js';
import { FACILITY_NAMES } from '../parse/priority.js';
import { severityName, SYSLOG_SEVERITY_NAMES } from '../parse/severity.js';


// ECS's allowed event.category values, for the logging classes that clearly are one.
const ECS_CATEGORY: Record<string, string[]> = {
  'access-lists': ['network'], session: ['network'], nat: ['network'], 'ftd-events': ['network'],
  auth: ['authentication'], vpn: ['network'], svc: ['network'], webvpn: ['network'], ikev2: ['network'],
  'threat-detection': ['intrusion_detection'], ids: ['intrusion_detection'], ips: ['intrusion_detection'],
  config: ['configuration'], ca: ['authentication'],
};

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
      facility: { code: r.pri.facility, name: FACILITY_NAMES[r.pri.facility] ?? String(r.pri.facility) },
      severity: { code: r.pri.severity, name: SYSLOG_SEVERITY_NAMES[r.pri.severity] ?? String(r.pri.severity) },
    };
  }
  if (r.file) log.file = { path: r.file };
  doc.log = log;
  const product = r.platform === 'FTD' ? 'ftd' : 'asa';
  doc.observer = { vendor: 'Cisco', product, type: 'firewall' };
  if (r.host) doc.host = { hostname: r.host };
  const fields = r.fields ?? {};
  if (r.id) doc.cisco = { [product]: ciscoFields(r.id, r.category, fields) };
  const { event: more, observer, ...mapped } = ecsFromCanonical(r.canonical ?? {});
  if (more) Object.assign(event, more);
  if (observer) Object.assign(doc.observer as Record<string, unknown>, observer);
  Object.assign(doc, mapped);
  return doc;
}

/** asalog's two keys, then the extracted fields (none may overwrite those two). */
function ciscoFields(id: string, category: string | null, fields: Record<string, string>): Record<string, string | null> {
  const out: Record<string, string | null> = { message_id: id, logging_class: category };
  for (const k in fields) if (k !== 'message_id' && k !== 'logging_class') out[k] = fields[k]!;
  return out;
}

export function renderEcs(r: LogRecord): string {
  return `${JSON.stringify(toEcs(r))}\n`;
}
