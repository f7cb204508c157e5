// node bench/floor-tight/sections-2threads.mjs FILE [--verify] [--maps]: sections.mjs on 2 threads: the main thread reads the
// first half of the file, one worker the second, then the worker's tables are merged in.
import { statSync } from 'node:fs';
import { forEachLineChunk } from '../line-chunks.mjs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { makeTables, scanChunk, toMaps } from './sections-scan.mjs';

function scanRange(file, from, to) {
  const T = makeTables();
  let lines = 0, read = 0;
  forEachLineChunk(file, Buffer.alloc(65536), (chunk, cut) => { const r = scanChunk(chunk.latin1Slice(0, cut), T); lines += r[0]; read += r[1]; }, from, to);
  return { T, lines, read };
}

function merge(A, B) {
  for (let i = 0; i < A.ids.length; i++) A.ids[i] += B.ids[i];
  A.verbs[0] += B.verbs[0]; A.verbs[1] += B.verbs[1];
  const small = (a, b) => { b.strs.forEach((k, i) => a.add(k, 0, k.length, b.counts[i])); if (b.big) for (const [k, v] of b.big) a.add(k, 0, k.length, v); };
  small(A.protocols, B.protocols); small(A.reasons, B.reasons); small(A.acls, B.acls); small(A.interfaces, B.interfaces);
  const num = (a, b) => b.forEach((k, v) => a.add(k, v));
  const str = (a, b) => { for (const [k, v] of b) a.set(k, (a.get(k) ?? 0) + v); };
  num(A.talkers, B.talkers); num(A.deniedSources, B.deniedSources); num(A.deniedDestinations, B.deniedDestinations);
  str(A.talkersS, B.talkersS); str(A.deniedSourcesS, B.deniedSourcesS); str(A.deniedDestinationsS, B.deniedDestinationsS);
  // port keys are protocol-index based: re-key through the protocol strings
  const bp = B.portProtos.strs;
  B.deniedPorts.forEach((key, v) => {
    const name = bp[Math.floor(key / 100000)];
    const ai = A.portProtos.add(name, 0, name.length, 0);
    if (ai >= 0) A.deniedPorts.add(ai * 100000 + (key % 100000), v);
    else str(A.deniedPortsS, new Map([[`${name}/${key % 100000}`, v]]));
  });
  str(A.deniedPortsS, B.deniedPortsS);
}

if (isMainThread) {
  const t0 = performance.now();
  const file = process.argv[2];
  const size = statSync(file).size;
  const mid = Math.floor(size / 2);
  const w = new Worker(new URL(import.meta.url), { workerData: { file, from: mid, to: size } });
  const other = new Promise((res, rej) => { w.once('message', res); w.once('error', rej); });
  const mine = scanRange(file, 0, mid);
  const tMine = performance.now() - t0;
  const theirs = await other;
  const tWait = performance.now() - t0;
  // restore class prototypes lost in structured clone
  const { NumTable, SmallTable } = await import('./count-tables.mjs');
  for (const k of ['talkers', 'deniedSources', 'deniedDestinations', 'deniedPorts']) Object.setPrototypeOf(theirs.T[k], NumTable.prototype);
  for (const k of ['protocols', 'reasons', 'acls', 'interfaces', 'portProtos']) Object.setPrototypeOf(theirs.T[k], SmallTable.prototype);
  merge(mine.T, theirs.T);
  const lines = mine.lines + theirs.lines, read = mine.read + theirs.read;
  const tMerge = performance.now() - t0;
  const M = process.argv.includes('--maps') || process.argv.includes('--verify') ? toMaps(mine.T) : null;
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ lines, read, msMain: Math.round(tMine), msWorkerDone: Math.round(tWait), msMerged: Math.round(tMerge), ms: Math.round(ms), distinctDeniedSources: M ? M.deniedSources.size : mine.T.deniedSources.size + mine.T.deniedSourcesS.size }));
  if (process.argv.includes('--verify')) console.log((await import('./digest.mjs')).digest(M));
  await w.terminate();
} else {
  const r = scanRange(workerData.file, workerData.from, workerData.to);
  const t = r.T;
  parentPort.postMessage(r, [t.ids.buffer, ...['talkers', 'deniedSources', 'deniedDestinations', 'deniedPorts'].flatMap(k => [t[k].keys.buffer, t[k].vals.buffer])]);
}
