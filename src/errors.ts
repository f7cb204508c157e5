/** A bad flag or argument: exit code 1. The message says what to type instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input that cannot be read (missing file, bad gzip …): exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}
