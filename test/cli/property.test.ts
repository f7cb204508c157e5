import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classifyLine } from '../../src/classify/line.ts';
import { LineSplitter } from '../../src/input/line-splitter.ts';
import { lineText } from '../../src/input/raw-line.ts';
import { parseLine } from '../../src/parse/line.ts';
import { HAVE_CORPUS, NO_CORPUS, corpusLogs, runCli, type RunResult } from '../helpers.ts';

// Properties over generated input. In-process for the parser (thousands of cases); through the
// CLI for what only the whole program can show (a handful of spawns over many files each).
const catalog = loadCatalog();
const dir = mkdtempSync(join(tmpdir(), 'asalog-prop-'));
chmodSync(dir, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));

const CORPUS_LINES: Buffer[] = corpusLogs().flatMap((f) => splitLines(readFileSync(f)));
// Without the corpus, mutate a few lines of the shapes it holds.
const SEED_LINES = CORPUS_LINES.length > 0 ? CORPUS_LINES : [
  '<166>Nov 20 2026 10:01:04 fw-1 : %ASA-6-302013: Built inbound TCP connection 1 for outside:10.0.0.1/443 (10.0.0.1/443) to inside:10.0.0.2/5555 (10.0.0.2/5555)',
  '2026-11-20T10:01:04Z fw-1 %FTD-1-430003: EventPriority: Low, DeviceUUID: 1, AccessControlRuleAction: Allow',
  'Nov 20 10:01:04 relay Nov 20 2026 10:01:04 fw-1 : %ASA-4-722001: IP 10.1.1.1 Error parsing SVC connect request.',
].map((s) => Buffer.from(s));

function splitLines(bytes: Buffer): Buffer[] {
  const s = new LineSplitter();
  return [...s.push(bytes), ...s.end()].map((l) => l.bytes);
}

/** Lines as asalog counts them: split on LF, a last line without LF counts too. */
function lineCount(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 10) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? n + 1 : n;
}

// Bytes that matter to a line reader and a syslog parser, mixed into random bytes.
const SPECIAL = [0x0a, 0x0d, 0x00, 0x1b, 0x25, 0x3a, 0x3c, 0x3e, 0x20, 0x2d, 0x5b, 0x5d, 0xc3, 0xe3, 0xff];
const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...SPECIAL));
const bytes = (maxLength: number) => fc.array(byte, { maxLength }).map((a) => Buffer.from(a));
// Tokens the parser looks for, so random input reaches deep into it.
const TOKENS = ['%ASA-', '%FTD-', '4-', '722001', ': ', '<166>', 'Nov 20 ', '2026 ', '10:01:04 ', 'message repeated 3 times: [ ', ']', '#011', 'fw-1 ', '%ASA-auth-4-113005: ', 'Threat Defense', 'EventPriority: ', ', ', '1.2.3.4/55', '::'];
const tokenLine = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((a) => a.join(''));

type Mutation = { kind: 'flip' | 'insert' | 'delete' | 'truncate' | 'repeat'; at: number; value: number; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'repeat'),
  at: fc.nat(),
  value: byte,
  length: fc.integer({ min: 1, max: 64 }),
});

function mutate(line: Buffer, mutations: Mutation[]): Buffer {
  let b = Buffer.from(line);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.kind) {
      case 'flip': if (at < b.length) b[at] = b[at]! ^ (m.value || 1); break;
      case 'insert': b = Buffer.concat([b.subarray(0, at), Buffer.alloc(m.length % 8 + 1, m.value), b.subarray(at)]); break;
      case 'delete': b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]); break;
      case 'truncate': b = b.subarray(0, at); break;
      // A stretch repeated many times: long lines built from the parser's own pieces.
      case 'repeat': b = Buffer.concat([b.subarray(0, at), Buffer.alloc(m.length * 200, b.subarray(at, at + m.length).length ? b.subarray(at, at + m.length) : '%'), b.subarray(at)]); break;
    }
  }
  return b;
}
const mutatedLine = fc.tuple(fc.constantFrom(...SEED_LINES), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([l, ms]) => mutate(l, ms));

