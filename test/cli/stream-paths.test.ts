import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generate } from '../../bench/generate.ts';
import { HAVE_CORPUS, NO_CORPUS, corpusLogs, runCli } from '../helpers.ts';

// The default command classifies large files in worker threads; what it prints (stdout and the
// warnings on stderr) must be byte-identical to the single-thread path. ASALOG_STREAM_PATH forces
// the path, ASALOG_PIECE_BYTES makes pieces small so a small file is cut in many places.
const dir = mkdtempSync(join(tmpdir(), 'asalog-stream-paths-'));

// Lines a piece boundary or a worker could get wrong: CRLF, invalid UTF-8, NUL, lines longer than
// a piece and than --max-line, empty lines, and a last line without a newline.
const AWKWARD = Buffer.concat([
  Buffer.from('<166>Nov 20 2026 10:00:00 fw-1 : %ASA-6-302013: Built inbound TCP connection 1 for outside:10.0.0.1/1 (10.0.0.1/1) to inside:10.0.0.2/2 (10.0.0.2/2)\r\n'),
  Buffer.from('Nov 20 10:00:00 fw-2 : %ASA-3-710003: TCP access denied by ACL from 10.1.1.1/3 to outside:10.2.2.2/22 \xff\xfe bad bytes\n', 'latin1'),
  Buffer.from('Nov 20 10:00:00 fw-2 : %ASA-4-106023: NUL \0 and ESC \x1b[31m inside\n\n\n'),
  Buffer.from(`Nov 20 10:00:01 fw-3 : %ASA-2-106001: ${'long '.repeat(30_000)}\n`),
  Buffer.from(`Nov 20 10:00:01 fw-3 : %ASA-6-302014: ${'x'.repeat(70_000)}\n`),
  Buffer.from(`no tag at all ${'y'.repeat(3_000)}\n`),
  Buffer.from('Nov 20 10:00:02 fw-3 : %FTD-1-430002: last line without a newline'),
]);

function writeLog(name: string, parts: Buffer[], times: number): string {
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat(Array.from({ length: times }, () => parts).flat()));
  return file;
}

async function output(args: string[], path: 'single' | 'workers', env: Record<string, string> = {}): Promise<string> {
  const r = await runCli(args, { env: { ASALOG_STREAM_PATH: path, ...env } });
  return `exit ${r.code}\n${r.stderr}\n${r.stdout.toString('latin1')}`;
}

const FORMATS = ['json', 'csv', 'ecs', 'text', 'raw'];
const FILTERS: string[][] = [[], ['-s', '<=3'], ['--grep', 'deny|Deny', '--invert'], ['--since', '1000d', '--category', 'session,access-lists'], ['--unparsed']];

async function assertSame(files: string[], extra: string[] = [], env: Record<string, string> = {}, formats = FORMATS, filters = FILTERS): Promise<void> {
  for (const format of formats) {
    await Promise.all(filters.map(async (filter) => {
      const args = ['-o', format, ...filter, ...extra, ...files];
      // the raw filter's workers also without the WebAssembly kernel (its byte-loop fallback)
      const [single, workers, jsWorkers] = await Promise.all([output(args, 'single', env), output(args, 'workers', env), format === 'raw' ? output(args, 'workers', { ...env, ASALOG_SCAN_KERNEL: 'js' }) : null]);
      if (jsWorkers !== null) assert.equal(jsWorkers, workers, `asalog ${args.join(' ')}: workers without the kernel differ`);
      assert.ok(single.startsWith('exit 0') || single.startsWith('exit 2'), single.slice(0, 500));
      assert.ok(single.length > 20, `no output for ${args.join(' ')}`);
      // compared as text, not deepEqual: a diff of megabytes would be unreadable
      if (workers !== single) {
        let i = 0;
        while (workers[i] === single[i]) i++;
        const around = (text: string): string => JSON.stringify(text.slice(Math.max(0, i - 80), i + 80));
        assert.fail(`asalog ${args.join(' ')}: workers differ from single at byte ${i}:\n  single:  ${around(single)}\n  workers: ${around(workers)}`);
      }
    }));
  }
}

test('workers print what the single path prints: corpus ×6 and awkward lines, small pieces', { skip: !HAVE_CORPUS && NO_CORPUS }, async () => {
  const file = writeLog('corpus.log', [...corpusLogs().map((f) => readFileSync(f)), AWKWARD], 6);
  await assertSame([file], ['--year', '2026', '--max-line', '100000'], { ASALOG_PIECE_BYTES: '65536' });
});

test('workers: lines past --max-line cut inside a piece, a piece per line, -H, several files and a missing one', async () => {
  const file = writeLog('awkward.log', [readFileSync(new URL('../fixtures/sample.log', import.meta.url)), AWKWARD], 5);
  const other = writeLog('other.log', [AWKWARD], 1);
  await assertSame([file, join(dir, 'missing.log'), other], ['--max-line', '2000'], { ASALOG_PIECE_BYTES: '1000000' });
  await assertSame([file], ['--max-line', '50000'], { ASALOG_PIECE_BYTES: '100' }, ['json', 'raw'], [[], ['-s', '<=3']]);
  await assertSame([file, other], ['-H'], {}, ['raw'], [[], ['-s', '<=4', '--invert']]);
});

test('workers print what the single path prints on a generated log (40 000 lines)', async () => {
  const file = join(dir, 'generated.log');
  await generate({ lines: 40_000, seed: 11, out: file });
  await assertSame([file], [], { ASALOG_PIECE_BYTES: '262144' }, FORMATS, [[], ['-s', '<=3'], ['--id', '302013-302016', '--invert']]);
});
