// `node --import tsx bench/floor.ts FILE`: a small part of a sections summary's work, written the plain
// way, as a yardstick for the "--sections within 3× of rg -c" target (bench/floor-tight/ computes the
// same tables faster). One thread; no classification, no
// timestamps, no bounded tables, no catalog: a header regex, then one grok-style regex for each
// of the three families that make most of the bench log (connection build/teardown, ACL denies by
// 106023 and 106100), and exact counts in Maps. Everything asalog does beyond this is extra.
// Prints one JSON object.
import { forEachLineChunk } from './line-chunks.mjs';

// sticky: each runs where the previous left off, never scanning ahead for a later start
const TAG = /%(?:ASA|FTD)-\d-(?<id>\d{6}): /y;
const CONNECTION = /(?<verb>Built|Teardown) (?:(?:inbound|outbound) )?(?<proto>\w+) connection \d+ for [^:\s]+:(?<src>[^/\s]+)\/\d+(?: \([^)]*\))? to (?<dstIf>[^:\s]+):(?<dst>[^/\s]+)\/(?<port>\d+)(?: \([^)]*\))?(?: duration \S+ bytes (?<bytes>\d+))?(?: (?<reason>.*))?/y;
const DENY = /Deny (?<proto>\w+) src (?<srcIf>[^:\s]+):(?<src>[^/\s]+)\/\d+ dst [^:\s]+:(?<dst>[^/\s]+)\/(?<port>\d+).*? by access-group "(?<acl>[^"]+)"/y;
const ACL = /access-list (?<acl>\S+) (?<verb>denied|permitted) (?<proto>\w+) (?<srcIf>[^/\s]+)\/(?<src>[^(\s]+)\(\d+\) -> [^/\s]+\/(?<dst>[^(\s]+)\((?<port>\d+)\)/y;

type Table = Map<string, number>;
const add = (t: Table, key: string | undefined, n = 1): void => {
  if (key !== undefined) t.set(key, (t.get(key) ?? 0) + n);
};

const tables = {
  ids: new Map() as Table, protocols: new Map() as Table, verbs: new Map() as Table, talkers: new Map() as Table, reasons: new Map() as Table,
  deniedSources: new Map() as Table, deniedDestinations: new Map() as Table, deniedPorts: new Map() as Table, acls: new Map() as Table, interfaces: new Map() as Table,
};

function deny(g: Record<string, string | undefined>): void {
  add(tables.deniedSources, g.src);
  add(tables.deniedDestinations, g.dst);
  add(tables.deniedPorts, `${g.proto}/${g.port}`);
  add(tables.acls, g.acl);
  add(tables.interfaces, g.srcIf);
}

/** The named groups of a sticky regex run from `at`, or undefined. */
function groupsAt(re: RegExp, line: string, at: number): Record<string, string | undefined> | undefined {
  re.lastIndex = at;
  return re.exec(line)?.groups;
}

function countLine(line: string): boolean {
  const percent = line.indexOf('%');
  if (percent < 0) return false;
  TAG.lastIndex = percent;
  const head = TAG.exec(line);
  if (head === null) return false;
  const id = head.groups!.id!;
  add(tables.ids, id);
  const at = percent + head[0].length;
  if (id.startsWith('30201')) {
    const g = groupsAt(CONNECTION, line, at);
    if (!g) return false;
    add(tables.protocols, g.proto);
    add(tables.verbs, g.verb);
    if (g.verb === 'Teardown') {
      add(tables.talkers, g.src, Number(g.bytes ?? 0));
      add(tables.reasons, g.reason ?? '');
    }
    return true;
  }
  const g = id === '106023' ? groupsAt(DENY, line, at) : id === '106100' ? groupsAt(ACL, line, at) : undefined;
  if (!g) return false;
  if (g.verb !== 'permitted') deny(g);
  return true;
}

const file = process.argv[2];
if (!file) throw new Error('usage: node --import tsx bench/floor.ts FILE');
let lines = 0;
let read = 0;
const t0 = performance.now();
// whole lines are decoded straight from the read buffer (latin1: one byte, one character, no UTF-8
// validation, cheaper than asalog may be)
forEachLineChunk(file, Buffer.alloc(1 << 20), (chunk, cut) => {
  const text = chunk.toString('latin1', 0, cut);
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines++;
    if (countLine(text.slice(start, end))) read++;
    start = end + 1;
  }
});
const ms = performance.now() - t0;
console.log(JSON.stringify({ lines, read, ms: Math.round(ms), usPerLine: Number(((ms * 1000) / lines).toFixed(2)), distinctDeniedSources: tables.deniedSources.size }));
