import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { runCli, type RunResult } from '../helpers.ts';

// Fault and hostile-input cases from issue 8, through the CLI that ships. Fixtures are generated
// here, in a temporary directory, so nothing big is committed.
const dir = mkdtempSync(join(tmpdir(), 'asalog-robust-'));
chmodSync(dir, 0o755); // readable by `nobody` for the permission case
after(() => rmSync(dir, { recursive: true, force: true }));

const asa = (sev: number, id: string, text: string, host = 'fw-1') => `<16${sev}>Nov 20 2026 10:01:0${sev} ${host} : %ASA-${sev}-${id}: ${text}`;
const GOOD = `${asa(4, '722001', 'IP 10.1.1.1 Error parsing SVC connect request.')}\n`;
const file = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

interface Summary { files: string[]; lines: number; classified: number; unparsed: number; messages: number; hosts: { host: string }[] }
const summaryOf = (r: RunResult): Summary => JSON.parse(r.stdout.toString()) as Summary;
const records = (r: RunResult): Record<string, unknown>[] => r.stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** Lines as asalog counts them: split on LF, a last line without LF counts too. */
function lineCount(bytes: Buffer): number {
  let n = 0;
  for (const b of bytes) if (b === 10) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? n + 1 : n;
}

const random = (n: number, seed: number): Buffer => {
  // A fixed LCG: the same "random" bytes on every run, so a failure reproduces.
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
};

