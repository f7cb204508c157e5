/** A `*` wildcard pattern as regular-expression source: everything else literal (`fw-*.corp` → `fw-.*\.corp`). */
export function globSource(glob: string): string {
  return glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
}
