// summary --sections: bounded counting, and figures equal to what plain regexes count on the corpus.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { LogRecord } from '../../src/classify/record.ts';
import type { SummaryReport } from '../../src/render/summary-report.ts';
import { Happened } from '../../src/summary/happened.ts';
import { TopCounter } from '../../src/summary/top-counter.ts';
import { HAVE_CORPUS, NO_CORPUS, ROOT, corpusLogs, runCli } from '../helpers.ts';

test('TopCounter: exact under its capacity; past it the heavy hitters stay, each count within the error it reports', () => {
  const exact = new TopCounter(4);
  for (const k of ['a', 'b', 'a', 'c', 'a', 'b']) exact.add(k);
  assert.deepEqual(exact.ranked(), [['a', 3], ['b', 2], ['c', 1]]);
  assert.equal(exact.maxError, 0);
  // 3 heavy keys among 50,000 distinct light ones, in a table of 64
  const c = new TopCounter(64);
  const truth = new Map<string, number>();
  const add = (k: string, n = 1) => { c.add(k, n); truth.set(k, (truth.get(k) ?? 0) + n); };
  for (let i = 0; i < 50_000; i++) {
    add(`light-${i}`);
    if (i % 10 === 0) add('heavy-1');
    if (i % 20 === 0) add('heavy-2', 3);
    if (i % 50 === 0) add('heavy-3');
  }
  assert.ok(c.size <= 64, `${c.size} keys kept`);
  const top = c.ranked().slice(0, 3).map(([k]) => k);
  assert.deepEqual(top.sort(), ['heavy-1', 'heavy-2', 'heavy-3']);
  for (const [k, est] of c.ranked()) {
    const real = truth.get(k)!;
    assert.ok(est <= real && real - est <= c.maxError, `${k}: ${est} vs ${real}, error bound ${c.maxError}`);
  }
});

const rec = (id: string, canonical: Record<string, string>, extra: Partial<LogRecord> = {}): LogRecord => ({
  file: 'f', line: 1, timestamp: '2026-11-20T10:00:00.000Z', host: 'fw', platform: 'ASA', severity: 4, defaultSeverity: 4, id, category: 'access-lists',
  known: true, message: '', raw: '', canonical, ...extra,
});

test('a million distinct sources keep every table bounded and say the counts are estimates', () => {
  const h = new Happened(10);
  for (let i = 0; i < 1_000_000; i++) h.add(rec('106023', { action: 'denied', src_ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, dst_port: '22', protocol: 'tcp' }));
  for (let i = 0; i < 5000; i++) h.add(rec('106023', { action: 'denied', src_ip: '203.0.113.9', dst_port: '22', protocol: 'tcp' }));
  const denied = h.sections().find((s) => s.key === 'denied')!;
  const sources = denied.tables.find((t) => t.title === 'Top sources')!;
  assert.equal(sources.rows[0]![0], '203.0.113.9');
  assert.ok(sources.total <= 4096, `${sources.total} keys kept`);
  assert.ok((sources.maxError ?? 0) > 0, 'marked as an estimate');
  assert.ok(5000 - Number(sources.rows[0]![1]) <= sources.maxError!);
  assert.deepEqual(denied.tables.find((t) => t.title === 'Top destination ports')!.rows, [['22/tcp', 1_005_000]]);
});

test('VPN sessions pair start and end per user; the peak counts open sessions', () => {
  const h = new Happened(10);
  const at = (t: string) => ({ timestamp: `2026-11-20T${t}.000Z`, category: 'vpn' });
  h.add(rec('113039', { user: 'alice', group: 'RA', src_ip: '198.51.100.1' }, at('10:00:00')));
  h.add(rec('113039', { user: 'bob', group: 'RA', src_ip: '198.51.100.2' }, at('10:01:00')));
  h.add(rec('113019', { user: 'alice', duration: '120', bytes_in: '10', bytes_out: '20' }, at('10:02:00')));
  h.add(rec('113039', { user: 'alice', group: 'RA', src_ip: '198.51.100.1' }, at('10:03:00')));
  const vpn = h.sections().find((s) => s.key === 'vpn')!;
  assert.match(vpn.summary, /3 started .*1 ended .*at most 2 open at once \(2026-11-20T10:01:00.000Z\)/);
  assert.match(vpn.summary, /2 started without an end in the log/);
  h.add(rec('113019', { user: 'carol', duration: '5' }, at('10:04:00')));
  assert.match(h.sections().find((s) => s.key === 'vpn')!.summary, /1 ended without a start in the log, 2 started without an end/);
  assert.deepEqual(vpn.tables.find((t) => t.title === 'Sessions per user')!.rows, [['alice', 2], ['bob', 1]]);
  assert.deepEqual(vpn.tables.find((t) => t.title.startsWith('Connected time'))!.rows, [['alice', 120]]);
  assert.deepEqual(vpn.tables.find((t) => t.title === 'Longest sessions (ended)')!.rows, [['alice', 120]]);
});

