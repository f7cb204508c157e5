/** Exit codes, in one place (documented in the README's exit-code table). */
export const EXIT = {
  ok: 0,
  /** a bad flag or argument */
  usage: 1,
  /** input that could not be read, an ID not in the catalog, an invalid catalog */
  input: 2,
  /** the stream view stopped by Ctrl-C or SIGTERM; also a second Ctrl-C, which ends at once */
  interrupted: 130,
  /** a second SIGTERM, which ends at once */
  terminated: 143,
} as const;

/** A bad flag or argument: exit code 1. The message says what to type instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input that cannot be read (missing file, bad gzip …): exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}
