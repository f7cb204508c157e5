// bench/floor.ts's three regexes as hand scanners (same matches), counting without a string per hit: ids in an Int32Array, IPv4 addresses and
// proto/port pairs as numbers in open-addressing typed tables, the few-valued fields in SmallTables
// compared in place. Non-canonical values fall back to string Maps, so the counts are the same.
import { NumTable, SmallTable, ipString } from './count-tables.mjs';
const WS = 1, DIG = 2, WORD = 4;
const CLS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  if ((c >= 9 && c <= 13) || c === 32 || c === 160) CLS[c] |= WS;
  if (c >= 48 && c <= 57) CLS[c] |= DIG | WORD;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) CLS[c] |= WORD;
}

export function makeTables() {
  return {
    ids: new Int32Array(1000000), protocols: new SmallTable(), verbs: [0, 0], talkers: new NumTable(+(process.env.BITS ?? 16)), talkersS: new Map(), reasons: new SmallTable(),
    deniedSources: new NumTable(+(process.env.BITS ?? 16)), deniedSourcesS: new Map(), deniedDestinations: new NumTable(+(process.env.BITS ?? 16)), deniedDestinationsS: new Map(),
    deniedPorts: new NumTable(), deniedPortsS: new Map(), portProtos: new SmallTable(), acls: new SmallTable(), interfaces: new SmallTable(),
  };
}
function addS(t, key, n) { const v = t.get(key); t.set(key, v === undefined ? n : v + n); }

/** Back to the Map<string, number> tables floor.ts ends with. */
export function toMaps(T) {
  const ids = new Map();
  for (let i = 0; i < T.ids.length; i++) if (T.ids[i] !== 0) ids.set(String(i).padStart(6, '0'), T.ids[i]);
  const ipMap = (nt, sm) => { const m = new Map(sm); nt.forEach((k, v) => m.set(ipString(k), v)); return m; };
  const verbs = new Map();
  if (T.verbs[0]) verbs.set('Built', T.verbs[0]);
  if (T.verbs[1]) verbs.set('Teardown', T.verbs[1]);
  const ports = new Map(T.deniedPortsS);
  T.deniedPorts.forEach((k, v) => ports.set(`${T.portProtos.strs[Math.floor(k / 100000)]}/${k % 100000}`, v));
  return {
    ids, protocols: T.protocols.toMap(), verbs, talkers: ipMap(T.talkers, T.talkersS), reasons: T.reasons.toMap(),
    deniedSources: ipMap(T.deniedSources, T.deniedSourcesS), deniedDestinations: ipMap(T.deniedDestinations, T.deniedDestinationsS),
    deniedPorts: ports, acls: T.acls.toMap(), interfaces: T.interfaces.toMap(),
  };
}

