// Per-byte cost of hostile lines against normal ones, through classify with fields (the -o json path).
// Run: node --import tsx bench/hostile.ts
import { loadCatalog } from '../src/catalog/load.ts';
import { addFields, classifyLine } from '../src/classify/line.ts';

const catalog = loadCatalog();
const SIZE = 100_000;
const fill = (unit: string, prefix = '') => prefix + unit.repeat(Math.ceil((SIZE - prefix.length) / unit.length)).slice(0, SIZE - prefix.length);
const tag = (id: string, sev = 6) => `<166>Nov 20 2026 10:00:00 fw-1 : %ASA-${sev}-${id}: `;

const normal = [
  `${tag('302014')}Teardown TCP connection 2751765169 for outside:198.51.100.2/443 to inside:10.1.1.5/51234 duration 0:00:30 bytes 5120 TCP FINs`,
  `${tag('106023', 4)}Deny tcp src outside:192.168.2.95/24069 dst inside:10.32.112.125/25 by access-group "PERMIT_IN" [0x0, 0x0]`,
  `${tag('113039')}Group <GP_REMOTE> User <jdoe> IP <198.51.100.14> AnyConnect parent session started.`,
  `${tag('713902', 3)}Group = 198.51.100.10, IP = 198.51.100.10, Removing peer from correlator table failed, no match!`,
];
const hostile: [string, string][] = [];
for (const id of ['302014', '106023', '713902', '716001', '302013']) {
  hostile.push([`${id} a. a. a.`, tag(id) + fill('a. ')]);
  hostile.push([`${id} : : :`, tag(id) + fill(': ')]);
  hostile.push([`${id}   spaces`, tag(id) + fill(' ', 'x')]);
}
hostile.push(['302014 prefix + a.', tag('302014') + fill('a. ', 'Teardown TCP connection 1 for ')]);
hostile.push(['302014 prefix + " to "', tag('302014') + fill(' to ', 'Teardown TCP connection 1 for outside:1.2.3.4/5')]);
hostile.push(['106023 prefix + "src "', tag('106023', 4) + fill('src ', 'Deny tcp src ')]);
hostile.push(['713902 = , = ,', tag('713902', 3) + fill('Group = , ')]);
// just under the tolerant matcher's cap (src/fields/align.ts, 256 tokens): the most alignment work one line can ask for
const tokens = (unit: string, n = 250) => unit.repeat(n).trim();
for (const id of ['302014', '106023', '113019', '716001']) {
  hostile.push([`${id} 250 words "src to"`, tag(id) + tokens('src to ', 125)]);
  hostile.push([`${id} 250 tokens ". ,"`, tag(id) + tokens('. , ', 125)]);
}
hostile.push(['106023 250 tokens, its words', tag('106023', 4) + tokens('Deny tcp src dst by access-group ', 40)]);

/** Nanoseconds per byte of classifying `lines` (with fields unless told), best of a few rounds. */
function nsPerByte(lines: string[], minBytes: number, fields = true): number {
  let best = Infinity;
  const bytes = lines.reduce((n, l) => n + l.length, 0);
  const repeat = Math.max(1, Math.ceil(minBytes / bytes));
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) {
      for (const l of lines) {
        const record = classifyLine(l, 'bench', 1, catalog, {});
        if (fields) addFields(record, catalog);
      }
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / (bytes * repeat));
  }
  return best;
}

nsPerByte(normal, 2e6); // warm up: compile the entries, let the JIT settle
const plain = nsPerByte(normal, 20e6, false);
const base = nsPerByte(normal, 20e6);
console.log(`normal lines: ${plain.toFixed(2)} ns/byte without fields, ${base.toFixed(2)} ns/byte with fields (${(1e3 / base).toFixed(0)} MB/s)`);
let worst = 0;
for (const [name, line] of hostile) {
  const r = classifyLine(line, 'bench', 1, catalog, {});
  addFields(r, catalog);
  const cost = nsPerByte([line], 5e6);
  worst = Math.max(worst, cost / base);
  console.log(`${name.padEnd(28)} ${(line.length / 1000).toFixed(0)} KB  ${cost.toFixed(2)} ns/byte  ×${(cost / base).toFixed(2)}  variant ${r.variant ?? '-'}`);
}
console.log(`worst hostile/normal per-byte ratio: ${worst.toFixed(2)}`);
