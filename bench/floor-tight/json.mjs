// node bench/floor-tight/json.mjs FILE [--fields] [--out PATH]: floor-json.ts's output, byte for byte, without
// per-record objects or JSON.stringify on the common path: each 64 KB read decoded once as latin1
// for a hand scanner of the header and the three families, and each record written as bytes into
// one buffer (`clean`). Lines holding a control or non-ASCII character take floor-json.ts's own path
// (objects + JSON.stringify); lines holding `"` or `\` get a backslash before those bytes as they are
// copied. THREADS=2: a worker renders the second half of the file and posts it back in 1 MB parts.
import { closeSync, openSync, readSync, writeSync, statSync } from 'node:fs';
import { forEachLineChunk } from '../line-chunks.mjs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isAscii } from 'node:buffer';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { fields: { type: 'boolean' }, out: { type: 'string' } } });
const file = positionals[0];
const withFields = values.fields === true;
const outPath = values.out ?? '/dev/null';
const CHUNK = Number(process.env.CHUNK ?? 65536);
const FLUSH = Number(process.env.FLUSH ?? 1 << 20);

// ---- the original path, for the rare lines -------------------------------------------------
const TAG = /%(?<platform>ASA|FTD)-(?<severity>\d)-(?<id>\d{6}): /y;
const CONNECTION = /(?<verb>Built|Teardown) (?:(?<direction>inbound|outbound) )?(?<protocol>\w+) connection (?<connection_id>\d+) for (?<src_interface>[^:\s]+):(?<src_ip>[^/\s]+)\/(?<src_port>\d+)(?: \([^)]*\))? to (?<dst_interface>[^:\s]+):(?<dst_ip>[^/\s]+)\/(?<dst_port>\d+)(?: \([^)]*\))?(?: duration (?<duration>\S+) bytes (?<bytes>\d+))?(?: (?<reason>.*))?/y;
const DENY = /Deny (?<protocol>\w+) src (?<src_interface>[^:\s]+):(?<src_ip>[^/\s]+)\/(?<src_port>\d+) dst (?<dst_interface>[^:\s]+):(?<dst_ip>[^/\s]+)\/(?<dst_port>\d+).*? by access-group "(?<acl>[^"]+)"/y;
const ACL = /access-list (?<acl>\S+) (?<verb>denied|permitted) (?<protocol>\w+) (?<src_interface>[^/\s]+)\/(?<src_ip>[^(\s]+)\((?<src_port>\d+)\) -> (?<dst_interface>[^/\s]+)\/(?<dst_ip>[^(\s]+)\((?<dst_port>\d+)\)/y;
function familyOf(id) {
  if (id.startsWith('30201')) return CONNECTION;
  return id === '106023' ? DENY : id === '106100' ? ACL : null;
}
function record(line, n) {
  const percent = line.indexOf('%');
  TAG.lastIndex = Math.max(percent, 0);
  const tag = percent < 0 ? null : TAG.exec(line);
  if (tag === null) return { file, line: n, timestamp: null, host: null, platform: null, severity: null, defaultSeverity: null, id: null, category: null, known: false, message: null, raw: line };
  const h = tag.groups;
  const before = line.slice(0, Math.max(percent - 2, 0));
  const space = before.lastIndexOf(' ');
  const at = percent + tag[0].length;
  const r = {
    file, line: n, timestamp: before.slice(0, Math.max(space, 0)), host: before.slice(space + 1), platform: h.platform, severity: Number(h.severity),
    defaultSeverity: Number(h.severity), id: h.id, category: 'session', known: true, message: line.slice(at), raw: line,
  };
  const family = withFields ? familyOf(h.id) : null;
  if (family === null) return r;
  family.lastIndex = at;
  const g = family.exec(line)?.groups;
  if (g) {
    const fields = {};
    for (const k in g) if (g[k] !== undefined) fields[k] = g[k];
    r.fields = fields;
    r.canonical = {
      action: (g.verb ?? 'denied').toLowerCase(), protocol: g.protocol.toLowerCase(), src_interface: g.src_interface, src_ip: g.src_ip, src_port: g.src_port,
      dst_interface: g.dst_interface, dst_ip: g.dst_ip, dst_port: g.dst_port, acl: g.acl, bytes: g.bytes, duration: g.duration, reason: g.reason, connection_id: g.connection_id,
    };
    r.variant = 0;
  }
  return r;
}

// ---- the hand scanner (ASCII lines only) ---------------------------------------------------
const WS = 1, DIG = 2, WORD = 4;
const CLS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  if ((c >= 9 && c <= 13) || c === 32) CLS[c] |= WS;
  if (c >= 48 && c <= 57) CLS[c] |= DIG | WORD;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) CLS[c] |= WORD;
}
function runNot(s, i, stop) { for (;;) { const c = s.charCodeAt(i); if (c === stop || (CLS[c] & WS) !== 0 || c !== c) return i; i++; } }
function runCls(s, i, cls) { for (;;) { const c = s.charCodeAt(i); if ((CLS[c] & cls) === 0) return i; i++; } }
function runNonWs(s, i) { for (;;) { const c = s.charCodeAt(i); if (c !== c || (CLS[c] & WS) !== 0) return i; i++; } }

