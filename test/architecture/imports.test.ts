import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkImports } from './import-graph.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('the import graph of src/', () => {
  const report = checkImports(SRC);

  test('has no import cycle, type-only and dynamic imports included', () => {
    assert.deepEqual(report.cycles.map((c) => c.files), []);
  });

  test('no two folders import each other (parse, catalog and input share a rank, one way only)', () => {
    assert.deepEqual(report.folderCycles.map((c) => c.folders), []);
  });

  test('every relative .js path names a module (a mistyped worker URL would fail only at run time)', () => {
    assert.deepEqual(report.unresolved, []);
  });

  test('imports only downward: commands → stream/summary → render → filter → classify → fields → parse/catalog/input → workers', () => {
    assert.deepEqual(report.violations.map((e) => `${e.from} → ${e.to} (${e.kind})`), []);
  });
});

// The check itself must be able to fail: a small tree with every kind of edge it claims to see.
describe('the checker, on a tree made to break the rules', () => {
  const root = mkdtempSync(join(tmpdir(), 'asalog-imports-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string): void => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('parse/a.ts', "import type { B } from './b.js';\nexport type A = B;\n");
  write('parse/b.ts', "export type B = number;\nexport const load = () => import('./a.js');\n");
  write('parse/up.ts', "import { render } from '../render/view.js';\nexport const x = render;\n");
  write('render/view.ts', "export const render = 1;\n");
  write('input/in.ts', "import { c } from '../catalog/c.js';\nexport const i = c;\n");
  write('catalog/c.ts', "export const c = 1;\n");
  write('catalog/d.ts', "import { i } from '../input/in.js';\nexport const d = i;\n");
  write('workers/pool.ts', "export const thread = new URL('./thread.js', import.meta.url);\n");
  write('workers/thread.ts', "export type T = typeof import('./pool.js');\n");
  write('stray/x.ts', "export const y = 1;\n");
  write('cli.ts', "import { y } from './stray/x.js';\nexport const z = y;\nexport const w = new URL('./workers/thraed.js', import.meta.url);\n");
  write('parse/long.ts', `// long on purpose: a table\nexport const table = () => [\n${'  1,\n'.repeat(70)}];\n`);
  const report = checkImports(root);

  test('finds a cycle of a type import and a dynamic import, and one of a worker URL and typeof import', () => {
    assert.deepEqual(report.cycles.map((c) => c.files), [['parse/a.ts', 'parse/b.ts'], ['workers/pool.ts', 'workers/thread.ts']]);
    assert.deepEqual(report.cycles[0]!.edges.map((e) => e.kind).sort(), ['dynamic', 'type']);
    assert.deepEqual(report.cycles[1]!.edges.map((e) => e.kind).sort(), ['typeof import', 'url']);
  });

  test('finds two folders of one rank that import each other, though no module is in a cycle', () => {
    assert.deepEqual(report.folderCycles.map((c) => c.folders.sort()), [['catalog', 'input']]);
  });

  test('finds a path to no module, and names a long arrow function by its declaration and comment', () => {
    assert.deepEqual(report.unresolved, [{ from: 'cli.ts', spec: './workers/thraed.js' }]);
    assert.deepEqual(report.longFunctions.map((f) => [f.file, f.name, f.explained]), [['parse/long.ts', 'table', true]]);
  });

  test('finds an upward import and an import into a folder in no layer', () => {
    assert.deepEqual(report.violations.map((e) => `${e.from} → ${e.to}`).sort(), ['cli.ts → stray/x.ts', 'parse/up.ts → render/view.ts']);
  });
});
