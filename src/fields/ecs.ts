// Canonical fields (src/fields/vocabulary.ts) → Elastic Common Schema. The vocabulary has already
// decided what each value is and checked its shape; this is only the naming ECS uses.
import { IANA } from './vocabulary.js';

export interface EcsFromFields {
  source?: Record<string, unknown>;
  destination?: Record<string, unknown>;
  user?: { name: string };
  group?: { name: string };
  network?: Record<string, unknown>;
  observer?: Record<string, unknown>;
  event?: Record<string, unknown>;
  rule?: { name: string };
  server?: { ip: string };
  related?: { ip: string[] };
}

const IANA_NUMBER: Record<string, string> = Object.fromEntries(Object.entries(IANA).map(([number, name]) => [name, number]));

function endpoint(c: Record<string, string>, side: 'src' | 'dst'): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (c[`${side}_ip`]) out.ip = c[`${side}_ip`];
  if (c[`${side}_port`]) out.port = Number(c[`${side}_port`]);
  const bytes = side === 'src' ? c.bytes_out : c.bytes_in;
  if (bytes) out.bytes = Number(bytes);
  const nat: Record<string, unknown> = {};
  if (c[`${side}_mapped_ip`]) nat.ip = c[`${side}_mapped_ip`];
  if (c[`${side}_mapped_port`]) nat.port = Number(c[`${side}_mapped_port`]);
  if (Object.keys(nat).length > 0) out.nat = nat;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function ecsFromCanonical(c: Record<string, string>): EcsFromFields {
  const out: EcsFromFields = {};
  const source = endpoint(c, 'src');
  const destination = endpoint(c, 'dst');
  if (source) out.source = source;
  if (destination) out.destination = destination;
  if (c.user) out.user = { name: c.user };
  if (c.group) out.group = { name: c.group };
  const network: Record<string, unknown> = {};
  if (c.protocol) {
    network.transport = c.protocol;
    if (IANA_NUMBER[c.protocol]) network.iana_number = IANA_NUMBER[c.protocol];
  }
  if (c.app_protocol) network.protocol = c.app_protocol;
  if (c.bytes) network.bytes = Number(c.bytes);
  if (Object.keys(network).length > 0) out.network = network;
  const ingress = c.src_interface ?? c.interface;
  if (ingress || c.dst_interface) {
    out.observer = {};
    if (ingress) out.observer.ingress = { interface: { name: ingress } };
    if (c.dst_interface) out.observer.egress = { interface: { name: c.dst_interface } };
  }
  const event: Record<string, unknown> = {};
  if (c.action) event.action = c.action;
  if (c.outcome) event.outcome = c.outcome;
  // ECS durations are nanoseconds
  if (c.duration) event.duration = Number(c.duration) * 1e9;
  if (c.reason) event.reason = c.reason;
  if (Object.keys(event).length > 0) out.event = event;
  if (c.acl) out.rule = { name: c.acl };
  if (c.server_ip) out.server = { ip: c.server_ip };
  // every address the message names, whatever its role, as ECS keeps them for "any IP" searches
  const related = [...new Set(Object.keys(c).filter((k) => k.endsWith('_ip')).map((k) => c[k]!))];
  if (related.length > 0) out.related = { ip: related };
  return out;
}