// group bounds: G[2k], G[2k+1]; -1 when the group did not take part
const G = new Int32Array(32);
// CONNECTION groups: 0 verb 1 direction 2 protocol 3 connection_id 4 src_interface 5 src_ip 6 src_port 7 dst_interface 8 dst_ip 9 dst_port 10 duration 11 bytes 12 reason
function connRest(s, i, end) {
  const p0 = i; i = runCls(s, i, WORD); if (i === p0) return false;
  G[4] = p0; G[5] = i;
  if (!s.startsWith(' connection ', i)) return false;
  i += 12; let j = runCls(s, i, DIG); if (j === i) return false;
  G[6] = i; G[7] = j;
  if (!s.startsWith(' for ', j)) return false;
  i = j + 5; j = runNot(s, i, 58); if (j === i || s.charCodeAt(j) !== 58) return false;
  G[8] = i; G[9] = j;
  i = j + 1; j = runNot(s, i, 47); if (j === i || s.charCodeAt(j) !== 47) return false;
  G[10] = i; G[11] = j;
  i = j + 1; j = runCls(s, i, DIG); if (j === i) return false;
  G[12] = i; G[13] = j;
  i = j;
  if (s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === 40) {
    const close = s.indexOf(')', i + 2);
    if (close >= 0 && close < end && s.startsWith(' to ', close + 1)) i = close + 1;
  }
  if (!s.startsWith(' to ', i)) return false;
  i += 4; j = runNot(s, i, 58); if (j === i || s.charCodeAt(j) !== 58) return false;
  G[14] = i; G[15] = j;
  i = j + 1; j = runNot(s, i, 47); if (j === i || s.charCodeAt(j) !== 47) return false;
  G[16] = i; G[17] = j;
  i = j + 1; j = runCls(s, i, DIG); if (j === i) return false;
  G[18] = i; G[19] = j;
  i = j;
  if (s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === 40) {
    const close = s.indexOf(')', i + 2);
    if (close >= 0 && close < end) i = close + 1;
  }
  G[20] = G[21] = G[22] = G[23] = G[24] = G[25] = -1;
  if (s.startsWith(' duration ', i)) {
    const a = i + 10, b = runNonWs(s, a);
    if (b > a && s.startsWith(' bytes ', b)) {
      const c = runCls(s, b + 7, DIG);
      if (c > b + 7) { G[20] = a; G[21] = b; G[22] = b + 7; G[23] = c; i = c; }
    }
  }
  // `.` stops at \r (ASCII lines: the only line terminator left inside a line)
  if (s.charCodeAt(i) === 32 && i < end) { let e = s.indexOf('\r', i + 1); if (e < 0 || e > end) e = end; G[24] = i + 1; G[25] = e; }
  return true;
}
function conn(s, at, end) {
  let i;
  if (s.startsWith('Built ', at)) i = at + 6; else if (s.startsWith('Teardown ', at)) i = at + 9; else return false;
  G[0] = at; G[1] = i - 1;
  if (s.startsWith('inbound ', i)) { G[2] = i; G[3] = i + 7; if (connRest(s, i + 8, end)) return true; }
  else if (s.startsWith('outbound ', i)) { G[2] = i; G[3] = i + 8; if (connRest(s, i + 9, end)) return true; }
  G[2] = G[3] = -1;
  return connRest(s, i, end);
}
// DENY groups: 0 protocol 1 src_interface 2 src_ip 3 src_port 4 dst_interface 5 dst_ip 6 dst_port 7 acl
function deny(s, at, end) {
  if (!s.startsWith('Deny ', at)) return false;
  let i = at + 5, j = runCls(s, i, WORD); if (j === i || !s.startsWith(' src ', j)) return false;
  G[0] = i; G[1] = j;
  i = j + 5; j = runNot(s, i, 58); if (j === i || s.charCodeAt(j) !== 58) return false;
  G[2] = i; G[3] = j;
  i = j + 1; j = runNot(s, i, 47); if (j === i || s.charCodeAt(j) !== 47) return false;
  G[4] = i; G[5] = j;
  i = j + 1; j = runCls(s, i, DIG); if (j === i || !s.startsWith(' dst ', j)) return false;
  G[6] = i; G[7] = j;
  i = j + 5; j = runNot(s, i, 58); if (j === i || s.charCodeAt(j) !== 58) return false;
  G[8] = i; G[9] = j;
  i = j + 1; j = runNot(s, i, 47); if (j === i || s.charCodeAt(j) !== 47) return false;
  G[10] = i; G[11] = j;
  i = j + 1; j = runCls(s, i, DIG); if (j === i) return false;
  G[12] = i; G[13] = j;
  let dotEnd = s.indexOf('\r', j); if (dotEnd < 0 || dotEnd > end) dotEnd = end;
  let k = j;
  for (;;) {
    k = s.indexOf(' by access-group "', k);
    if (k < 0 || k + 18 > dotEnd) return false;
    const q = s.indexOf('"', k + 18);
    if (q > k + 18 && q < end) { G[14] = k + 18; G[15] = q; return true; }
    k++;
  }
}
// ACL groups: 0 acl 1 verb 2 protocol 3 src_interface 4 src_ip 5 src_port 6 dst_interface 7 dst_ip 8 dst_port
function acl(s, at) {
  if (!s.startsWith('access-list ', at)) return false;
  let i = at + 12, j = runNonWs(s, i); if (j === i || s.charCodeAt(j) !== 32) return false;
  G[0] = i; G[1] = j;
  i = j + 1;
  if (s.startsWith('denied ', i)) { G[2] = i; G[3] = i + 6; i += 7; }
  else if (s.startsWith('permitted ', i)) { G[2] = i; G[3] = i + 9; i += 10; }
  else return false;
  j = runCls(s, i, WORD); if (j === i || s.charCodeAt(j) !== 32) return false;
  G[4] = i; G[5] = j;
  i = j + 1; j = runNot(s, i, 47); if (j === i || s.charCodeAt(j) !== 47) return false;
  G[6] = i; G[7] = j;
  i = j + 1; j = runNot(s, i, 40); if (j === i || s.charCodeAt(j) !== 40) return false;
  G[8] = i; G[9] = j;
  i = j + 1; j = runCls(s, i, DIG); if (j === i || !s.startsWith(') -> ', j)) return false;
  G[10] = i; G[11] = j;
  i = j + 5; j = runNot(s, i, 47); if (j === i || s.charCodeAt(j) !== 47) return false;
  G[12] = i; G[13] = j;
  i = j + 1; j = runNot(s, i, 40); if (j === i || s.charCodeAt(j) !== 40) return false;
  G[14] = i; G[15] = j;
  i = j + 1; j = runCls(s, i, DIG); if (j === i || s.charCodeAt(j) !== 41) return false;
  G[16] = i; G[17] = j;
  return true;
}

