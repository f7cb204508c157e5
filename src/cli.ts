import { CommanderError } from 'commander';
import { buildProgram } from './commands/program.js';
import { EXIT, InputError, UsageError } from './errors.js';
import { describeReadError } from './input/read-error.js';
import { warn, type Io } from './io.js';

/** How long a command may take to finish after SIGINT or SIGTERM before the process ends anyway. */
const SIGNAL_GRACE_MS = 1000;

export async function main(argv: string[] = process.argv): Promise<void> {
  const controller = new AbortController();
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal: controller.signal };
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // `asalog … | head`: the reader has gone, which is a normal end.
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  let exitCode: number = EXIT.ok;
  let interrupts = 0;
  const interrupt = (signal: NodeJS.Signals) => {
    // First signal: stop reading and report what was read; a second one ends at once.
    if (++interrupts > 1) endBySignal(signal);
    controller.abort();
    // A command that does not listen for the abort still ends within a second.
    setTimeout(() => endBySignal(signal), SIGNAL_GRACE_MS).unref();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const program = buildProgram({
    io,
    setExit: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    exitCode = handleError(err, io);
  }
  process.exitCode = exitCode;
  // An interrupted read may leave stdin with a pending read that would keep Node alive.
  if (controller.signal.aborted) process.stdout.write('', () => process.exit(exitCode));
}

/**
 * Ends the process by the signal itself, as if asalog had no handler (shells show 130 for SIGINT,
 * 143 for SIGTERM). Not process.exit, which waits for the threads of Node's pool: one blocked in a
 * system call (opening a FIFO nobody writes to) would keep the process alive forever.
 */
function endBySignal(signal: NodeJS.Signals): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

/** Expected errors print one sentence; anything else is a bug and prints its stack. */
function handleError(err: unknown, io: Io): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof UsageError) {
    warn(io, err.message);
    return EXIT.usage;
  }
  if (err instanceof InputError) {
    warn(io, err.message);
    return EXIT.input;
  }
  // A file the user named could not be written or read (`--html /no/such/dir/r.html`): not a bug.
  const sys = err as NodeJS.ErrnoException;
  if (typeof sys?.syscall === 'string' && typeof sys.path === 'string') {
    warn(io, `${sys.path}: ${describeReadError(err)}`);
    return EXIT.input;
  }
  // The system refused a read or write with no path to name (a full disk, an I/O error): not a bug either.
  if (typeof sys?.syscall === 'string' && typeof sys.code === 'string') {
    warn(io, `${sys.syscall} failed: ${describeReadError(err)}`);
    return EXIT.input;
  }
  io.stderr.write(`asalog: internal error — please report it with the command that caused it.\n${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.input;
}
