// `npm run bench [-- --lines N --runs N]`: the figures of issue 7, each next to its baseline and
// target. Never run by `npm test`. Installs nothing: rg and mawk are reported when missing.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_LINES, generate } from './generate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'asalog.js');
const HOOK = join(ROOT, 'bench', 'rss-hook.cjs');
const RSS_FILE = join(OUT, 'rss.txt');

const { values } = parseArgs({ options: { lines: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, 'json-mb': { type: 'string' }, 'keep-env': { type: 'boolean' } } });
const lines = Number(values.lines ?? DEFAULT_LINES);
const runs = Math.max(3, Number(values.runs ?? 3));
const seed = Number(values.seed ?? 7);
const jsonMb = Number(values['json-mb'] ?? 200);

interface Run { ms: number; rssKb: number | null; bytesOut: number; /** user + system CPU seconds (GNU time), all threads */ cpu: number | null }

// GNU time, when installed, gives each run's CPU time: unlike wall time it barely moves when
// other work shares the cores, so it is reported next to the wall-clock ratio.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TIME_FILE = join(OUT, 'time.txt');

// NODE_EXTRA_CA_CERTS makes every Node process read and parse that CA bundle before it runs any
// code (~45 ms on the machine this was written on): a property of the workspace, not of asalog,
// which makes no TLS connections. Commands run without it unless --keep-env; main() reports
// what it costs.
const BASE_ENV: NodeJS.ProcessEnv = { ...process.env };
if (!values['keep-env']) delete BASE_ENV.NODE_EXTRA_CA_CERTS;

