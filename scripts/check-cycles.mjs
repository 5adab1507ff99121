// Import cycles in plugins/*/src, with madge (https://github.com/pahen/madge):
//  - between files (madge --circular), tests included;
//  - between the top-level folders of a package's src/ (service/ → status/ →
//    service/ is a cycle even when no single file cycle exists), production
//    files only: tests and their fixtures may import from anywhere.
// Prints each cycle with one import per arrow and exits 1 when any exists.
import fs from 'node:fs';
import path from 'node:path';
import madge from 'madge';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const TEST_FILE =
  /\.test\.tsx?$|(^|\/)__(testUtils|fixtures|mocks)__\/|(^|\/)setupTests\.tsx?$/;

/** Strongly connected components with more than one node (Tarjan). */
export function folderCycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let next = 0;
  const visit = v => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) === index.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) cycles.push(scc.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** folder → (imported folder → one example "file → file"). */
export function folderEdges(graph) {
  const folderOf = file => (file.includes('/') ? file.split('/')[0] : null);
  const edges = new Map();
  for (const [from, deps] of Object.entries(graph)) {
    const a = folderOf(from);
    if (!a || TEST_FILE.test(from)) continue;
    for (const to of deps) {
      const b = folderOf(to);
      if (!b || b === a || to.startsWith('..')) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a).has(b)) edges.get(a).set(b, `${from} → ${to}`);
    }
  }
  return edges;
}

async function main() {
  const dirs = fs
    .readdirSync(path.join(root, 'plugins'))
    .map(p => path.join('plugins', p, 'src'))
    .filter(d => fs.existsSync(path.join(root, d)))
    .sort();
  let problems = 0;
  for (const dir of dirs) {
    const result = await madge(path.join(root, dir), {
      fileExtensions: ['ts', 'tsx'],
      tsConfig: path.join(root, 'tsconfig.json'),
      excludeRegExp: [/\.d\.ts$/],
    });
    // madge follows workspace imports into other packages; their cycles are
    // reported with their own package
    const files = result
      .circular()
      .filter(c => !c.some(f => f.startsWith('..')));
    for (const cycle of files) {
      problems++;
      console.log(`${dir}: file cycle ${[...cycle, cycle[0]].join(' → ')}`);
    }
    const edges = folderEdges(result.obj());
    for (const scc of folderCycles(edges)) {
      problems++;
      const arrows = scc.flatMap(a =>
        scc
          .filter(b => edges.get(a)?.has(b))
          .map(b => `    ${a}/ → ${b}/: ${edges.get(a).get(b)}`),
      );
      console.log(
        `${dir}: folder cycle among ${scc
          .map(f => `${f}/`)
          .join(', ')}\n${arrows.join('\n')}`,
      );
    }
    console.log(
      `${dir}: ${Object.keys(result.obj()).length} files, ${
        files.length
      } file cycles`,
    );
  }
  console.log(problems ? `${problems} import cycles` : 'no import cycles');
  process.exit(problems ? 1 : 0);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