// a line holding `"` or `\`: its values are escaped as they are copied (see `cp`)
let quoted = false;

const PRE = '{"file":' + JSON.stringify(file) + ',"line":';
const NOTAG = ',"timestamp":null,"host":null,"platform":null,"severity":null,"defaultSeverity":null,"id":null,"category":null,"known":false,"message":null,"raw":';

if (!file) throw new Error('usage: node bench/floor-tight/json.mjs FILE [--fields] [--out PATH]');
// ---- byte writer: constants, the input chunk and the output share one ArrayBuffer, so that
// every copy is a copyWithin (a memmove, no view allocated, no string made)
const KS = [];
const K = (text) => { KS.push(text); return KS.length - 1; };
const kPre = K(PRE), kTs = K(',"timestamp":"'), kHost = K('","host":"'), kAsa = K('","platform":"ASA","severity":'), kFtd = K('","platform":"FTD","severity":'),
  kDef = K(',"defaultSeverity":'), kId = K(',"id":"'), kMsg = K('","category":"session","known":true,"message":"'), kRaw = K('","raw":"'),
  kEnd = K('"}\n'), kNoTag = K(NOTAG + '"'),
  // fields
  cVerb = K('","fields":{"verb":"'), cDir = K('","direction":"'), cProto = K('","protocol":"'), cConnId = K('","connection_id":"'), cSrcIf = K('","src_interface":"'),
  cSrcIp = K('","src_ip":"'), cSrcPort = K('","src_port":"'), cDstIf = K('","dst_interface":"'), cDstIp = K('","dst_ip":"'), cDstPort = K('","dst_port":"'),
  cDur = K('","duration":"'), cBytes = K('","bytes":"'), cReason = K('","reason":"'), cCanon = K('"},"canonical":{"action":"'), cAcl = K('","acl":"'),
  cVariant = K('"},"variant":0}\n'), dProto = K('","fields":{"protocol":"'), dCanonDenied = K('"},"canonical":{"action":"denied","protocol":"'),
  aAcl = K('","fields":{"acl":"'), aVerb = K('","verb":"');
