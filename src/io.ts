import { terminalSafe } from './terminal-safe.js';

/** The process edges a command may touch; tests and cli.ts supply them. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** aborted on Ctrl-C / SIGTERM: readers stop, and what was read is still reported */
  signal: AbortSignal;
}

export function warn(io: Io, message: string): void {
  // Messages name files, and a collector may name files after attacker-chosen host names.
  io.stderr.write(`asalog: ${terminalSafe(message)}\n`);
}
