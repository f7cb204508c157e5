// `node --import tsx bench/floor.ts FILE`: the least work a sections summary has to do per line, as a
// yardstick for the "--sections within 3× of rg -c" target. One thread; no classification, no
// timestamps, no bounded tables, no catalog: a header regex, then one grok-style regex for each
// of the three families that make most of the bench log (connection build/teardown, ACL denies by
// 106023 and 106100), and exact counts in Maps. Everything asalog does beyond this is extra; if
// this alone is further than 3× from rg -c even on two ideal cores, the target is below the floor
// of a JavaScript line loop. Prints one JSON object.
import { closeSync, openSync, readSync } from 'node:fs';

const HEAD = /%(?:ASA|FTD)-(?<severity>\d)-(?<id>\d{6}): /;
const CONNECTION = /^(?<verb>Built|Teardown) (?:(?:inbound|outbound) )?(?<proto>\w+) connection \d+ for [^:\s]+:(?<src>[^/\s]+)\/\d+(?: \([^)]*\))? to (?<dstIf>[^:\s]+):(?<dst>[^/\s]+)\/(?<port>\d+)(?: \([^)]*\))?(?: duration \S+ bytes (?<bytes>\d+))?(?: (?<reason>.*))?/;
const DENY = /^Deny (?<proto>\w+) src (?<srcIf>[^:\s]+):(?<src>[^/\s]+)\/\d+ dst [^:\s]+:(?<dst>[^/\s]+)\/(?<port>\d+).*? by access-group "(?<acl>[^"]+)"/;
const ACL = /^access-list (?<acl>\S+) (?<verb>denied|permitted) (?<proto>\w+) (?<srcIf>[^/\s]+)\/(?<src>[^(\s]+)\(\d+\) -> [^/\s]+\/(?<dst>[^(\s]+)\((?<port>\d+)\)/;

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

function countLine(line: string): boolean {
  const head = HEAD.exec(line);
  if (head === null) return false;
  const id = head.groups!.id!;
  add(tables.ids, id);
  const message = line.slice(head.index + head[0].length);
  if (id.startsWith('30201')) {
    const g = CONNECTION.exec(message)?.groups;
    if (!g) return false;
    add(tables.protocols, g.proto);
    add(tables.verbs, g.verb);
    if (g.verb === 'Teardown') {
      add(tables.talkers, g.src, Number(g.bytes ?? 0));
      add(tables.reasons, g.reason ?? '');
    }
    return true;
  }
  const g = id === '106023' ? DENY.exec(message)?.groups : id === '106100' ? ACL.exec(message)?.groups : undefined;
  if (!g) return false;
  if (g.verb !== 'permitted') deny(g);
  return true;
}

const file = process.argv[2];
if (!file) throw new Error('usage: node --import tsx bench/floor.ts FILE');
const fd = openSync(file, 'r');
const chunk = Buffer.alloc(1 << 20);
let carry = '';
let lines = 0;
let read = 0;
const t0 = performance.now();
for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
  // latin1: one byte, one character, no UTF-8 validation (cheaper than asalog may be)
  const text = carry + chunk.toString('latin1', 0, n);
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    lines++;
    if (countLine(text.slice(start, end))) read++;
    start = end + 1;
  }
  carry = text.slice(start);
}
if (carry) {
  lines++;
  if (countLine(carry)) read++;
}
closeSync(fd);
const ms = performance.now() - t0;
console.log(JSON.stringify({ lines, read, ms: Math.round(ms), usPerLine: Number(((ms * 1000) / lines).toFixed(2)), distinctDeniedSources: tables.deniedSources.size }));