/** The record fields every line must get, whatever its bytes. */
function checkRecord(text: string, n: number): void {
  const parsed = parseLine(text, { year: 2026 });
  assert.ok(parsed.severity === null || (Number.isInteger(parsed.severity) && parsed.severity >= 0 && parsed.severity <= 7), `severity ${parsed.severity}`);
  assert.ok(parsed.id === null || /^\d+$/.test(parsed.id), `id ${parsed.id}`);
  assert.ok(parsed.timestamp === null || !Number.isNaN(Date.parse(parsed.timestamp)), `timestamp ${parsed.timestamp}`);
  const record = classifyLine(text, 'f.log', n, catalog, { year: 2026, tz: 'Europe/Paris' });
  assert.equal(record.raw, text);
  assert.equal(record.line, n);
  assert.equal(record.id, parsed.id);
  assert.equal(record.known, record.id !== null && catalog.get(record.id) !== undefined);
  JSON.stringify(record);
}

describe('the parser never throws', () => {
  test('random strings (full Unicode, lone surrogates)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => checkRecord(s, 1)), { numRuns: 2000 });
  });

  test('random bytes, decoded as the CLI decodes them', () => {
    fc.assert(fc.property(bytes(400), (b) => checkRecord(lineText(b), 7)), { numRuns: 2000 });
  });

  test('strings made of the tokens the parser looks for', () => {
    fc.assert(fc.property(tokenLine, (s) => checkRecord(s, 2)), { numRuns: 2000 });
  });

  test(`mutated real lines (flips, insertions, deletions, truncations, repeats) from ${SEED_LINES.length} ${HAVE_CORPUS ? 'corpus' : 'built-in'} lines`, () => {
    fc.assert(fc.property(mutatedLine, (b) => checkRecord(lineText(b), 3)), { numRuns: 2000 });
  });

  test('every corpus line as it is', (t) => {
    if (!HAVE_CORPUS) return t.skip(NO_CORPUS);
    for (const [i, l] of CORPUS_LINES.entries()) checkRecord(lineText(l), i + 1);
  });
});