type Table = { title: string; rows: (string | number)[][] };
async function sections(args: string[]): Promise<Map<string, Table[]>> {
  const r = await runCli(['summary', '--sections', '--top', '1000', '-o', 'json', ...args]);
  assert.equal(r.code, 0, r.stderr.toString());
  const report = JSON.parse(r.stdout.toString()) as SummaryReport;
  return new Map((report.happened ?? []).map((s) => [s.key, s.tables]));
}
const asCounts = (rows: (string | number)[][]) => new Map(rows.map(([k, n]) => [String(k), Number(n)]));
function regexCounts(lines: string[], re: RegExp, key: (g: Record<string, string>) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    const g = re.exec(l)?.groups;
    if (g) out.set(key(g), (out.get(key(g)) ?? 0) + 1);
  }
  return out;
}

test('corpus: section figures equal what plain regexes count', { skip: HAVE_CORPUS ? false : NO_CORPUS }, async (t) => {
  const files = corpusLogs();
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n'));
  // 106023 denies by source: the address after `src <interface>:` (an interface may carry a `v1:` prefix; IPv6 too)
  const denied = await sections(['-i', '106023', ...files]);
  const bySource = regexCounts(lines, /%(?:ASA|FTD)(?:-[a-z]+)?-\d-106023: Deny (?:protocol \d+|\S+) src (?:[A-Za-z][\w.-]*:)+(?<src>[0-9a-fA-F.:]+?)(?:\/|\s|\()/, (g) => g.src!);
  assert.deepEqual(asCounts(denied.get('denied')!.find((x) => x.title === 'Top sources')!.rows), bySource);
  // 611101/611102 logins by user
  const auth = await sections(['-i', '611101,611102', ...files]);
  const ok = regexCounts(lines, /%(?:ASA|FTD)(?:-[a-z]+)?-\d-611101: User authentication succeeded: IP address: \S+ Uname: (?<u>\S+)/, (g) => g.u!);
  const fail = regexCounts(lines, /%(?:ASA|FTD)(?:-[a-z]+)?-\d-611102: User authentication failed: IP address: \S+ Uname: (?<u>\S+)/, (g) => g.u!);
  assert.deepEqual(asCounts(auth.get('auth')!.find((x) => x.title === 'Successes per user')?.rows ?? []), ok);
  assert.deepEqual(asCounts(auth.get('auth')!.find((x) => x.title === 'Failures per user')?.rows ?? []), fail);
  // 113039 AnyConnect sessions by user
  const vpn = await sections(['-i', '113039', ...files]);
  const starts = regexCounts(lines, /%(?:ASA|FTD)(?:-[a-z]+)?-\d-113039: Group (?:<[^>]*>|\S+) User (?:<(?<a>[^>]*)>|(?<b>\S+)) IP/, (g) => (g.a ?? g.b)!);
  assert.deepEqual(asCounts(vpn.get('vpn')?.find((x) => x.title === 'Sessions per user')?.rows ?? []), starts);
  // addresses given to VPN users (722051 AnyConnect, 751025 IKEv2), whichever message says it
  const given = await sections(['-i', '722051,751025', ...files]);
  const assigned = regexCounts(lines, /-(?:722051|751025): .*?User(?:name)?[ :]<?(?<u>[^\s>]+)>? .*?IPv4 Address[ =]<?(?<a>[0-9.]+)/, (g) => `${g.u} · ${g.a}`);
  assert.deepEqual(asCounts(given.get('vpn')?.find((x) => x.title === 'Assigned addresses')?.rows ?? []), assigned);
  // AnyConnect tunnels up and down by transport
  const tunnels = await sections(['-i', '722022,722023', ...files]);
  const byTransport = regexCounts(lines, /-72202[23]: .* (?<p>TCP|UDP) SVC connection (?<s>established|terminated)/, (g) => `${g.p!.toLowerCase()} ${g.s}`);
  assert.deepEqual(asCounts(tunnels.get('vpn')?.find((x) => x.title.startsWith('Tunnels'))?.rows ?? []), byTransport);
  t.diagnostic(`106023 sources ${bySource.size}, 611101/611102 users ${ok.size}/${fail.size}, 113039 users ${starts.size}, assigned ${assigned.size}, tunnel kinds ${byTransport.size}`);
  assert.ok(bySource.size > 5 && starts.size > 0 && assigned.size > 3 && byTransport.size > 1);
});

test('the sample: every section, in table, markdown and JSON', async () => {
  const sample = `${ROOT}/test/fixtures/sample.log`;
  const table = (await runCli(['summary', '--sections', sample])).stdout.toString();
  for (const title of ['Denied traffic', 'Connections', 'VPN sessions', 'Authentication', 'Administration', 'High availability and health']) assert.match(table, new RegExp(`── ${title} ──`));
  const md = (await runCli(['summary', '--sections', '-o', 'markdown', sample])).stdout.toString();
  assert.match(md, /^## Denied traffic$/m);
  assert.match(md, /^### Top sources$/m);
  const csv = (await runCli(['summary', '--sections', '-o', 'csv', '--top', '2', sample])).stdout.toString().split('\r\n');
  assert.equal(csv[0], 'section,table,rank,key,value');
  assert.ok(csv.includes('denied,Top sources,1,203.0.113.200,4'), csv.slice(0, 4).join(' | '));
  const plain = (await runCli(['summary', sample])).stdout.toString();
  assert.doesNotMatch(plain, /Denied traffic/, 'sections only when asked');
});

test('summary --by <canonical field>: messages per value, in table, CSV and JSON; a wrong name gets the closest', async (t) => {
  const sample = `${ROOT}/test/fixtures/sample.log`;
  const csv = await runCli(['summary', '--by', 'dst_port', '-o', 'csv', '-w', 'action=denied', sample]);
  assert.equal(csv.code, 0, csv.stderr.toString());
  const rows = csv.stdout.toString().trim().split('\r\n');
  assert.equal(rows[0], 'dst_port,count');
  const json = JSON.parse((await runCli(['summary', '--by', 'dst_port', '-o', 'json', '-w', 'action=denied', sample])).stdout.toString()) as SummaryReport;
  assert.deepEqual(rows.slice(1), json.byField!.rows.map(([v, n]) => `${v},${n}`));
  const table = (await runCli(['summary', '--by', 'user', sample])).stdout.toString();
  assert.match(table, /Messages by user/);
  assert.match(table, /messages of known IDs have no user/);
  const wrong = await runCli(['summary', '--by', 'srcip', sample]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr.toString(), /did you mean src_ip\?/);
  if (!HAVE_CORPUS) return t.skip(NO_CORPUS);
  // on the corpus: 106023 denies by destination port, against a regex
  const files = corpusLogs();
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n'));
  const byPort = regexCounts(lines, /%(?:ASA|FTD)(?:-[a-z]+)?-\d-106023: Deny (?:protocol \d+|\S+) src \S+ dst \S+?\/(?<p>\d+)/, (g) => g.p!);
  const r = JSON.parse((await runCli(['summary', '--by', 'dst_port', '--top', '1000', '-o', 'json', '-i', '106023', ...files])).stdout.toString()) as SummaryReport;
  assert.deepEqual(new Map(r.byField!.rows), byPort);
});

test('TopCounter.merge past its capacity: every estimate within the bound it reports, the heavy keys kept', () => {
  let seed = 17;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const truth = new Map<string, number>();
  const pieces = Array.from({ length: 6 }, () => {
    const c = new TopCounter(64);
    for (let i = 0; i < 5000; i++) {
      const key = i % 7 === 0 ? `heavy-${i % 3}` : `light-${rand(100_000)}`;
      c.add(key);
      truth.set(key, (truth.get(key) ?? 0) + 1);
    }
    return c.state();
  });
  const merged = new TopCounter(64);
  for (const p of pieces) merged.merge(p);
  assert.ok(merged.maxError > 0 && merged.size <= 64);
  for (const [k, est] of merged.ranked()) assert.ok(est <= truth.get(k)! && truth.get(k)! - est <= merged.maxError, `${k}: ${est} vs ${truth.get(k)}, bound ${merged.maxError}`);
  assert.deepEqual(merged.ranked().slice(0, 3).map(([k]) => k).sort(), ['heavy-0', 'heavy-1', 'heavy-2']);
});

test('TopCounter.merge: pieces merged in any order hold what one counter of everything holds', () => {
  let seed = 3;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const keys = Array.from({ length: 3000 }, () => `k${rand(900)}`);
  const whole = new TopCounter();
  for (const k of keys) whole.add(k, 1 + (k.length % 3));
  const pieces = [0, 700, 1900, 3000].slice(1).map((end, i, ends) => {
    const c = new TopCounter();
    for (const k of keys.slice(i === 0 ? 0 : ends[i - 1], end)) c.add(k, 1 + (k.length % 3));
    return c.state();
  });
  for (const order of [[0, 1, 2], [2, 0, 1]]) {
    const merged = new TopCounter();
    for (const i of order) merged.merge(pieces[i]!);
    assert.deepEqual(merged.ranked(), whole.ranked());
    assert.equal(merged.total, whole.total);
    assert.equal(merged.maxError, 0);
  }
});
