// node bench/floor-tight/sections.mjs FILE [--verify]: bench/floor.ts's counts, one thread, with the hand scanner of sections-scan.mjs
import { closeSync, openSync, readSync } from 'node:fs';
import { makeTables, scanChunk, toMaps } from './sections-scan.mjs';
const file = process.argv[2];
const T = makeTables();
const fd = openSync(file, 'r');
const chunk = Buffer.alloc(Number(process.env.CHUNK ?? 65536));
let kept = 0, lines = 0, read = 0;
const t0 = performance.now();
for (;;) {
  const n = readSync(fd, chunk, kept, chunk.length - kept, null);
  const filled = kept + n;
  if (filled === 0) break;
  const cut = n === 0 ? filled : chunk.lastIndexOf(10, filled - 1) + 1;
  const r = scanChunk(chunk.latin1Slice(0, cut), T);
  lines += r[0]; read += r[1];
  chunk.copy(chunk, 0, cut, filled);
  kept = filled - cut;
  if (n === 0) break;
}
closeSync(fd);
const msLoop = performance.now() - t0;
const M = process.env.NOMAPS ? { deniedSources: { size: 0 } } : toMaps(T);
const ms = performance.now() - t0;
console.log(JSON.stringify({ lines, read, ms: Math.round(ms), usPerLine: Number(((ms * 1000) / lines).toFixed(2)), msLoop: Math.round(msLoop), distinctDeniedSources: M.deniedSources.size }));
if (process.argv.includes('--verify')) console.log((await import('./digest.mjs')).digest(M));