describe('through the CLI: nothing lost, every line counted', () => {
  // One sample of many inputs, each written to its own file, so a handful of spawns covers them.
  const inputs: Buffer[] = fc.sample(fc.oneof(
    bytes(2000),
    fc.array(fc.oneof(mutatedLine, bytes(80)), { maxLength: 30 }).chain((ls) => fc.boolean().map((nl) => Buffer.concat(ls.flatMap((l, i) => (i < ls.length - 1 || nl ? [l, Buffer.from(i % 3 ? '\n' : '\r\n')] : [l]))))),
  ), { numRuns: 150, seed: 20261120 })
    // gzip is recognised by its magic bytes: such an input is decompressed, not passed through.
    .filter((b) => !(b[0] === 0x1f && b[1] === 0x8b))
    // And one input with a line for each filter below: an unknown ID, bytes that are not UTF-8, CRLF.
    .concat(Buffer.concat([
      Buffer.from('<164>Nov 20 2026 10:01:04 fw-1 : %ASA-4-999001: not in any catalog\r\n'),
      Buffer.from('<163>Nov 20 2026 10:01:04 fw-\xff : %ASA-3-722001: caf\xe9 \x00\n', 'latin1'),
      Buffer.from('<166>Nov 20 2026 10:01:04 fw-1 : %ASA-6-302013: Built\n'),
    ]));
  const files = inputs.map((b, i) => {
    const p = join(dir, `input-${String(i).padStart(3, '0')}.log`);
    writeFileSync(p, b);
    return p;
  });
  const all = Buffer.concat(inputs);

  test(`-o raw reproduces ${inputs.length} generated inputs byte for byte, as files and on stdin`, async () => {
    const [fromFiles, fromStdin] = await Promise.all([runCli(['-o', 'raw', ...files]), runCli(['-o', 'raw'], { input: all })]);
    for (const r of [fromFiles, fromStdin]) {
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assertSameBytes(r.stdout, all, inputs);
    }
  });

  test('-o json: raw is the line (a final CR dropped), rawBase64 the exact bytes when not UTF-8', async () => {
    const r = await runCli(['-o', 'json', ...files]);
    assert.equal(r.code, 0, r.stderr);
    const byFile = new Map<string, Record<string, unknown>[]>();
    for (const l of r.stdout.toString().split('\n').filter(Boolean)) {
      const rec = JSON.parse(l) as Record<string, unknown>;
      byFile.set(rec.file as string, [...(byFile.get(rec.file as string) ?? []), rec]);
    }
    for (const [i, input] of inputs.entries()) {
      const lines = splitLines(input);
      const recs = byFile.get(files[i]!) ?? [];
      assert.equal(recs.length, lines.length, files[i]);
      for (const [j, line] of lines.entries()) {
        const rec = recs[j]!;
        assert.equal(rec.line, j + 1);
        if (isUtf8(line)) {
          assert.equal(rec.raw, lineText(line), `${files[i]}:${j + 1}`);
          assert.equal(rec.rawBase64, undefined);
        } else {
          assert.deepEqual(Buffer.from(rec.rawBase64 as string, 'base64'), line, `${files[i]}:${j + 1}`);
        }
      }
    }
  });

  test('-o raw with a filter writes exactly the bytes of the lines -o json keeps with it', async () => {
    // The raw view decides tag-only filters on bytes (87141d3); the records must agree.
    for (const filter of [['-s', '<=4'], ['-i', '302000-302999,722001,106023', '-v'], ['--unknown'], ['--unparsed']]) {
      const [raw, json] = await Promise.all([runCli(['-o', 'raw', ...filter, ...files]), runCli(['-o', 'json', ...filter, ...files])]);
      assert.equal(raw.code, 0, raw.stderr);
      const kept = new Set(json.stdout.toString().split('\n').filter(Boolean).map((l) => {
        const rec = JSON.parse(l) as { file: string; line: number };
        return `${rec.file}:${rec.line}`;
      }));
      const expected = Buffer.concat(inputs.flatMap((input, i) => {
        const s = new LineSplitter();
        return [...s.push(input), ...s.end()].filter((l) => kept.has(`${files[i]}:${l.number}`)).flatMap((l) => (l.newline ? [l.bytes, Buffer.from('\n')] : [l.bytes]));
      }));
      assert.ok(kept.size > 0, `${filter.join(' ')} keeps some lines`);
      assert.ok(raw.stdout.equals(expected), `${filter.join(' ')}: raw output differs from the lines -o json keeps (${raw.stdout.length} vs ${expected.length} bytes)`);
    }
  });

  test('summary: lines = the line count of the input, classified + unparsed = lines', async () => {
    const [fromFiles, fromStdin] = await Promise.all([runCli(['summary', '-o', 'json', ...files]), runCli(['summary', '-o', 'json'], { input: all })]);
    const expectedFiles = inputs.reduce((n, b) => n + lineCount(b), 0);
    for (const [r, expected] of [[fromFiles, expectedFiles], [fromStdin, lineCount(all)]] as [RunResult, number][]) {
      assert.equal(r.code, 0, r.stderr);
      const s = JSON.parse(r.stdout.toString()) as { lines: number; classified: number; unparsed: number };
      assert.equal(s.lines, expected);
      assert.equal(s.classified + s.unparsed, s.lines);
    }
  });

  test('summary of the whole corpus: lines = the sum of the files\' line counts, classified + unparsed = lines', async (t) => {
    if (!HAVE_CORPUS) return t.skip(NO_CORPUS);
    // One spawn for all files; cli-stream.test.ts checks one record per line file by file.
    const logs = corpusLogs();
    const r = await runCli(['summary', '-o', 'json', ...logs]);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout.toString()) as { lines: number; classified: number; unparsed: number; files: string[] };
    assert.equal(s.lines, logs.reduce((n, f) => n + lineCount(readFileSync(f)), 0));
    assert.equal(s.classified + s.unparsed, s.lines);
    assert.equal(s.classified, CORPUS_LINES.filter((l) => parseLine(lineText(l)).id !== null).length, 'the summary agrees with the parser');
  });
});

function assertSameBytes(actual: Buffer, expected: Buffer, inputs: Buffer[]): void {
  if (actual.equals(expected)) return;
  let at = 0;
  while (at < Math.min(actual.length, expected.length) && actual[at] === expected[at]) at++;
  let input = 0;
  for (let end = inputs[0]!.length; end <= at && input < inputs.length - 1; end += inputs[++input]!.length);
  assert.fail(`output differs from input at byte ${at} (input #${input}); lengths ${actual.length} vs ${expected.length}`);
}
