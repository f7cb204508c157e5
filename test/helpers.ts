import { spawn, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'asalog.js');
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const CORPUS = join(SHARED, 'corpus');
export const HAVE_CORPUS = existsSync(CORPUS);
export const NO_CORPUS = `shared corpus not found at ${CORPUS}; corpus checks skipped`;

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** Every child a test file started and that has not ended yet: killed when the file's tests end. */
const live = new Set<ChildProcess>();
after(() => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Tracks a child the test started: it is killed when the test file ends, passed or failed, so a
 * failing assertion never leaves it running with the test process waiting on its pipes.
 */
export function tracked<T extends ChildProcess>(child: T): T {
  live.add(child);
  child.on('close', () => live.delete(child));
  return child;
}

/** The child's exit, or a failed test (and the child killed) if it has not ended within `ms`. */
export function ended(child: ChildProcess, ms = RUN_TIMEOUT_MS): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child ${child.spawnargs.join(' ')} did not end within ${ms} ms; killed`));
    }, ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** How long one run of the CLI may take before it is killed and the test fails. */
export const RUN_TIMEOUT_MS = 120_000;

/** Runs what ships: bin/asalog.js over the fresh build in dist/, without colour. */
export function runCli(args: string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string; uid?: number; gid?: number; bin?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = tracked(spawn(process.execPath, [opts.bin ?? BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', XDG_CONFIG_HOME: join(ROOT, '.asalog-tmp', 'no-config'), ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid }),
    }));
    const limit = opts.timeoutMs ?? RUN_TIMEOUT_MS;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`asalog ${args.join(' ')} did not end within ${limit} ms; killed`));
    }, limit);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** Every `*.log` file under the shared corpus, sorted. */
export function corpusLogs(dir = CORPUS): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...corpusLogs(p));
    else if (name.endsWith('.log')) out.push(p);
  }
  return out;
}
