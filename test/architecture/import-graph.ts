// The import graph of src/, read with the TypeScript compiler's parser (no program, no types):
// every edge a module has to another, whatever its kind, so a cycle or an upward import cannot
// hide behind `import type`, a dynamic import or a worker script.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export type EdgeKind = 'import' | 'type' | 'export' | 'dynamic' | 'typeof import' | 'url';

export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
}

/** A relative specifier that names no module: a mistyped import or worker URL. */
export interface Unresolved {
  from: string;
  spec: string;
}

export interface Module {
  file: string;
  lines: number;
  source: ts.SourceFile;
}

/** Layers from the top down; imports go down or stay within a rank. Top-level leaves are rank 0. */
export const LAYERS: readonly (readonly string[])[] = [
  ['cli.ts'],
  ['commands'],
  ['stream', 'summary'],
  ['render'],
  ['filter'],
  ['classify'],
  ['fields'],
  ['parse', 'catalog', 'input'],
  ['workers'],
];
const LEAVES = new Set(['errors.ts', 'io.ts', 'terminal-safe.ts']);
/** AssemblyScript, compiled by asc, not by tsc. */
const SKIPPED = ['input/wasm'];

export function readModules(root: string): Module[] {
  const out: Module[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split('\\').join('/');
      if (SKIPPED.includes(rel)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        out.push({ file: rel, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/**
 * Every edge from `m` to another module of `root` (specifiers name `.js` for `.ts` sources); a
 * `.js` specifier that names no module goes to `unresolved` (data files are not modules).
 */
export function edgesOf(m: Module, root: string, known: ReadonlySet<string>, unresolved: Unresolved[] = []): Edge[] {
  const edges: Edge[] = [];
  const add = (spec: string, kind: EdgeKind): void => {
    if (!spec.startsWith('.')) return;
    const target = relative(root, resolve(root, dirname(m.file), spec)).split('\\').join('/').replace(/\.js$/, '.ts');
    if (known.has(target)) edges.push({ from: m.file, to: target, kind });
    else if (spec.endsWith('.js') && !target.startsWith('../')) unresolved.push({ from: m.file, spec });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.importClause?.isTypeOnly ? 'type' : 'import');
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, 'export');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, 'typeof import');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, 'dynamic');
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [arg] = node.arguments ?? [];
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, 'url');
    }
    ts.forEachChild(node, visit);
  };
  visit(m.source);
  return edges;
}

/** The rank of a module's layer (0 for the top-level leaves), or null for a folder in no layer. */
export function rankOf(file: string): number | null {
  if (LEAVES.has(file)) return 0;
  const top = file.split('/')[0]!;
  const i = LAYERS.findIndex((layer) => layer.includes(top));
  return i === -1 ? null : LAYERS.length - i;
}

/** Edges to a higher layer, or from or into a folder that is in no layer. */
export function layerViolations(edges: readonly Edge[]): Edge[] {
  return edges.filter((e) => {
    const [from, to] = [rankOf(e.from), rankOf(e.to)];
    return from === null || to === null || to > from;
  });
}

/** Strongly connected components of more than one module (or a module importing itself), as cycles. */
export function cycles(files: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next.get(v)!.includes(v)) found.push(component.sort());
  };
  for (const f of files) if (!index.has(f)) connect(f);
  return found;
}

const folderOf = (file: string): string => (file.includes('/') ? file.split('/')[0]! : file);

/** Cycles between top-level folders: two layers of one rank may share, but only one way. */
export function folderCycles(edges: readonly Edge[]): { folders: string[]; edges: Edge[] }[] {
  const between = edges.filter((e) => folderOf(e.from) !== folderOf(e.to)).map((e) => ({ ...e, from: folderOf(e.from), to: folderOf(e.to) }));
  const folders = [...new Set(between.flatMap((e) => [e.from, e.to]))];
  return cycles(folders, between).map((group) => ({ folders: group, edges: edges.filter((e) => group.includes(folderOf(e.from)) && group.includes(folderOf(e.to)) && folderOf(e.from) !== folderOf(e.to)) }));
}

export interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
  /** a comment right above it, which may say why it is long */
  explained: boolean;
}

/** Functions, methods and arrow functions longer than `max` lines. */
export function longFunctions(m: Module, max: number): LongFunction[] {
  const out: LongFunction[] = [];
  const sf = m.source;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = sf.getLineAndCharacterOfPosition(node.end).line - start + 1;
      if (lines > max) {
        // `const f = () => …`, `f = () => …` in a class or `f: () => …`: the name and the comment belong to the declaration around it
        const owner = ts.isVariableDeclaration(node.parent) || ts.isPropertyDeclaration(node.parent) || ts.isPropertyAssignment(node.parent) ? node.parent : null;
        const name = 'name' in node && node.name ? node.name.getText(sf) : owner ? owner.name.getText(sf) : '(anonymous)';
        const commentAt = owner === null ? node.getFullStart() : ts.isVariableDeclaration(owner) ? owner.parent.parent.getFullStart() : owner.getFullStart();
        const explained = (ts.getLeadingCommentRanges(sf.text, commentAt) ?? []).length > 0;
        out.push({ file: m.file, line: start + 1, name, lines, explained });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export interface Report {
  modules: number;
  edges: number;
  cycles: { files: string[]; edges: Edge[] }[];
  /** folders of one rank that import each other (parse → catalog and catalog → parse), each with its edges */
  folderCycles: { folders: string[]; edges: Edge[] }[];
  violations: Edge[];
  unresolved: Unresolved[];
  longModules: { file: string; lines: number }[];
  longFunctions: LongFunction[];
}

export function checkImports(root: string, limits = { moduleLines: 200, functionLines: 60 }): Report {
  const modules = readModules(root);
  const known = new Set(modules.map((m) => m.file));
  const unresolved: Unresolved[] = [];
  const edges = modules.flatMap((m) => edgesOf(m, root, known, unresolved));
  return {
    modules: modules.length,
    edges: edges.length,
    cycles: cycles([...known], edges).map((files) => ({ files, edges: edges.filter((e) => files.includes(e.from) && files.includes(e.to)) })),
    folderCycles: folderCycles(edges),
    violations: layerViolations(edges),
    unresolved,
    longModules: modules.filter((m) => m.lines > limits.moduleLines).map((m) => ({ file: m.file, lines: m.lines })),
    longFunctions: modules.flatMap((m) => longFunctions(m, limits.functionLines)),
  };
}