const KOFF = new Int32Array(KS.length), KLEN = new Int32Array(KS.length);
let kTotal = 0;
for (let i = 0; i < KS.length; i++) { KOFF[i] = kTotal; KLEN[i] = Buffer.byteLength(KS[i]); kTotal += KLEN[i]; }
const IN = kTotal + 64 - (kTotal % 64);
const OUT = IN + CHUNK;
const big = Buffer.alloc(OUT + FLUSH + 16 * CHUNK + 65536);
for (let i = 0; i < KS.length; i++) big.write(KS[i], KOFF[i]);
const chunk = big.subarray(IN, IN + CHUNK);
let o = OUT; // write position in big
const w = (k) => { const l = KLEN[k]; if (l < 24) { for (let i = KOFF[k], e = i + l; i < e; i++) big[o++] = big[i]; } else { big.copyWithin(o, KOFF[k], KOFF[k] + l); o += l; } };
const cp = (a, b) => { const l = b - a; if (quoted) { for (let i = IN + a, e = IN + b; i < e; i++) { const c = big[i]; if (c === 34 || c === 92) big[o++] = 92; big[o++] = c; } } else if (l < 24) { for (let i = IN + a, e = IN + b; i < e; i++) big[o++] = big[i]; } else { big.copyWithin(o, IN + a, IN + b); o += l; } };
const gr = (k) => cp(G[2 * k], G[2 * k + 1]);
const lower = (k) => { for (let i = IN + G[2 * k], e = IN + G[2 * k + 1]; i < e; i++) { const c = big[i]; big[o++] = c >= 65 && c <= 90 ? c + 32 : c; } };
function num(n) {
  if (n < 10) { big[o++] = 48 + n; return; }
  let d = 1; while (d * 10 <= n) d *= 10;
  for (; d >= 1; d = (d / 10) | 0) { const q = (n / d) | 0; big[o++] = 48 + q; n -= q * d; if (d === 1) break; }
}
function connBytes() {
  w(cVerb); gr(0);
  if (G[2] >= 0) { w(cDir); gr(1); }
  w(cProto); gr(2); w(cConnId); gr(3); w(cSrcIf); gr(4); w(cSrcIp); gr(5); w(cSrcPort); gr(6); w(cDstIf); gr(7); w(cDstIp); gr(8); w(cDstPort); gr(9);
  if (G[20] >= 0) { w(cDur); gr(10); w(cBytes); gr(11); }
  if (G[24] >= 0) { w(cReason); gr(12); }
  w(cCanon); lower(0); w(cProto); lower(2); w(cSrcIf); gr(4); w(cSrcIp); gr(5); w(cSrcPort); gr(6); w(cDstIf); gr(7); w(cDstIp); gr(8); w(cDstPort); gr(9);
  if (G[20] >= 0) { w(cBytes); gr(11); w(cDur); gr(10); }
  if (G[24] >= 0) { w(cReason); gr(12); }
  w(cConnId); gr(3); w(cVariant);
}
function denyBytes() {
  w(dProto); gr(0); w(cSrcIf); gr(1); w(cSrcIp); gr(2); w(cSrcPort); gr(3); w(cDstIf); gr(4); w(cDstIp); gr(5); w(cDstPort); gr(6); w(cAcl); gr(7);
  w(dCanonDenied); lower(0); w(cSrcIf); gr(1); w(cSrcIp); gr(2); w(cSrcPort); gr(3); w(cDstIf); gr(4); w(cDstIp); gr(5); w(cDstPort); gr(6); w(cAcl); gr(7); w(cVariant);
}
function aclBytes() {
  w(aAcl); gr(0); w(aVerb); gr(1); w(cProto); gr(2); w(cSrcIf); gr(3); w(cSrcIp); gr(4); w(cSrcPort); gr(5); w(cDstIf); gr(6); w(cDstIp); gr(7); w(cDstPort); gr(8);
  w(cCanon); lower(1); w(cProto); lower(2); w(cSrcIf); gr(3); w(cSrcIp); gr(4); w(cSrcPort); gr(5); w(cDstIf); gr(6); w(cDstIp); gr(7); w(cDstPort); gr(8); w(cAcl); gr(0); w(cVariant);
}
/** The record of a clean line (ASCII, no control character, no `"` or `\`) straight into big. */
function clean(s, start, end, n) {
  w(kPre); num(n);
  let p = s.indexOf('%', start);
  if (p >= end) p = -1;
  const c1 = p < 0 ? 0 : s.charCodeAt(p + 1);
  const sev = s.charCodeAt(p + 5) - 48;
  if (p < 0 || !((c1 === 65 && s.charCodeAt(p + 2) === 83 && s.charCodeAt(p + 3) === 65) || (c1 === 70 && s.charCodeAt(p + 2) === 84 && s.charCodeAt(p + 3) === 68))
    || s.charCodeAt(p + 4) !== 45 || !(sev >= 0 && sev <= 9) || s.charCodeAt(p + 6) !== 45
    || (CLS[s.charCodeAt(p + 7)] & DIG) === 0 || (CLS[s.charCodeAt(p + 8)] & DIG) === 0 || (CLS[s.charCodeAt(p + 9)] & DIG) === 0
    || (CLS[s.charCodeAt(p + 10)] & DIG) === 0 || (CLS[s.charCodeAt(p + 11)] & DIG) === 0 || (CLS[s.charCodeAt(p + 12)] & DIG) === 0
    || s.charCodeAt(p + 13) !== 58 || s.charCodeAt(p + 14) !== 32 || p + 15 > end) {
    w(kNoTag); cp(start, end); w(kEnd); return;
  }
  const bEnd = Math.max(p - 2, start);
  const sp = s.lastIndexOf(' ', bEnd - 1);
  const space = sp >= start ? sp : -1;
  const at = p + 15;
  w(kTs); cp(start, space < 0 ? start : space); w(kHost); cp(space < 0 ? start : space + 1, bEnd);
  w(c1 === 65 ? kAsa : kFtd); big[o++] = 48 + sev; w(kDef); big[o++] = 48 + sev; w(kId); cp(p + 7, p + 13); w(kMsg); cp(at, end); w(kRaw); cp(start, end);
  if (withFields) {
    const a = s.charCodeAt(p + 7), b = s.charCodeAt(p + 8), c = s.charCodeAt(p + 9), e = s.charCodeAt(p + 10), f = s.charCodeAt(p + 11), g = s.charCodeAt(p + 12);
    if (a === 51 && b === 48 && c === 50 && e === 48 && f === 49) { if (conn(s, at, end)) { connBytes(); return; } }
    else if (a === 49 && b === 48 && c === 54) {
      if (e === 48 && f === 50 && g === 51) { if (deny(s, at, end)) { denyBytes(); return; } }
      else if (e === 49 && f === 48 && g === 48) { if (acl(s, at)) { aclBytes(); return; } }
    }
  }
  w(kEnd);
}


