import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { plainTagKey } from '../../src/filter/tag-prefilter.ts';
import { parseLine } from '../../src/parse/line.ts';
import { HAVE_CORPUS, NO_CORPUS, ROOT, corpusLogs, runCli } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'asalog-prefilter-'));
// `--grep ''` matches every line but turns the byte pre-filter off: the reference output.
const FILTERS = [['-s', '<=3'], ['-s', '4'], ['--id', '302013,106023'], ['--id', '1060*'], ['-s', '<=5', '--invert'], ['--unknown'], ['--category', 'vpn,session']];

async function assertSameRaw(files: string[]): Promise<void> {
  for (const f of FILTERS) {
    const fast = await runCli([...f, '-o', 'raw', ...files]);
    const slow = await runCli([...f, '--grep', '', '-o', 'raw', ...files]);
    assert.equal(fast.code, slow.code, fast.stderr);
    assert.ok(fast.stdout.equals(slow.stdout), `${f.join(' ')} on ${files.join(' ')}`);
  }
}

test('plainTagKey agrees with parseLine wherever it is sure', () => {
  const lines = ['%ASA-auth-6-113004: x', '%FTD-session-a-b-c-6-302013: y', '%ASA-a-b-c-d-e-6-302013: z', '%FTD--6-852002: w', '%ASA-auth-8-113004: v', '%ASA-6-302013: x', 'a %FTD-1-430003 x', 'x100%ASA-6-302013: y %ASA-4-106023: z', '%ASA-6-302013\r', '%ASA-6-302013', '%ASA-auth-6-113004: x', '%ASA-6-3020134: x', '50% %PIX-7-710001: x', '%FDT-6-113004: x'];
  for (const line of lines) {
    const key = plainTagKey(Buffer.from(line), 0, Buffer.byteLength(line));
    const p = parseLine(line.replace(/\r$/, ''));
    if (key >= 0) assert.deepEqual([String(key >> 3).padStart(6, '0'), key & 7], [p.id, p.severity], line);
  }
  // class infixes are read from bytes too
  assert.equal(plainTagKey(Buffer.from(lines[0]!), 0, lines[0]!.length), 113004 * 8 + 6);
  assert.equal(plainTagKey(Buffer.from(lines[1]!), 0, lines[1]!.length), 302013 * 8 + 6);
});

test('raw output with the byte pre-filter equals the normal path (generated log)', async () => {
  const log = join(dir, 'generated.log');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'generate.ts'), '--lines', '8000', '--seed', '5', '--out', log], { cwd: ROOT, timeout: 120_000 });
  const crlf = join(dir, 'crlf.log');
  writeFileSync(crlf, readFileSync(log, 'utf8').split('\n').slice(0, 3000).join('\r\n'));
  await assertSameRaw([log]);
  await assertSameRaw([crlf, log]);
});

test('raw output with the byte pre-filter equals the normal path (corpus)', { skip: HAVE_CORPUS ? false : NO_CORPUS }, async () => {
  await assertSameRaw(corpusLogs());
});

// `asalog < file` reads stdin as a file (a megabyte at a time), `cat file | asalog` as a pipe:
// both must print what `asalog file` prints; also with the WebAssembly kernel off.
test('raw filter and summary: stdin as a file, as a pipe and the file argument agree', async () => {
  const log = join(dir, 'stdin.log');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'generate.ts'), '--lines', '20000', '--seed', '9', '--out', log], { cwd: ROOT, timeout: 120_000 });
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', XDG_CONFIG_HOME: join(ROOT, '.asalog-tmp', 'no-config') };
  const viaFd = (args: string[], extra: Record<string, string> = {}): Buffer => execFileSync(process.execPath, [join(ROOT, 'bin', 'asalog.js'), ...args], { stdio: [openSync(log, 'r'), 'pipe', 'pipe'], env: { ...env, ...extra }, timeout: 120_000 });
  for (const args of [['-s', '<=3', '-o', 'raw'], ['--id', '302013,106023', '-o', 'raw'], ['summary', '-o', 'json', '--year', '2026']]) {
    const file = (await runCli([...args, log])).stdout.toString().replaceAll(log, '(stdin)');
    const piped = (await runCli(args, { input: readFileSync(log) })).stdout.toString();
    assert.equal(piped, file, `piped: ${args.join(' ')}`);
    assert.equal(viaFd(args).toString(), file, `< file: ${args.join(' ')}`);
    assert.equal(viaFd(args, { ASALOG_SCAN_KERNEL: 'js' }).toString(), file, `< file, kernel off: ${args.join(' ')}`);
  }
});
