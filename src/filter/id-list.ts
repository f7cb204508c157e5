import { UsageError } from '../errors.js';

const SIX_DIGITS = /^\d{6}$/;
const EXACT = /^(?<id>\d{6})$/;
// `ASA-4-722001`, `%FTD-6-302013:`, `%ASA-auth-4-113005` and `ASA-722001`, as copied from a log line.
const TAG = /^%?(?:ASA|FTD|PIX)(?:-[a-z]+)?(?:-[0-7])?-(?<id>\d{6}):?$/i;
const RANGE = /^(?<from>\d{6})\s*-\s*(?<to>\d{6})$/;
const GLOB = /^(?<prefix>\d{0,6})\*$/;
const FAMILY = /^(?<prefix>\d{3})$/;

const FORMS = 'use six digits (722001), a 3-digit class (302), a range (716000-716999), ' +
  'a prefix glob (113*), a tag (ASA-4-722001) or a comma list of these';

type IdTest = (id: string) => boolean;

function compileTerm(term: string): IdTest | undefined {
  const exact = (EXACT.exec(term) ?? TAG.exec(term))?.groups?.id;
  if (exact !== undefined) return (id) => id === exact;
  const prefix = (GLOB.exec(term) ?? FAMILY.exec(term))?.groups?.prefix;
  if (prefix !== undefined) return (id) => id.startsWith(prefix);
  const range = RANGE.exec(term)?.groups;
  if (range) {
    const [lo, hi] = [Number(range.from), Number(range.to)].sort((a, b) => a - b) as [number, number];
    return (id) => Number(id) >= lo && Number(id) <= hi;
  }
  return undefined;
}

/** `722001,716000-716999,113*,302,%ASA-4-106023` → a test on six-digit message ids. */
export function parseIdList(list: string): (id: string) => boolean {
  const tests = list.split(',').map((raw) => {
    const term = raw.trim();
    const test = compileTerm(term);
    if (test) return test;
    const where = term === list.trim() ? '' : ` in "${list}"`;
    throw new UsageError(`invalid message id "${term}"${where}: ${FORMS}`);
  });
  return (id) => SIX_DIGITS.test(id) && tests.some((test) => test(id));
}