/** Runs a command with its output drained through a pipe (rg stops early when writing to /dev/null). */
function run(cmd: string, args: string[], opts: { rss?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  if (opts.rss) rmSync(RSS_FILE, { force: true });
  const env = { ...BASE_ENV, NO_COLOR: '1', ...opts.env, ...(opts.rss ? { ASALOG_BENCH_RSS: RSS_FILE } : {}) };
  const argv = opts.rss ? ['--require', HOOK, ...args] : args;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = GNU_TIME
      ? spawn(GNU_TIME, ['-f', '%U %S', '-o', TIME_FILE, cmd, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytesOut = 0;
    let err = '';
    child.stdout.on('data', (d: Buffer) => { bytesOut += d.length; });
    child.stderr.on('data', (d: Buffer) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      // rg exits 1 when nothing matched; anything else is a failed run
      if (code !== 0 && !(cmd === 'rg' && code === 1 && !err)) return reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${err}`));
      const times = GNU_TIME && existsSync(TIME_FILE) ? readFileSync(TIME_FILE, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : null;
      const cpu = times && times.length === 2 && times.every(Number.isFinite) ? times[0]! + times[1]! : null;
      resolve({ ms, rssKb: opts.rss && existsSync(RSS_FILE) ? Number(readFileSync(RSS_FILE, 'utf8')) : null, bytesOut, cpu });
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Alternates the two commands `runs` times and returns the median of each. */
async function paired(a: () => Promise<Run>, b: () => Promise<Run>): Promise<[Run, Run]> {
  const ra: Run[] = [];
  const rb: Run[] = [];
  for (let i = 0; i < runs; i++) {
    ra.push(await a());
    rb.push(await b());
  }
  const pick = (rs: Run[]): Run => ({
    ms: median(rs.map((r) => r.ms)),
    rssKb: rs[0]!.rssKb === null ? null : Math.max(...rs.map((r) => r.rssKb ?? 0)),
    bytesOut: rs[0]!.bytesOut,
    cpu: rs[0]!.cpu === null ? null : median(rs.map((r) => r.cpu ?? 0)),
  });
  return [pick(ra), pick(rb)];
}

function version(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.error ? null : (r.stdout || r.stderr).split('\n')[0]!.trim();
}

async function warm(file: string): Promise<number> {
  let newlines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
  }
  return newlines;
}

/** The whole lines within the first `bytes` of `file`, streamed: the bench itself stays small. */
async function writeHead(file: string, head: string, bytes: number): Promise<void> {
  const parts: Buffer[] = [];
  for await (const chunk of createReadStream(file, { start: 0, end: bytes - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) parts.push(chunk);
  const buf = Buffer.concat(parts);
  writeFileSync(head, buf.subarray(0, buf.lastIndexOf(10) + 1));
}

interface Figure { figure: string; value: string; baseline: string; ratio: string; target: string; met: boolean | null; raw: Record<string, unknown> }
const figures: Figure[] = [];
const mbs = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);
const f1 = (n: number): string => n.toFixed(n < 10 ? 2 : 0);

/** A yardstick script (bench/floor*) on `file`: its own timing (`ms`: to the end of its work, without Node's start). */
function floorRun(script: string, file: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): { ms: number; lines: number; usPerLine?: number; msLoop?: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', script), file, ...args], { env: { ...BASE_ENV, ...env }, encoding: 'utf8' });
  return JSON.parse(out) as { ms: number; lines: number; usPerLine?: number; msLoop?: number };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const file = lines === DEFAULT_LINES ? join(OUT, 'bench.log') : join(OUT, `bench-${lines}.log`);
  if (!existsSync(file)) {
    console.log(`generating ${file} (${lines} lines, seed ${seed}) …`);
    await generate({ lines, seed, out: file });
  }
  const size = statSync(file).size;
  const rg = version('rg', ['--version']);
  const mawk = version('mawk', ['-W', 'version']);
  if (!rg) console.log('ripgrep (rg) is missing: install Debian\'s `ripgrep` package; its baselines are skipped');
  if (!mawk) console.log('mawk is missing: install Debian\'s `mawk` package; its baseline is skipped');
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const fileLines = await warm(file);
  console.log(`${file}: ${(size / 1e6).toFixed(0)} MB, ${fileLines} lines, in page cache; ${runs} alternated runs per pair, medians`);

  const asalog = (args: string[], rss = false) => () => run(process.execPath, [BIN, ...args], { rss });
  // 1. summary vs rg -c and vs mawk
  if (rg) {
    const [s, r] = await paired(asalog(['summary', '-o', 'json', file], true), () => run('rg', ['-c', '%(ASA|FTD)-[0-7]-[0-9]{6}', file]));
    figures.push({ figure: `summary -o json (${f1(size / 1e9)} GB)`, value: `${f1(s.ms / 1000)} s, ${f1(mbs(size, s.ms))} MB/s, ${f1(fileLines / (s.ms / 1000) / 1e6)} M lines/s`, baseline: `rg -c: ${f1(r.ms / 1000)} s`, ratio: (s.ms / r.ms).toFixed(2), target: '≤ 1.00', met: s.ms <= r.ms, raw: { asalogMs: s.ms, rgMs: r.ms, asalogCpuS: s.cpu, rgCpuS: r.cpu } });
    if (s.cpu !== null && r.cpu !== null) figures.push({ figure: '  same, CPU time (all threads)', value: `${f1(s.cpu)} s CPU`, baseline: `rg -c: ${f1(r.cpu)} s CPU`, ratio: r.cpu > 0 ? (s.cpu / r.cpu).toFixed(2) : '—', target: '(load-independent view)', met: null, raw: {} });
    figures.push({ figure: 'summary peak RSS, 1 file', value: `${((s.rssKb ?? 0) / 1024).toFixed(0)} MB`, baseline: '', ratio: '', target: '≤ 200 MB', met: (s.rssKb ?? Infinity) <= 200 * 1024, raw: { rssKb: s.rssKb } });
  }
  if (mawk) {
    const prog = '{ if (match($0, /%(ASA|FTD)-[0-7]-[0-9][0-9][0-9][0-9][0-9][0-9]/)) c[substr($0, RSTART + RLENGTH - 6, 6)]++ } END { for (k in c) print k, c[k] }';
    const [s, m] = await paired(asalog(['summary', '-o', 'json', file]), () => run('mawk', [prog, file]));
    figures.push({ figure: 'summary vs mawk ID count', value: `${f1(s.ms / 1000)} s`, baseline: `mawk: ${f1(m.ms / 1000)} s`, ratio: (s.ms / m.ms).toFixed(2), target: '(informative)', met: null, raw: { asalogMs: s.ms, mawkMs: m.ms, asalogCpuS: s.cpu, mawkCpuS: m.cpu } });
  }
  // 2. stream filter to raw vs rg
  if (rg) {
    const [s, r] = await paired(asalog(['-s', '<=3', '-o', 'raw', file]), () => run('rg', ['%(ASA|FTD)-[0-3]-', file]));
    figures.push({ figure: "-s '<=3' -o raw", value: `${f1(s.ms / 1000)} s, ${f1(mbs(size, s.ms))} MB/s`, baseline: `rg: ${f1(r.ms / 1000)} s`, ratio: (s.ms / r.ms).toFixed(2), target: '≤ 2.00', met: s.ms <= 2 * r.ms, raw: { asalogMs: s.ms, rgMs: r.ms, asalogCpuS: s.cpu, rgCpuS: r.cpu, asalogBytesOut: s.bytesOut, rgBytesOut: r.bytesOut } });
    if (s.cpu !== null && r.cpu !== null) figures.push({ figure: '  same, CPU time', value: `${f1(s.cpu)} s CPU`, baseline: `rg: ${f1(r.cpu)} s CPU`, ratio: r.cpu > 0 ? (s.cpu / r.cpu).toFixed(2) : '—', target: '(load-independent view)', met: null, raw: {} });
  }
  // 3. -o json on the first `jsonMb` MB (a full 1 GB run takes minutes per repetition)
  const head = join(OUT, `head-${jsonMb}MB.log`);
  if (!existsSync(head)) await writeHead(file, head, jsonMb * 1e6);
  await warm(head);
  const headSize = statSync(head).size;
  const js: number[] = [];
  for (let i = 0; i < runs; i++) js.push((await asalog(['-o', 'json', head])()).ms);
  const jsMbs = mbs(headSize, median(js));
  figures.push({ figure: `-o json (first ${jsonMb} MB)`, value: `${f1(jsMbs)} MB/s`, baseline: '', ratio: '', target: '≥ 100 MB/s', met: jsMbs >= 100, raw: { ms: median(js), bytes: headSize } });
  // the yardstick for that target: the least -o json must do per line (bench/floor-json.ts)
  for (const fields of [false, true]) {
    const floor = floorRun('floor-json.ts', head, fields ? ['--fields'] : []);
    const floorMbs = mbs(headSize, floor.ms);
    figures.push({ figure: `  floor: bench/floor-json.ts${fields ? ' --fields' : ''}, one thread`, value: `${f1(floorMbs)} MB/s, ${floor.usPerLine} µs/line`, baseline: '', ratio: '', target: `on 2 ideal cores ${f1(2 * floorMbs)} MB/s`, met: null, raw: floor });
  }
  // the fastest writer of the same bytes found so far: no objects, no JSON.stringify (bench/floor-tight/)
  for (const threads of ['1', '2']) {
    const tight = floorRun('floor-tight/json.mjs', head, ['--fields'], { THREADS: threads });
    figures.push({ figure: `  floor-tight/json.mjs --fields, ${threads === '1' ? 'one thread' : 'two threads, in order'}`, value: `${f1(mbs(headSize, tight.ms))} MB/s`, baseline: '', ratio: '', target: '(informative)', met: null, raw: tight });
  }
  // 3b. summary with every section on the whole file, as a user runs it (a big file goes to the pool)
  if (rg) {
    const [s, r] = await paired(asalog(['summary', '--sections', '-o', 'json', file], true), () => run('rg', ['-c', '%(ASA|FTD)-[0-7]-[0-9]{6}', file]));
    figures.push({ figure: `summary --sections (${f1(size / 1e9)} GB)`, value: `${f1(s.ms / 1000)} s, ${f1(mbs(size, s.ms))} MB/s`, baseline: `rg -c: ${f1(r.ms / 1000)} s`, ratio: (s.ms / r.ms).toFixed(2), target: '≤ 3.00', met: s.ms <= 3 * r.ms, raw: { asalogMs: s.ms, rgMs: r.ms, asalogCpuS: s.cpu, rgCpuS: r.cpu } });
    figures.push({ figure: '  same, peak RSS', value: `${((s.rssKb ?? 0) / 1024).toFixed(0)} MB`, baseline: '', ratio: '', target: '≤ 200 MB', met: (s.rssKb ?? Infinity) <= 200 * 1024, raw: { rssKb: s.rssKb } });
    const one = await run(process.execPath, [BIN, 'summary', '--sections', '-o', 'json', file], { rss: true, env: { ASALOG_SUMMARY_PATH: 'scan' } });
    figures.push({ figure: '  same, one thread (ASALOG_SUMMARY_PATH=scan)', value: `${f1(one.ms / 1000)} s, ${((one.rssKb ?? 0) / 1024).toFixed(0)} MB RSS`, baseline: '', ratio: (one.ms / r.ms).toFixed(2), target: '(informative)', met: null, raw: { ms: one.ms, rssKb: one.rssKb } });
    // the yardstick for that target: the least a sections summary must do per line (bench/floor.ts)
    const floor = floorRun('floor.ts', file);
    const ideal = floor.ms / 2 / r.ms;
    figures.push({ figure: '  floor: bench/floor.ts, one thread', value: `${f1(floor.ms / 1000)} s, ${floor.usPerLine} µs/line`, baseline: `rg -c: ${f1(r.ms / 1000)} s`, ratio: (floor.ms / r.ms).toFixed(2), target: `on 2 ideal cores ${ideal.toFixed(2)}`, met: null, raw: floor });
    // the fastest counting of the same tables found so far: hand scanners, numeric tables (bench/floor-tight/)
    const tight = floorRun('floor-tight/sections.mjs', file);
    figures.push({ figure: '  floor-tight/sections.mjs, one thread', value: `${f1(tight.ms / 1000)} s (scan ${f1((tight.msLoop ?? 0) / 1000)} s)`, baseline: `rg -c: ${f1(r.ms / 1000)} s`, ratio: (tight.ms / r.ms).toFixed(2), target: `scan alone ${((tight.msLoop ?? 0) / r.ms).toFixed(2)}`, met: null, raw: tight });
    const tight2 = floorRun('floor-tight/sections-2threads.mjs', file, ['--maps']);
    figures.push({ figure: '  floor-tight/sections-2threads.mjs', value: `${f1(tight2.ms / 1000)} s`, baseline: `rg -c: ${f1(r.ms / 1000)} s`, ratio: (tight2.ms / r.ms).toFixed(2), target: '(informative)', met: null, raw: tight2 });
  }
  // 4. peak RSS on 5× the file (the same file given five times: 5 GB-class input)
  const five = await asalog(['summary', '-o', 'json', file, file, file, file, file], true)();
  figures.push({ figure: 'summary peak RSS, file ×5 as args', value: `${((five.rssKb ?? 0) / 1024).toFixed(0)} MB (${f1((5 * size) / 1e9)} GB in ${f1(five.ms / 1000)} s)`, baseline: '', ratio: '', target: '≤ 200 MB', met: (five.rssKb ?? Infinity) <= 200 * 1024, raw: { rssKb: five.rssKb, ms: five.ms } });
  // 4b. the same with every section: the 1.1 GB log has ~900 000 distinct denied sources, so the
  // tables run past their 4096 keys and estimate; their memory must not grow with the input
  const fiveSections = await asalog(['summary', '--sections', '-o', 'json', file, file, file, file, file], true)();
  figures.push({ figure: 'summary --sections peak RSS, file ×5', value: `${((fiveSections.rssKb ?? 0) / 1024).toFixed(0)} MB (${f1((5 * size) / 1e9)} GB in ${f1(fiveSections.ms / 1000)} s)`, baseline: '', ratio: '', target: '≤ 200 MB', met: (fiveSections.rssKb ?? Infinity) <= 200 * 1024, raw: { rssKb: fiveSections.rssKb, ms: fiveSections.ms } });
  // 5. explain cold start: a new process each time
  const [ex, nodeOnly] = await paired(asalog(['explain', '722001']), () => run(process.execPath, ['-e', '0']));
  const exRuns: number[] = [ex.ms];
  for (let i = 0; i < 4; i++) exRuns.push((await asalog(['explain', '722001'])()).ms);
  const exMs = median(exRuns);
  figures.push({ figure: 'explain 722001, cold process', value: `${exMs.toFixed(0)} ms`, baseline: `node -e 0: ${nodeOnly.ms.toFixed(0)} ms`, ratio: (exMs / nodeOnly.ms).toFixed(2), target: '≤ 150 ms', met: exMs <= 150, raw: { ms: exMs, nodeMs: nodeOnly.ms } });

  if (process.env.NODE_EXTRA_CA_CERTS && !values['keep-env']) {
    const [withCerts, without] = await paired(() => run(process.execPath, ['-e', '0'], { env: { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } }), () => run(process.execPath, ['-e', '0']));
    figures.push({ figure: 'note: NODE_EXTRA_CA_CERTS is set here', value: `+${(withCerts.ms - without.ms).toFixed(0)} ms per Node start`, baseline: `node -e 0: ${without.ms.toFixed(0)} ms`, ratio: '', target: 'removed for every command (--keep-env keeps it)', met: null, raw: { withMs: withCerts.ms, withoutMs: without.ms } });
  }

  printTable();
  const machine = { cpu: cpus()[0]?.model, cores: cpus().length, memGB: +(totalmem() / 2 ** 30).toFixed(1), freeGB: +(freemem() / 2 ** 30).toFixed(1), node: process.version, rg, mawk, load: readFileSync('/proc/loadavg', 'utf8').trim() };
  const results = { date: new Date().toISOString(), machine, file: { path: file, bytes: size, lines: fileLines, seed }, runs, figures };
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB, Node ${machine.node}; load ${machine.load}\nwritten: bench/out/results.json`);

  const hostile = join(ROOT, 'bench', 'hostile.ts');
  if (existsSync(hostile)) {
    console.log('\nbench/hostile.ts:');
    spawnSync(process.execPath, ['--import', 'tsx', hostile], { cwd: ROOT, stdio: 'inherit' });
  }
}

function printTable(): void {
  const head = ['figure', 'value', 'baseline', 'ratio', 'target', 'met?'];
  const rows = figures.map((f) => [f.figure, f.value, f.baseline, f.ratio, f.target, f.met === null ? '—' : f.met ? 'yes' : 'NO']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

await main();
