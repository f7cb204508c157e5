import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { BIN, HAVE_CORPUS, NO_CORPUS, ROOT, corpusLogs, ended, runCli, tracked } from '../helpers.ts';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'sample.log');
const dir = mkdtempSync(join(tmpdir(), 'asalog-cli-'));
const line = (sev: number, id: string, text: string) => `<16${sev}>Nov 20 2026 10:01:0${sev} fw-1 : %ASA-${sev}-${id}: ${text}`;
const LOG = [
  line(4, '722001', 'IP 10.1.1.1 Error parsing SVC connect request.'),
  line(6, '716001', 'Group <RA> User <bob> IP <198.51.100.50> WebVPN session started.'),
  'not an ASA line at all',
  line(3, '717009', 'Certificate validation failed. No suitable trustpoint found to validate certificate serial number: 1, subject name: cn=a, issuer name: cn=b.'),
  line(4, '999001', 'an ID no catalog has'),
].join('\n') + '\n';

function records(stdout: Buffer): Record<string, unknown>[] {
  return stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('-o json: one record per input line, with the documented fields', async () => {
  const r = await runCli(['-o', 'json', '-'], { input: LOG });
  assert.equal(r.code, 0, r.stderr);
  const recs = records(r.stdout);
  assert.equal(recs.length, 5);
  assert.deepEqual(Object.keys(recs[0]!).slice(0, 12), ['file', 'line', 'timestamp', 'host', 'platform', 'severity', 'defaultSeverity', 'id', 'category', 'known', 'message', 'raw']);
  assert.equal(recs[0]!.id, '722001');
  assert.equal(recs[0]!.category, 'svc');
  assert.equal(recs[0]!.known, true);
  assert.equal(recs[0]!.host, 'fw-1');
  assert.equal(recs[0]!.timestamp, '2026-11-20T10:01:04.000Z');
  assert.equal(recs[2]!.id, null);
  assert.equal(recs[4]!.known, false);
  assert.deepEqual(recs.map((x) => x.line), [1, 2, 3, 4, 5]);
});

test('-o raw with no filter reproduces the input byte for byte (CRLF, invalid UTF-8, NUL, no final newline)', async () => {
  const input = Buffer.concat([Buffer.from(`${line(4, '722001', 'x')}\r\n`), Buffer.from([0xff, 0x00, 0xc3, 0x0a]), Buffer.from('last line without newline')]);
  const r = await runCli(['-o', 'raw'], { input });
  assert.equal(r.code, 0);
  assert.deepEqual(r.stdout, input);
});

test('raw is the default in a pipe; text output names severity, category and meaning', async () => {
  const piped = await runCli([], { input: LOG });
  assert.equal(piped.stdout.toString(), LOG);
  const text = await runCli(['-o', 'text', '--lang', 'en'], { input: LOG });
  const first = text.stdout.toString().split('\n')[0]!;
  assert.match(first, /^4 warnings\s+svc\s+722001\s/);
  assert.match(text.stdout.toString(), /999001 .*\(not in catalog\)/);
  assert.doesNotMatch(text.stdout.toString(), /\x1b\[/, 'NO_COLOR=1 means no colour codes');
});

test('text output neutralises terminal escapes in log text', async () => {
  const r = await runCli(['-o', 'text'], { input: `${line(4, '722001', 'evil \x1b]0;pwned\x07 \x1b[2J')}\n` });
  assert.doesNotMatch(r.stdout.toString(), /\x1b/);
  assert.match(r.stdout.toString(), /\\x1b\]0;pwned\\x07/);
});

test('--color always colours even in a pipe; NO_COLOR does not override it', async () => {
  const r = await runCli(['-o', 'text', '--color', 'always'], { input: LOG });
  assert.match(r.stdout.toString(), /\x1b\[/);
});

test('-o csv: RFC 4180 with a header and quoted fields', async () => {
  const r = await runCli(['-o', 'csv'], { input: `${line(6, '716001', 'Group <RA> User <"bob", x> started')}\n` });
  const [header, row] = r.stdout.toString().split('\r\n');
  assert.equal(header, 'file,line,timestamp,host,platform,severity,defaultSeverity,id,category,known,repeat,message,raw');
  assert.match(row!, /^\(stdin\),1,2026-11-20T10:01:06.000Z,fw-1,ASA,6,6,716001,webvpn,true,,"Group <RA> User <""bob"", x> started",/);
});

test('filters: severity, id ranges, category, unknown, unparsed, grep, invert', async () => {
  const ids = async (...args: string[]) => records((await runCli(['-o', 'json', ...args], { input: LOG })).stdout).map((x) => x.id);
  assert.deepEqual(await ids('-s', '<=3'), ['717009']);
  assert.deepEqual(await ids('-s', '=warn'), ['722001', '999001']);
  // a level alone is that level and worse, like journalctl -p
  assert.deepEqual(await ids('-s', 'warn'), ['722001', '717009', '999001']);
  assert.deepEqual(await ids('-s', 'err'), await ids('-s', '<=3'));
  assert.deepEqual(await ids('-i', '716000-716999,717009'), ['716001', '717009']);
  assert.deepEqual(await ids('-c', 'svc,ca'), ['722001', '717009']);
  assert.deepEqual(await ids('--unknown'), ['999001']);
  assert.deepEqual(await ids('--unparsed'), [null]);
  assert.deepEqual(await ids('-g', 'WebVPN'), ['716001']);
  assert.deepEqual(await ids('-s', '<=3', '-v'), ['722001', '716001', null, '999001']);
  assert.deepEqual(await ids('--host', 'FW-*'), ['722001', '716001', '717009', '999001']);
});

test('several files are read in order; -H prefixes raw lines with the file name; gzip by content', async () => {
  const a = join(dir, 'a.log');
  const b = join(dir, 'b.log.1');
  writeFileSync(a, `${line(4, '722001', 'a')}\n`);
  writeFileSync(b, gzipSync(`${line(6, '716001', 'b')}\n`));
  const r = await runCli(['-H', '-o', 'raw', a, b]);
  assert.equal(r.stdout.toString(), `${a}:${line(4, '722001', 'a')}\n${b}:${line(6, '716001', 'b')}\n`);
});

test('an unreadable file is reported in one line, the others are still read, exit 2', async () => {
  const good = join(dir, 'good.log');
  writeFileSync(good, `${line(4, '722001', 'ok')}\n`);
  const corrupt = join(dir, 'corrupt.gz');
  writeFileSync(corrupt, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]));
  const r = await runCli(['-o', 'raw', join(dir, 'missing.log'), dir, corrupt, good]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout.toString(), `${line(4, '722001', 'ok')}\n`);
  const errors = r.stderr.trim().split('\n');
  assert.equal(errors.length, 3, r.stderr);
  assert.match(errors[0]!, /^asalog: .*missing\.log: no such file or directory$/);
  assert.match(errors[1]!, /^asalog: .*: is a directory$/);
  assert.match(errors[2]!, /^asalog: .*corrupt\.gz: (truncated|corrupt) gzip data/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
});

test('permission denied is reported', async () => {
  const locked = join(dir, 'locked.log');
  writeFileSync(locked, 'x\n');
  chmodSync(locked, 0o000);
  chmodSync(dir, 0o755);
  // root reads anything: run the CLI as nobody then.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = await runCli([locked], asNobody);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /permission denied/);
});

test('bad option values are usage errors (exit 1) that name the accepted forms', async () => {
  const cases: [string[], RegExp][] = [
    [['--severity', 'loud', '-'], /severity.*loud/i],
    [['--since', 'yesterdayish', '-'], /yesterdayish/],
    [['-o', 'yaml', '-'], /yaml.*choices|Allowed choices/i],
    [['summary', '--top', '-3', '-'], /--top|-3/],
    [['--grep', '(', '-'], /grep/],
  ];
  for (const [args, pattern] of cases) {
    const r = await runCli(args, { input: LOG });
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^asalog: /);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
  }
});

