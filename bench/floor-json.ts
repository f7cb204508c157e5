// `node --import tsx bench/floor-json.ts FILE [--fields] [--out PATH]`: a small part of `-o json`'s work,
// written the plain way, as a yardstick for its "≥ 100 MB/s" target (bench/floor-tight/json.mjs writes
// the same bytes faster). One thread writes asalog's record (the same keys)
// for every line: the header read with one sticky regex, the category fixed, no catalog, no
// timestamp parsing; with --fields, also `fields` and `canonical` for the three families that make
// most of the bench log, read with one grok-style regex each (no other ID gets any). Records are
// plain objects serialised by JSON.stringify, written in 64 KB batches to PATH (/dev/null: cheaper than
// the pipe asalog writes to, which favours the floor). Prints its own timing as one JSON object.
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { forEachLineChunk } from './line-chunks.mjs';

const TAG = /%(?<platform>ASA|FTD)-(?<severity>\d)-(?<id>\d{6}): /y;
const CONNECTION = /(?<verb>Built|Teardown) (?:(?<direction>inbound|outbound) )?(?<protocol>\w+) connection (?<connection_id>\d+) for (?<src_interface>[^:\s]+):(?<src_ip>[^/\s]+)\/(?<src_port>\d+)(?: \([^)]*\))? to (?<dst_interface>[^:\s]+):(?<dst_ip>[^/\s]+)\/(?<dst_port>\d+)(?: \([^)]*\))?(?: duration (?<duration>\S+) bytes (?<bytes>\d+))?(?: (?<reason>.*))?/y;
const DENY = /Deny (?<protocol>\w+) src (?<src_interface>[^:\s]+):(?<src_ip>[^/\s]+)\/(?<src_port>\d+) dst (?<dst_interface>[^:\s]+):(?<dst_ip>[^/\s]+)\/(?<dst_port>\d+).*? by access-group "(?<acl>[^"]+)"/y;
const ACL = /access-list (?<acl>\S+) (?<verb>denied|permitted) (?<protocol>\w+) (?<src_interface>[^/\s]+)\/(?<src_ip>[^(\s]+)\((?<src_port>\d+)\) -> (?<dst_interface>[^/\s]+)\/(?<dst_ip>[^(\s]+)\((?<dst_port>\d+)\)/y;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { fields: { type: 'boolean' }, out: { type: 'string' } } });
const file = positionals[0];
const withFields = values.fields === true;
// a file, not stdout: a loader may have made stdout non-blocking, and a full pipe would fail the write
const outPath = values.out ?? '/dev/null';
if (!file) throw new Error('usage: node --import tsx bench/floor-json.ts FILE [--fields] [--out PATH]');

function familyOf(id: string): RegExp | null {
  if (id.startsWith('30201')) return CONNECTION;
  return id === '106023' ? DENY : id === '106100' ? ACL : null;
}

function record(line: string, n: number): object {
  const percent = line.indexOf('%');
  TAG.lastIndex = Math.max(percent, 0);
  const tag = percent < 0 ? null : TAG.exec(line);
  if (tag === null) return { file, line: n, timestamp: null, host: null, platform: null, severity: null, defaultSeverity: null, id: null, category: null, known: false, message: null, raw: line };
  const h = tag.groups!;
  const before = line.slice(0, Math.max(percent - 2, 0));
  const space = before.lastIndexOf(' ');
  const at = percent + tag[0].length;
  const r: Record<string, unknown> = {
    file, line: n, timestamp: before.slice(0, Math.max(space, 0)), host: before.slice(space + 1), platform: h.platform, severity: Number(h.severity),
    defaultSeverity: Number(h.severity), id: h.id, category: 'session', known: true, message: line.slice(at), raw: line,
  };
  const family = withFields ? familyOf(h.id!) : null;
  if (family === null) return r;
  family.lastIndex = at;
  const g = family.exec(line)?.groups;
  if (g) {
    // written out here, not in helpers: on Node 20, building these two objects in functions of their
    // own made the whole loop 3x slower (13-18 against 5-6 us/line; the cause was not pursued)
    const fields: Record<string, string> = {};
    for (const k in g) if (g[k] !== undefined) fields[k] = g[k]!;
    r.fields = fields;
    r.canonical = {
      action: (g.verb ?? 'denied').toLowerCase(), protocol: g.protocol!.toLowerCase(), src_interface: g.src_interface, src_ip: g.src_ip, src_port: g.src_port,
      dst_interface: g.dst_interface, dst_ip: g.dst_ip, dst_port: g.dst_port, acl: g.acl, bytes: g.bytes, duration: g.duration, reason: g.reason, connection_id: g.connection_id,
    };
    r.variant = 0;
  }
  return r;
}

const out = openSync(outPath, 'w');
let lines = 0;
let pending = '';
const t0 = performance.now();
forEachLineChunk(file, Buffer.alloc(1 << 20), (chunk, cut) => {
  for (let start = 0; start < cut;) {
    let end = chunk.indexOf(10, start);
    if (end < 0 || end >= cut) end = cut;
    // each line decoded on its own, as asalog does: one odd byte does not make every line two-byte
    pending += JSON.stringify(record(chunk.toString('utf8', start, end), ++lines)) + '\n';
    if (pending.length >= 65536) {
      writeSync(out, Buffer.from(pending));
      pending = '';
    }
    start = end + 1;
  }
});
writeSync(out, Buffer.from(pending));
closeSync(out);
const ms = performance.now() - t0;
console.log(JSON.stringify({ lines, ms: Math.round(ms), usPerLine: Number(((ms * 1000) / lines).toFixed(2)) }));