describe('awkward input: every line counted, nothing crashes', { concurrency: 4 }, () => {
  const cases: [string, Buffer][] = [
    ['empty file', Buffer.alloc(0)],
    ['no final newline', Buffer.from(`${GOOD}${asa(6, '716001', 'Group <RA> User <bob> IP <198.51.100.50> WebVPN session started.')}`)],
    ['CRLF line ends', Buffer.from(`${GOOD.replace('\n', '\r\n')}plain text\r\n\r\n`)],
    ['mixed valid and invalid UTF-8', Buffer.concat([Buffer.from(GOOD), Buffer.from('セッション ok\n'), Buffer.from([0xc3, 0x28, 0x0a, 0xed, 0xa0, 0x80, 0x0a, 0xff, 0xfe, 0x41, 0x0a]), Buffer.from(asa(3, '717009', 'caf\xe9', 'h\u00e9'), 'latin1')])],
    ['NUL bytes', Buffer.concat([Buffer.from(asa(4, '722001', 'a')), Buffer.from([0, 0, 0x0a, 0]), Buffer.from(`\0${GOOD}`)])],
    ['random bytes', random(200_000, 8)],
    ['gzip of random bytes (decompressed: binary)', gzipSync(random(100_000, 9))],
    ['an ELF executable', readFileSync(process.execPath).subarray(0, 2_000_000)],
  ];
  const paths = cases.map(([name, bytes]) => file(`${name.replace(/\W+/g, '-')}.log`, bytes));
  const decompressed = (bytes: Buffer, name: string): Buffer => (name.startsWith('gzip') ? gunzipSync(bytes) : bytes);

  for (const [i, [name, bytes]] of cases.entries()) {
    test(`${name}: -o json, -o raw, summary -o json`, async () => {
      const plain = decompressed(bytes, name);
      const expected = lineCount(plain);
      const views = [['-o', 'json'], ['-o', 'raw'], ['summary', '-o', 'json']];
      const results = await Promise.all(views.map((args) => runCli([...args, paths[i]!])));
      for (const [v, r] of results.entries()) {
        assert.equal(r.code, 0, `${views[v]!.join(' ')}: ${r.stderr}`);
        assert.equal(r.stderr, '', views[v]!.join(' '));
      }
      const [json, raw, sum] = results;
      const recs = records(json!);
      assert.equal(recs.length, expected, 'one JSON record per line');
      assert.deepEqual(recs.map((r) => r.line), Array.from({ length: expected }, (_, n) => n + 1));
      assert.deepEqual(raw!.stdout, plain, '-o raw reproduces the (decompressed) input');
      const s = summaryOf(sum!);
      assert.equal(s.lines, expected);
      assert.equal(s.classified + s.unparsed, s.lines);
    });
  }

  test('all of them at once in -o text, -o csv and the summary table: exit 0, no control bytes on a terminal view', async () => {
    const views = [['-o', 'text'], ['-o', 'csv'], ['summary']];
    const results = await Promise.all(views.map((args) => runCli([...args, ...paths])));
    for (const [v, r] of results.entries()) {
      assert.equal(r.code, 0, `${views[v]!.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, '', views[v]!.join(' '));
    }
    const total = cases.reduce((n, [name, bytes]) => n + lineCount(decompressed(bytes, name)), 0);
    assert.equal(results[0]!.stdout.toString().split('\n').length - 1, total, 'one text line per input line');
    assert.match(results[2]!.stdout.toString(), new RegExp(`^ {2}lines +${total}$`, 'm'));
    for (const r of [results[0]!, results[2]!]) assert.doesNotMatch(r.stdout.toString('latin1'), /[\x00-\x08\x0b-\x1f\x7f]/);
  });

  test('CRLF: the CR is not part of the parsed fields; JSON raw drops it, rawBase64 is absent', async () => {
    const r = await runCli(['-o', 'json', '-'], { input: GOOD.replace('\n', '\r\n') });
    const [rec] = records(r);
    assert.equal(rec!.id, '722001');
    assert.equal(rec!.message, 'IP 10.1.1.1 Error parsing SVC connect request.');
    assert.equal(rec!.raw, GOOD.trimEnd());
    assert.equal(rec!.rawBase64, undefined);
  });
});

describe('a 50 MB line with no newline', () => {
  // Memory is measured in the child itself: a module preloaded through NODE_OPTIONS writes its
  // peak RSS on exit. Reading the whole line would need ≥ 2 × 50 MB (the chunks and their join).
  const rssModule = file('report-rss.mjs', "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  const big = join(dir, 'one-line.log');
  const SIZE = 50 * 1024 * 1024;
  writeFileSync(big, Buffer.alloc(SIZE, 'A'));
  const LIMIT_KB = 200 * 1024;

  const measured = async (args: string[], name: string) => {
    const rssFile = join(dir, `rss-${name}`);
    const r = await runCli(args, { env: { NODE_OPTIONS: `--max-old-space-size=128 --import ${rssModule}`, RSS_FILE: rssFile } });
    return { r, rssKb: Number(readFileSync(rssFile, 'utf8')) };
  };

  for (const output of ['raw', 'json', 'text', 'csv']) {
    test(`-o ${output}: kept to --max-line (1 MiB), one warning, bounded memory`, async () => {
      const { r, rssKb } = await measured(['-o', output, big], output);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^asalog: .*one-line\.log:1: line longer than 1048576 bytes; 51380224 bytes past the limit were not read \(see --max-line\)\n$/);
      assert.ok(rssKb < LIMIT_KB, `peak RSS ${rssKb} KB`);
      if (output === 'raw') assert.equal(r.stdout.length, 1 << 20);
      if (output === 'json') assert.equal(records(r).length, 1);
    });
  }

  test('summary: the line is counted as one unparsed line', async () => {
    const { r, rssKb } = await measured(['summary', '-o', 'json', big], 'summary');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /line longer than 1048576 bytes/);
    assert.ok(rssKb < LIMIT_KB, `peak RSS ${rssKb} KB`);
    const s = summaryOf(r);
    assert.deepEqual([s.lines, s.classified, s.unparsed], [1, 0, 1]);
  });
});

describe('unreadable inputs: one line each on stderr, exit 2, the other files still read', () => {
  const good = file('good.log', GOOD);
  const gz = gzipSync(GOOD.repeat(5000));
  const truncated = file('truncated.log.gz', gz.subarray(0, gz.length - 20));
  // A wrong CRC-32 in the trailer: every line inflates, then zlib rejects the data.
  const badCrc = Buffer.from(gz);
  badCrc.writeUInt32LE(0, badCrc.length - 8);
  const corrupt = file('corrupt.log.gz', badCrc);
  const missing = join(dir, 'missing.log');
  const subdir = join(dir, 'a-directory.log');
  mkdirSync(subdir);
  const inputs = [missing, subdir, corrupt, truncated, good];

  const assertErrors = (stderr: string) => {
    const errors = stderr.trim().split('\n');
    assert.equal(errors.length, 4, stderr);
    assert.equal(errors[0], `asalog: ${missing}: no such file or directory`);
    assert.equal(errors[1], `asalog: ${subdir}: is a directory`);
    assert.equal(errors[2], `asalog: ${corrupt}: corrupt gzip data (incorrect data check)`);
    assert.equal(errors[3], `asalog: ${truncated}: truncated gzip data (unexpected end of file)`);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  };

  test('stream view: the good file and the readable part of the truncated gzip are printed', async () => {
    const r = await runCli(['-o', 'json', ...inputs]);
    assert.equal(r.code, 2);
    assertErrors(r.stderr);
    const recs = records(r);
    assert.equal(recs.at(-1)!.file, good);
    const fromTruncated = recs.filter((x) => x.file === truncated);
    assert.ok(fromTruncated.length > 0 && fromTruncated.length <= 5000, `${fromTruncated.length} lines before the cut`);
  });

  test('summary: prints the summary of what could be read', async () => {
    const r = await runCli(['summary', '-o', 'json', ...inputs]);
    assert.equal(r.code, 2);
    assertErrors(r.stderr);
    const s = summaryOf(r);
    assert.ok(s.files.includes(good));
    assert.ok(s.lines > 1);
    assert.equal(s.classified + s.unparsed, s.lines);
  });

  test('permission denied, for stream and summary', async () => {
    const locked = file('locked.log', GOOD);
    chmodSync(locked, 0o000);
    // root reads anything: run as nobody then.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const args of [['-o', 'raw'], ['summary', '-o', 'json']]) {
      const r = await runCli([...args, locked, good], asNobody);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, `asalog: ${locked}: permission denied\n`);
      if (args[0] === 'summary') assert.equal(summaryOf(r).lines, 1);
      else assert.equal(r.stdout.toString(), GOOD);
    }
  });
});

describe('catalog files: a clear one-line error naming the file, exit 2', { concurrency: true }, () => {
  const corrupt = file('corrupt-catalog.json', '{"messages": [');
  const invalid = file('invalid-catalog.json', JSON.stringify({ messages: [{ id: '12', severity: 9 }] }));
  // A corrupt catalog must not become a way to write escape sequences to the terminal.
  const hostile = file('hostile-catalog.json', '\x1b]0;pwned\x07\x1b[2J');
  const xdg = join(dir, 'xdg');
  mkdirSync(join(xdg, 'asalog'), { recursive: true });
  writeFileSync(join(xdg, 'asalog', 'catalog.json'), JSON.stringify({ messages: [{ id: '722001', severity: 4, category: 'svc' }] }));

  const cases: [string, string[], RegExp, NodeJS.ProcessEnv?][] = [
    ['--catalog missing.json', ['--catalog', join(dir, 'missing.json')], /catalog .*missing\.json: not found$/],
    ['--catalog <a directory>', ['--catalog', dir], /catalog .*: is a directory$/],
    ['--catalog corrupt JSON', ['--catalog', corrupt], /catalog .*corrupt-catalog\.json: .*JSON/],
    ['--catalog that does not validate', ['--catalog', invalid], /catalog .*invalid-catalog\.json: messages\[0\]: "id" must be a six-digit string$/],
    ['--catalog with terminal escapes', ['--catalog', hostile], /catalog .*hostile-catalog\.json: .*\\x1b/],
    ['user catalog in $XDG_CONFIG_HOME that does not validate', [], /catalog .*xdg\/asalog\/catalog\.json: messages\[0\] \(722001\): "variants" must be an array$/, { XDG_CONFIG_HOME: xdg }],
  ];
  for (const [name, extra, pattern, env] of cases) {
    test(name, async () => {
      for (const args of [['-o', 'raw', ...extra, '-'], ['summary', ...extra, '-'], ['explain', ...extra, '722001']]) {
        const r = await runCli(args, { input: GOOD, env });
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stdout.length, 0);
        assert.equal(r.stderr.split('\n').length, 2, `one line: ${r.stderr}`);
        assert.match(r.stderr.trimEnd(), /^asalog: /);
        assert.match(r.stderr.trimEnd(), pattern);
        assert.doesNotMatch(r.stderr, /\x1b/);
      }
    });
  }
});

test('bad option values not covered by cli-stream: exit 1, one line naming the accepted forms', async () => {
  const cases: [string[], RegExp][] = [
    [['summary', '--bucket', 'fortnight', '-'], /'fortnight' is invalid\. Allowed choices are minute, hour, day\.$/],
    [['-o', 'nope', '-'], /'nope' is invalid\. Allowed choices are text, raw, json, csv, ecs\.$/],
    [['summary', '-o', 'nope', '-'], /Allowed choices are table, json, csv, markdown\.$/],
    [['summary', '--top', '0', '-'], /--top must be a whole number ≥ 1, got "0"/],
    [['summary', '--top', 'ten', '-'], /--top must be a whole number ≥ 1, got "ten"/],
    [['summary', '--severity', 'loud', '-'], /invalid severity "loud": use a level 0-7 or name/],
    [['summary', '--since', 'yesterdayish', '-'], /invalid time "yesterdayish": use ISO 8601 .*relative age/],
    [['--until', '3 fortnights', '-'], /invalid time "3 fortnights"/],
    [['--max-line', '-1', '-'], /--max-line must be a size from 1 byte to 256M/],
    [['--year', '26', '-'], /four-digit year/],
    [['--color', 'sometimes', '-'], /Allowed choices are auto, always, never\.$/],
    [['-i', '72200x', '-'], /invalid message id "72200x": use six digits \(722001\), a 3-digit class/],
    [['summary', '--by', 'colour', '-'], /use id, category, severity, host or a canonical field \(action, .*connection_id\)$/],
    // The summary's byte scanner takes no filter: the zone must still be checked.
    [['summary', '--tz', 'Bogus/Zone', '-'], /unknown time zone "Bogus\/Zone": use UTC, an IANA name/],
    [['--tz', 'Bogus/Zone', '-'], /unknown time zone "Bogus\/Zone": use UTC, an IANA name/],
  ];
  const results = await Promise.all(cases.map(([args]) => runCli(args, { input: GOOD })));
  for (const [i, [args, pattern]] of cases.entries()) {
    const r = results[i]!;
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout.length, 0);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
    assert.match(lines[0]!, /^asalog: /);
    assert.match(lines[0]!, pattern, args.join(' '));
  }
});

describe('terminal safety: hostile text is shown, never obeyed, in text and table output', { concurrency: true }, () => {
  // U+009B is the one-byte CSI: a colour code that needs no `[`, so it survives into host names.
  const evilHost = 'fw\u009b31mRED\x1bc\b\x07';
  const evilText = 'IP 10.1.1.1 \x1b[31mred\x1b[0m \x1b]0;pwned\x07 abc\b\b\bxyz \x1b[2J\x1b[H \u009b1;1H';
  const lines = [asa(4, '722001', evilText, evilHost), asa(4, '999001', `unknown \x1b]52;c;cHduZWQ=\x07`, evilHost), `not asa \x1b[5m blink\x7f`].join('\n') + '\n';
  const hostile = file('hostile.log', lines);
  const noControl = /[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/;

  test('the host really is parsed with its control characters (else this test proves nothing)', async () => {
    const recs = records(await runCli(['-o', 'json', hostile]));
    assert.equal(recs[0]!.host, evilHost);
    assert.equal(recs[0]!.id, '722001');
  });

  for (const args of [['-o', 'text'], ['summary'], ['summary', '--by', 'host'], ['summary', '-o', 'markdown'], ['explain', lines.split('\n')[0]!]]) {
    test(args[0] === 'explain' ? 'explain <the hostile line>' : args.join(' '), async () => {
      const r = await runCli(args[0] === 'explain' ? args : [...args, hostile]);
      assert.equal(r.code, 0, r.stderr);
      const out = r.stdout.toString();
      assert.doesNotMatch(out, noControl);
      if (args[0] !== 'explain') assert.match(out, /fw\\x9b31mRED\\x1bc\\x08\\x07/, 'the host is shown, escaped');
      if (args[0] === 'summary' && args.length === 1) assert.match(out, /│ fw\\x9b31mRED\\x1bc\\x08\\x07 +│ 2 /, 'host column');
      if (args[1] === 'text') assert.match(out, /\\x1b\]0;pwned\\x07 abc\\x08\\x08\\x08xyz/);
    });
  }

  // A collector that writes one file per host (rsyslog `%HOSTNAME%.log`) lets the sender name files.
  test('file names with escapes: shown escaped in warnings and in the summary', async () => {
    const named = file('fw\x1b[31mRED\x1b]0;pwned\x07.log', `${'A'.repeat(3000)}\n`);
    const warned = await runCli(['summary', '--max-line', '1000', named, `${named}.missing`]);
    assert.equal(warned.code, 2);
    assert.doesNotMatch(warned.stderr, noControl);
    assert.match(warned.stderr, /fw\\x1b\[31mRED\\x1b\]0;pwned\\x07\.log:1: line longer than 1000 bytes/);
    assert.match(warned.stderr, /fw\\x1b\[31mRED\\x1b\]0;pwned\\x07\.log\.missing: no such file or directory/);
    assert.doesNotMatch(warned.stdout.toString(), noControl);
    assert.match(warned.stdout.toString(), /files +.*fw\\x1b\[31mRED/);
  });

  test('raw, json and csv keep the data exact', async () => {
    const raw = await runCli(['-o', 'raw', hostile]);
    assert.equal(raw.stdout.toString(), lines);
    const recs = records(await runCli(['-o', 'json', hostile]));
    assert.deepEqual(recs.map((r) => r.raw), lines.trimEnd().split('\n'));
    assert.match((await runCli(['-o', 'json', hostile])).stdout.toString(), /\\u001b\]0;pwned\\u0007/, 'JSON escaping, not raw bytes');
    const csv = (await runCli(['-o', 'csv', hostile])).stdout.toString();
    assert.ok(csv.includes(evilText), 'csv keeps the message bytes');
    assert.equal(summaryOf(await runCli(['summary', '-o', 'json', hostile])).hosts[0]!.host, evilHost);
  });
});

describe('lossless JSON: raw, or rawBase64 when the bytes are not UTF-8', () => {
  test('every line round-trips through -o json', async () => {
    const input = Buffer.concat([
      Buffer.from(GOOD),
      Buffer.from([0x41, 0x00, 0xff, 0x0a]),
      Buffer.from('tab\there \u2028 sep\n'),
      Buffer.from([0xed, 0xa0, 0x80, 0x0d, 0x0a]), // a UTF-8-encoded lone surrogate, then CRLF
      Buffer.from([0xe3, 0x82]), // a cut multi-byte character at the very end
    ]);
    const recs = records(await runCli(['-o', 'json', '-'], { input }));
    const back = recs.map((r) => (typeof r.rawBase64 === 'string' ? Buffer.from(r.rawBase64, 'base64') : Buffer.from(r.raw as string)));
    assert.deepEqual(Buffer.concat(back.flatMap((b, i) => (i < back.length - 1 ? [b, Buffer.from('\n')] : [b]))), input);
    assert.deepEqual(recs.map((r) => typeof r.rawBase64 === 'string'), [false, true, false, true, true]);
  });
});
