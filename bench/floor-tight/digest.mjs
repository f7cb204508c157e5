import { createHash } from 'node:crypto';
export function digest(tables) {
  const dump = Object.entries(tables).map(([k, m]) => [k, [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))]);
  return createHash('md5').update(JSON.stringify(dump)).digest('hex') + ' ' + Object.entries(tables).map(([k, m]) => k + '=' + m.size).join(' ');
}