function runNot(s, i, stop) {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === stop || (CLS[c] & WS) !== 0 || c !== c) return i;
    i++;
  }
}
// runNot that also reads a canonical dotted quad into `ip` (-1 if the run is not one)
let ip = -1;
function runIp(s, i, stop) {
  let v = 0, oct = 0, digits = 0, dots = 0, ok = true;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === stop || (CLS[c] & WS) !== 0 || c !== c) break;
    if (c >= 48 && c <= 57) {
      if (digits === 1 && oct === 0) ok = false; // leading zero
      oct = oct * 10 + (c - 48); digits++;
    } else if (c === 46) {
      if (digits === 0 || oct > 255) ok = false;
      v = v * 256 + oct; oct = 0; digits = 0; dots++;
    } else ok = false;
    i++;
  }
  ip = ok && dots === 3 && digits > 0 && oct <= 255 ? v * 256 + oct : -1;
  return i;
}
function runCls(s, i, cls) {
  for (;;) {
    const c = s.charCodeAt(i);
    if ((CLS[c] & cls) === 0) return i;
    i++;
  }
}
function runNonWs(s, i) {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== c || (CLS[c] & WS) !== 0) return i;
    i++;
  }
}
// canonical decimal port (no leading zero, <= 5 digits) as a number, else -1
function portNum(s, a, b) {
  if (b - a > 5 || (b - a > 1 && s.charCodeAt(a) === 48)) return -1;
  let v = 0;
  for (let i = a; i < b; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

function connRest(s, i, lineEnd, dotEnd, verb, T) {
  const p0 = i;
  i = runCls(s, i, WORD);
  if (i === p0) return false;
  const protoEnd = i;
  if (!s.startsWith(' connection ', i)) return false;
  i += 12;
  let j = runCls(s, i, DIG);
  if (j === i) return false;
  if (!s.startsWith(' for ', j)) return false;
  i = j + 5;
  j = runNot(s, i, 58);
  if (j === i || s.charCodeAt(j) !== 58) return false;
  const srcStart = j + 1;
  i = verb === 0 ? runNot(s, srcStart, 47) : runIp(s, srcStart, 47);
  if (i === srcStart || s.charCodeAt(i) !== 47) return false;
  const srcEnd = i, srcIp = ip;
  j = runCls(s, i + 1, DIG);
  if (j === i + 1) return false;
  i = j;
  if (s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === 40) {
    const close = s.indexOf(')', i + 2);
    if (close >= 0 && close < lineEnd && s.startsWith(' to ', close + 1)) i = close + 1;
  }
  if (!s.startsWith(' to ', i)) return false;
  i += 4;
  j = runNot(s, i, 58);
  if (j === i || s.charCodeAt(j) !== 58) return false;
  i = j + 1;
  j = runNot(s, i, 47);
  if (j === i || s.charCodeAt(j) !== 47) return false;
  i = j + 1;
  j = runCls(s, i, DIG);
  if (j === i) return false;
  i = j;
  T.protocols.add(s, p0, protoEnd, 1);
  if (verb === 0) { T.verbs[0]++; return true; }
  T.verbs[1]++;
  if (s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === 40) {
    const close = s.indexOf(')', i + 2);
    if (close >= 0 && close < lineEnd) i = close + 1;
  }
  let bytes = 0;
  if (s.startsWith(' duration ', i)) {
    const a = i + 10;
    const b = runNonWs(s, a);
    if (b > a && s.startsWith(' bytes ', b)) {
      let c = b + 7, v = 0;
      for (;;) { const ch = s.charCodeAt(c); if (!(ch >= 48 && ch <= 57)) break; v = v * 10 + (ch - 48); c++; }
      if (c > b + 7) { bytes = c - (b + 7) > 15 ? Number(s.slice(b + 7, c)) : v; i = c; }
    }
  }
  if (srcIp >= 0) T.talkers.add(srcIp, bytes); else addS(T.talkersS, s.slice(srcStart, srcEnd), bytes);
  if (s.charCodeAt(i) === 32 && i < dotEnd) T.reasons.add(s, i + 1, dotEnd, 1); else T.reasons.add(s, 0, 0, 1);
  return true;
}

function conn(s, at, lineEnd, dotEnd, T) {
  let verb, i;
  if (s.startsWith('Built ', at)) { verb = 0; i = at + 6; }
  else if (s.startsWith('Teardown ', at)) { verb = 1; i = at + 9; }
  else return false;
  if (s.startsWith('inbound ', i)) { if (connRest(s, i + 8, lineEnd, dotEnd, verb, T)) return true; }
  else if (s.startsWith('outbound ', i)) { if (connRest(s, i + 9, lineEnd, dotEnd, verb, T)) return true; }
  return connRest(s, i, lineEnd, dotEnd, verb, T);
}

function denied(s, T, p0, protoEnd, srcStart, srcEnd, srcIp, dstStart, dstEnd, dstIp, portStart, portEnd, aclStart, aclEnd, ifStart, ifEnd) {
  if (srcIp >= 0) T.deniedSources.add(srcIp, 1); else addS(T.deniedSourcesS, s.slice(srcStart, srcEnd), 1);
  if (dstIp >= 0) T.deniedDestinations.add(dstIp, 1); else addS(T.deniedDestinationsS, s.slice(dstStart, dstEnd), 1);
  const pi = T.portProtos.add(s, p0, protoEnd, 0), port = portNum(s, portStart, portEnd);
  if (pi >= 0 && port >= 0) T.deniedPorts.add(pi * 100000 + port, 1);
  else addS(T.deniedPortsS, s.slice(p0, protoEnd) + '/' + s.slice(portStart, portEnd), 1);
  T.acls.add(s, aclStart, aclEnd, 1);
  T.interfaces.add(s, ifStart, ifEnd, 1);
}

function deny(s, at, lineEnd, dotEnd, T) {
  if (!s.startsWith('Deny ', at)) return false;
  const p0 = at + 5;
  let i = runCls(s, p0, WORD);
  if (i === p0 || !s.startsWith(' src ', i)) return false;
  const protoEnd = i;
  const ifStart = i + 5;
  i = runNot(s, ifStart, 58);
  if (i === ifStart || s.charCodeAt(i) !== 58) return false;
  const ifEnd = i;
  const srcStart = i + 1;
  i = runIp(s, srcStart, 47);
  if (i === srcStart || s.charCodeAt(i) !== 47) return false;
  const srcEnd = i, srcIp = ip;
  let j = runCls(s, i + 1, DIG);
  if (j === i + 1 || !s.startsWith(' dst ', j)) return false;
  i = j + 5;
  j = runNot(s, i, 58);
  if (j === i || s.charCodeAt(j) !== 58) return false;
  const dstStart = j + 1;
  i = runIp(s, dstStart, 47);
  if (i === dstStart || s.charCodeAt(i) !== 47) return false;
  const dstEnd = i, dstIp = ip;
  const portStart = i + 1;
  const portEnd = runCls(s, portStart, DIG);
  if (portEnd === portStart) return false;
  let k = portEnd, aclStart, aclEnd;
  for (;;) {
    k = s.indexOf(' by access-group "', k);
    if (k < 0 || k + 18 > dotEnd) return false;
    aclStart = k + 18;
    const q = s.indexOf('"', aclStart);
    if (q > aclStart && q < lineEnd) { aclEnd = q; break; }
    k++;
  }
  denied(s, T, p0, protoEnd, srcStart, srcEnd, srcIp, dstStart, dstEnd, dstIp, portStart, portEnd, aclStart, aclEnd, ifStart, ifEnd);
  return true;
}

function acl(s, at, T) {
  if (!s.startsWith('access-list ', at)) return false;
  const aclStart = at + 12;
  let i = runNonWs(s, aclStart);
  if (i === aclStart || s.charCodeAt(i) !== 32) return false;
  const aclEnd = i;
  i++;
  let isDenied;
  if (s.startsWith('denied ', i)) { isDenied = true; i += 7; }
  else if (s.startsWith('permitted ', i)) { isDenied = false; i += 10; }
  else return false;
  const p0 = i;
  i = runCls(s, i, WORD);
  if (i === p0 || s.charCodeAt(i) !== 32) return false;
  const protoEnd = i;
  const ifStart = i + 1;
  i = runNot(s, ifStart, 47);
  if (i === ifStart || s.charCodeAt(i) !== 47) return false;
  const ifEnd = i;
  const srcStart = i + 1;
  i = runIp(s, srcStart, 40);
  if (i === srcStart || s.charCodeAt(i) !== 40) return false;
  const srcEnd = i, srcIp = ip;
  let j = runCls(s, i + 1, DIG);
  if (j === i + 1 || !s.startsWith(') -> ', j)) return false;
  i = j + 5;
  j = runNot(s, i, 47);
  if (j === i || s.charCodeAt(j) !== 47) return false;
  const dstStart = j + 1;
  i = runIp(s, dstStart, 40);
  if (i === dstStart || s.charCodeAt(i) !== 40) return false;
  const dstEnd = i, dstIp = ip;
  const portStart = i + 1;
  const portEnd = runCls(s, portStart, DIG);
  if (portEnd === portStart || s.charCodeAt(portEnd) !== 41) return false;
  if (isDenied) denied(s, T, p0, protoEnd, srcStart, srcEnd, srcIp, dstStart, dstEnd, dstIp, portStart, portEnd, aclStart, aclEnd, ifStart, ifEnd);
  return true;
}

const d = (s, i) => s.charCodeAt(i) - 48;

export function scanChunk(s, T) {
  const len = s.length;
  const hasCR = s.indexOf('\r') >= 0;
  const ids = T.ids;
  let lines = 0, read = 0, start = 0;
  let pct = s.indexOf('%');
  while (start < len) {
    let end = s.indexOf('\n', start);
    if (end < 0) end = len;
    lines++;
    if (pct >= 0 && pct < start) pct = s.indexOf('%', start);
    if (pct >= 0 && pct < end) {
      const p = pct;
      const c1 = s.charCodeAt(p + 1);
      const a = d(s, p + 7), b = d(s, p + 8), c = d(s, p + 9), e = d(s, p + 10), f = d(s, p + 11), g = d(s, p + 12);
      if (((c1 === 65 && s.charCodeAt(p + 2) === 83 && s.charCodeAt(p + 3) === 65) || (c1 === 70 && s.charCodeAt(p + 2) === 84 && s.charCodeAt(p + 3) === 68))
        && s.charCodeAt(p + 4) === 45 && (CLS[s.charCodeAt(p + 5)] & DIG) !== 0 && s.charCodeAt(p + 6) === 45
        && a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 && e >= 0 && e <= 9 && f >= 0 && f <= 9 && g >= 0 && g <= 9
        && s.charCodeAt(p + 13) === 58 && s.charCodeAt(p + 14) === 32) {
        ids[a * 100000 + b * 10000 + c * 1000 + e * 100 + f * 10 + g]++;
        const at = p + 15;
        let dotEnd = end;
        if (hasCR) { const r = s.indexOf('\r', at); if (r >= 0 && r < end) dotEnd = r; }
        let ok = false;
        if (a === 3 && b === 0 && c === 2 && e === 0 && f === 1) ok = conn(s, at, end, dotEnd, T);
        else if (a === 1 && b === 0 && c === 6) {
          if (e === 0 && f === 2 && g === 3) ok = deny(s, at, end, dotEnd, T);
          else if (e === 1 && f === 0 && g === 0) ok = acl(s, at, T);
        }
        if (ok) read++;
      }
    }
    start = end + 1;
  }
  return [lines, read];
}
