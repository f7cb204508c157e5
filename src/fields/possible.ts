// Which canonical fields a message of an ID can ever carry, from its formats alone: the roles of
// every pattern of every variant (both sides, as a `Built inbound` line swaps them), the verbs its
// words give, and what the ID itself says. A reader that needs only some fields (summary sections,
// `--by`) skips the lines of IDs that cannot have them, without matching them.
import type { CatalogEntry } from '../catalog/types.js';
import { canonicalOf, isFtdEvent } from './extract.js';
import { compiledVariants } from './match.js';
import { rolesOf } from './roles.js';
import { verbsOf } from './verbs.js';
import { CANONICAL_NAMES, otherSide } from './vocabulary.js';

const cache = new WeakMap<CatalogEntry, ReadonlySet<string>>();

export function possibleFields(entry: CatalogEntry): ReadonlySet<string> {
  let out = cache.get(entry);
  if (out) return out;
  const names = new Set<string>(Object.keys(canonicalOf(entry.id, {})));
  // FTD key/value events: their keys, not a format, give the fields (extract.ts)
  if (isFtdEvent(entry.id)) for (const n of CANONICAL_NAMES) names.add(n);
  for (const template of compiledVariants(entry)) {
    for (const p of template.patterns) {
      for (const [, role] of rolesOf(p).list) {
        names.add(role);
        const other = otherSide(role);
        if (other) names.add(other);
      }
      const verbs = verbsOf(p);
      if (verbs.action !== undefined) names.add('action');
      if (verbs.outcome !== undefined) names.add('outcome');
      if (verbs.protocol !== undefined) names.add('protocol');
    }
  }
  if (names.has('bytes_in') && names.has('bytes_out')) names.add('bytes');
  out = names;
  cache.set(entry, out);
  return out;
}