test('| head: the reader going away ends quietly with exit 0', async () => {
  const big = `${line(4, '722001', 'x')}\n`.repeat(200_000);
  const file = join(dir, 'big.log');
  writeFileSync(file, big);
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = tracked(spawn('sh', ['-c', `"${process.execPath}" "${BIN}" -o json "${file}" | head -1 >/dev/null`], { env: { PATH: process.env.PATH, NO_COLOR: '1' } }));
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
    void ended(child, 60_000).catch(() => undefined);
  });
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
});

test('--follow reads appended lines, and follows the name across rotation and truncation', async () => {
  const file = join(dir, 'follow.log');
  writeFileSync(file, `${line(4, '722001', 'one')}\n`);
  const child = tracked(spawn(process.execPath, [BIN, '-f', '-o', 'raw', file], { env: { PATH: process.env.PATH, NO_COLOR: '1' } }));
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 100 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(out.includes(text), `expected ${text} in output; got ${out}; stderr ${err}`);
  };
  await waitFor('one');
  appendFileSync(file, `${line(4, '722001', 'two')}\n`);
  await waitFor('two');
  renameSync(file, `${file}.1`);
  writeFileSync(file, `${line(4, '722001', 'three')}\n`);
  await waitFor('three');
  writeFileSync(file, `${line(4, '722001', 'four')}\n`);
  await waitFor('four');
  child.kill('SIGINT');
  const { code } = await ended(child, 10_000);
  assert.equal(code, 130);
  assert.equal(out.split('\n').filter(Boolean).length, 4);
  assert.match(err, /replaced|truncated/);
});

test('the bundled sample: one JSON record per line', async () => {
  const r = await runCli(['-o', 'json', SAMPLE]);
  assert.equal(r.code, 0);
  assert.equal(records(r.stdout).length, readFileSync(SAMPLE, 'utf8').trimEnd().split('\n').length);
});

test('no files and stdin on a terminal: a usage hint instead of waiting (exit 1)', async (t) => {
  // `script` gives the child a real pseudo-terminal as stdin.
  const hasScript = await new Promise((r) => tracked(spawn('script', ['--version'])).on('error', () => r(false)).on('close', (c) => r(c === 0)));
  if (!hasScript) return t.skip('util-linux `script` not installed: cannot attach a terminal');
  const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = tracked(spawn('script', ['-qec', `"${process.execPath}" "${BIN}"`, '/dev/null'], { env: { PATH: process.env.PATH, NO_COLOR: '1', TERM: 'dumb' } }));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
    void ended(child, 10_000).catch(() => undefined);
  });
  assert.equal(r.code, 1);
  assert.match(r.out, /asalog: no input/);
});

test('corpus: -o json with no filter yields one record per input line for every file', async (t) => {
  if (!HAVE_CORPUS) return t.skip(NO_CORPUS);
  for (const file of corpusLogs()) {
    const bytes = readFileSync(file);
    const expected = bytes.length === 0 ? 0 : bytes.toString('latin1').split('\n').length - (bytes[bytes.length - 1] === 10 ? 1 : 0);
    const r = await runCli(['-o', 'json', file]);
    assert.equal(r.code, 0, r.stderr);
    const recs = records(r.stdout);
    assert.equal(recs.length, expected, file);
    assert.deepEqual(recs.map((x) => x.line), Array.from({ length: expected }, (_, i) => i + 1));
  }
});
