// node bench/floor-tight/sections.mjs FILE [--verify]: bench/floor.ts's counts, one thread, with the hand scanner of sections-scan.mjs
import { forEachLineChunk } from '../line-chunks.mjs';
import { makeTables, scanChunk, toMaps } from './sections-scan.mjs';
const file = process.argv[2];
const T = makeTables();
let lines = 0, read = 0;
const t0 = performance.now();
forEachLineChunk(file, Buffer.alloc(Number(process.env.CHUNK ?? 65536)), (chunk, cut) => {
  const r = scanChunk(chunk.latin1Slice(0, cut), T);
  lines += r[0]; read += r[1];
});
const msLoop = performance.now() - t0;
const M = process.env.NOMAPS ? { deniedSources: { size: 0 } } : toMaps(T);
const ms = performance.now() - t0;
console.log(JSON.stringify({ lines, read, ms: Math.round(ms), usPerLine: Number(((ms * 1000) / lines).toFixed(2)), msLoop: Math.round(msLoop), distinctDeniedSources: M.deniedSources.size }));
if (process.argv.includes('--verify')) console.log((await import('./digest.mjs')).digest(M));
