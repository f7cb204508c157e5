// `npm run lint:cycles`: the import graph of src/ (test/architecture/import-graph.ts). Exit 1 on an
// import cycle, an upward import or a path to no module; long modules and functions are reported, not failed.
import { fileURLToPath } from 'node:url';
import { checkImports, type Edge } from './import-graph.ts';

const root = fileURLToPath(new URL('../../src/', import.meta.url));
const r = checkImports(root);
const edge = (e: Edge): string => `${e.from} → ${e.to} (${e.kind})`;
console.log(`src/: ${r.modules} modules, ${r.edges} import edges`);
console.log(`import cycles: ${r.cycles.length}`);
for (const c of r.cycles) console.log(`  ${c.files.join(', ')}\n${c.edges.map((e) => `    ${edge(e)}`).join('\n')}`);
console.log(`folders importing each other: ${r.folderCycles.length}`);
for (const c of r.folderCycles) console.log(`  ${c.folders.join(' ↔ ')}\n${c.edges.map((e) => `    ${edge(e)}`).join('\n')}`);
console.log(`upward imports (or into a folder in no layer): ${r.violations.length}`);
for (const e of r.violations) console.log(`  ${edge(e)}`);
console.log(`relative .js paths that name no module: ${r.unresolved.length}${r.unresolved.map((u) => `\n  ${u.from}: ${u.spec}`).join('')}`);
console.log(`modules over 200 lines: ${r.longModules.length}${r.longModules.map((m) => `\n  ${m.file} (${m.lines})`).join('')}`);
console.log(`functions over 60 lines: ${r.longFunctions.length}${r.longFunctions.map((f) => `\n  ${f.file}:${f.line} ${f.name} (${f.lines} lines${f.explained ? ', commented' : ''})`).join('')}`);
process.exitCode = r.cycles.length + r.folderCycles.length + r.violations.length + r.unresolved.length > 0 ? 1 : 0;
