// `node --import tsx bench/split.ts [--runs N]`: where the worker pool starts to pay, per kind of
// work (src/workers/split.ts). Runs each command on heads of the bench log, in one thread and on
// the pool (forced by ASALOG_STREAM_PATH / ASALOG_SUMMARY_PATH), alternately, and prints medians.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_OUT, generate } from './generate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'asalog.js');
const { values } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Math.max(3, Number(values.runs ?? 3));
const ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
delete ENV.NODE_EXTRA_CA_CERTS;

type Work = { name: string; args: string[]; single: NodeJS.ProcessEnv; pool: NodeJS.ProcessEnv; sizes: number[] };
const WORK: Work[] = [
  { name: 'render (-o json)', args: ['-o', 'json'], single: { ASALOG_STREAM_PATH: 'single' }, pool: { ASALOG_STREAM_PATH: 'workers' }, sizes: [8, 16, 32, 64] },
  { name: 'filter (-o raw -s <=3)', args: ['-o', 'raw', '-s', '<=3'], single: { ASALOG_STREAM_PATH: 'single' }, pool: { ASALOG_STREAM_PATH: 'workers' }, sizes: [64, 128, 256, 512] },
  { name: 'count (summary)', args: ['summary', '-o', 'json'], single: { ASALOG_SUMMARY_PATH: 'scan' }, pool: { ASALOG_SUMMARY_PATH: 'workers' }, sizes: [64, 128, 256, 512] },
];

/** The first `mb` MiB of the bench log (whole lines), written once. */
function head(mb: number): string {
  const file = join(ROOT, 'bench', 'out', `split-${mb}MB.log`);
  if (existsSync(file)) return file;
  const bytes = mb << 20;
  const buf = Buffer.allocUnsafe(bytes);
  const fd = openSync(DEFAULT_OUT, 'r');
  const n = readSync(fd, buf, 0, bytes, 0);
  closeSync(fd);
  const out = openSync(file, 'w');
  writeSync(out, buf, 0, buf.subarray(0, n).lastIndexOf(10) + 1);
  closeSync(out);
  return file;
}

function ms(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...ENV, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`asalog ${args.join(' ')}: exit ${r.status}`);
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
if (!existsSync(DEFAULT_OUT)) await generate({ lines: 6_500_000, seed: 7, out: DEFAULT_OUT });
for (const work of WORK) {
  for (const mb of work.sizes) {
    const file = head(mb);
    const one: number[] = [];
    const pool: number[] = [];
    for (let i = 0; i < runs; i++) {
      one.push(ms([...work.args, file], work.single));
      pool.push(ms([...work.args, file], work.pool));
    }
    const [a, b] = [median(one), median(pool)];
    console.log(`${work.name.padEnd(24)} ${String(mb).padStart(4)} MiB  one thread ${a.toFixed(0).padStart(6)} ms  pool ${b.toFixed(0).padStart(6)} ms  ${b < a ? 'pool' : 'one thread'} faster (${(a / b).toFixed(2)}×)`);
  }
}
