/**
 * No import circle in src/, taskpane/ or functions/ (issue #24). A circle makes a module's value
 * depend on which file of the circle is loaded first, and a reader cannot tell which layer a file
 * belongs to. The import and export statements are read as text — runtime and `import type` alike,
 * since a type-only circle is the same tangle for a reader — and the circles, if any, are named
 * file by file. Dynamic `import()` is left out: it loads on demand and cannot close a circle at
 * start-up (the pane's lazy chunks use it on purpose).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
const AREAS = ['src', 'taskpane', 'functions'];

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/**
 * The module specifiers of a file's static imports and re-exports: `import … from 'x'`,
 * `import 'x'`, `import type … from 'x'`, `export … from 'x'`, `export * from 'x'`. Comments are
 * removed first so that an example in a comment is not read as an import.
 */
export function specifiersOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const specifiers: string[] = [];
  const statement = /(?:^|[;}\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (let match = statement.exec(code); match !== null; match = statement.exec(code)) specifiers.push(match[1] as string);
  return specifiers;
}

/** The file a relative specifier names, or null for a package (or a file that is not TypeScript). */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

/** Every circle of the graph: each strongly connected component of more than one file (or a file importing itself). */
function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  // Iterative Tarjan: the graph has hundreds of files, deeper than a comfortable recursion.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges.includes(frame.node)) found.push(component);
      }
    }
  }
  return found;
}

/** One concrete circle through a component, as "a → b → … → a", for the failure message. */
function pathThrough(component: readonly string[], graph: Map<string, string[]>): string {
  const inside = new Set(component);
  const start = [...component].sort()[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const target of graph.get(node) ?? []) {
      if (!inside.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
        return [...path, start].map((file) => relative(ROOT, file)).join(' → ');
      }
      if (!seen.has(target)) {
        seen.add(target);
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return component.map((file) => relative(ROOT, file)).join(', ');
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const area of AREAS) {
    for (const file of sourceFiles(join(ROOT, area))) {
      const targets = specifiersOf(readFileSync(file, 'utf8'))
        .map((specifier) => resolveSpecifier(file, specifier))
        .filter((target): target is string => target !== null);
      graph.set(file, [...new Set(targets)]);
    }
  }
  return graph;
}

describe('imports', () => {
  it('reads runtime, type-only, side-effect and re-export statements, not comments or dynamic imports', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "import './c';",
      "export { d } from './d';",
      "export * from './e';",
      "export type { F } from './f';",
      'import {\n  g,\n  type G,\n} from "./g";',
      "// import { x } from './x';",
      "/* import { y } from './y'; */",
      "const lazy = () => import('./lazy');",
      "const s = 'import { z } from ./z';",
    ].join('\n');
    expect(specifiersOf(source)).toEqual(['./a', '../b', './c', './d', './e', './f', './g']);
  });

  it('finds a circle in a small graph', () => {
    const graph = new Map([
      ['/a', ['/b']],
      ['/b', ['/c']],
      ['/c', ['/a', '/d']],
      ['/d', []],
    ]);
    expect(circles(graph).map((component) => [...component].sort())).toEqual([['/a', '/b', '/c']]);
  });

  it('has no import circle in src/, taskpane/ or functions/', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(50);
    const named = circles(graph).map((component) => pathThrough(component, graph));
    expect(named).toEqual([]);
  });
});