// ---- a byte range [from, to) of the file: the lines that start in it (line numbers from lineBase)
function run(from, to, lineBase, emit) {
  let lines = lineBase;
  forEachLineChunk(file, chunk, (_, cut) => { lines = scan(cut, lines, emit); }, from, to);
  if (o > OUT) { emit(); o = OUT; }
  return lines;
}
function scan(cut, lines, emit) {
  // latin1: one character per byte, so string offsets are byte offsets into chunk
  const s = chunk.latin1Slice(0, cut);
  const len = s.length;
  DIRTY8.lastIndex = 0;
  let nextDirty = DIRTY8.test(s) ? DIRTY8.lastIndex - 1 : len;
  for (let start = 0; start < len;) {
    let end = s.indexOf('\n', start);
    if (end < 0) end = len;
    lines++;
    if (nextDirty < start) { DIRTY8.lastIndex = start; nextDirty = DIRTY8.test(s) ? DIRTY8.lastIndex - 1 : len; }
    if (nextDirty >= end) clean(s, start, end, lines);
    else {
      let special = false;
      for (let i = IN + nextDirty, e = IN + end; i < e; i++) { const c = big[i]; if (c < 32 || c >= 128) { special = true; break; } }
      // each line decoded on its own as UTF-8, as floor-json.ts does
      if (special) o += big.utf8Write(JSON.stringify(record(chunk.utf8Slice(start, end), lines)) + '\n', o);
      else { quoted = true; clean(s, start, end, lines); quoted = false; }
    }
    if (o - OUT >= FLUSH) { emit(); o = OUT; }
    start = end + 1;
  }
  return lines;
}
const DIRTY8 = /["\\\x00-\x09\x0b-\x1f\x80-\xff]/g; // control, non-ASCII, `"` or `\`
const THREADS = Number(process.env.THREADS ?? 1);
if (isMainThread) {
  const t0 = performance.now();
  const out = openSync(outPath, 'w');
  const size = statSync(file).size;
  const mid = THREADS > 1 ? Math.floor(size / 2) : size;
  let worker, theirs;
  if (THREADS > 1) {
    worker = new Worker(new URL(import.meta.url), { workerData: { from: mid, to: size }, argv: process.argv.slice(2) });
    const parts = [];
    theirs = new Promise((res, rej) => { worker.on('message', (m) => { if (m.done) res({ parts, lines: m.lines }); else parts.push(m); }); worker.once('error', rej); });
  }
  let lines = run(0, mid, 0, () => writeSync(out, big, OUT, o - OUT));
  const msMine = performance.now() - t0;
  if (worker) {
    const r = await theirs;
    for (const part of r.parts) writeSync(out, part);
    lines += r.lines;
    await worker.terminate();
  }
  closeSync(out);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ lines, msMain: Math.round(msMine), ms: Math.round(ms), usPerLine: Number(((ms * 1000) / lines).toFixed(2)), MBps: Number((size / 1e6 / (ms / 1000)).toFixed(1)) }));
} else {
  const tw0 = performance.now();
  const { from, to } = workerData;
  // line numbers go on from the lines before our first: count them (a native scan)
  const fd = openSync(file, 'r');
  const tmp = Buffer.alloc(1 << 20);
  let base = 0, at = 0, first = -1;
  // our first line starts after the first \n at or after from-1
  for (; at < to && first < 0;) {
    const n = readSync(fd, tmp, 0, tmp.length, at);
    if (n === 0) break;
    for (let i = tmp.indexOf(10); i >= 0 && i < n; i = tmp.indexOf(10, i + 1)) {
      if (at + i >= from - 1) { first = at + i; break; }
      base++;
    }
    at += n;
  }
  closeSync(fd);
  const tCount = performance.now();
  const direct = process.env.WORKER_DIRECT ? openSync(outPath, 'w') : -1; // upper bound only: ignores the order of the output
  const lines = run(from, to, base + (first >= 0 ? 1 : 0), direct >= 0 ? () => writeSync(direct, big, OUT, o - OUT) : () => { const part = new Uint8Array(o - OUT); part.set(big.subarray(OUT, o)); parentPort.postMessage(part, [part.buffer]); });
  parentPort.postMessage({ done: true, lines: lines - base - (first >= 0 ? 1 : 0), ms: Math.round(performance.now() - tw0), msCount: Math.round(tCount - tw0) });
}
