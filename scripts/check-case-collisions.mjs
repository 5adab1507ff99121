// Paths in git that differ only in letter case are one file on macOS and
// Windows: a checkout there loses one. Source files count without their
// extension, as imports name them: `./MeshGraph` finds meshGraph.ts there
// before MeshGraph.tsx. Checks every tracked file and every folder on the way
// to it; exits 1 on any.
import { execFileSync } from 'node:child_process';

const SOURCE_EXTENSION = /\.(d\.ts|tsx?|jsx?|mjs|cjs)$/;

/** Groups of paths (files or folders) that are equal when lower-cased. */
export function caseCollisions(files) {
  const byLower = new Map();
  const add = p => {
    const key = p.toLowerCase().replace(SOURCE_EXTENSION, '');
    if (!byLower.has(key)) byLower.set(key, new Set());
    byLower.get(key).add(p);
  };
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i <= parts.length; i++) add(parts.slice(0, i).join('/'));
  }
  // load.ts beside load/ is one name, not a case collision
  const names = group =>
    new Set([...group].map(p => p.replace(SOURCE_EXTENSION, '')));
  return [...byLower.values()]
    .filter(group => names(group).size > 1)
    .map(group => [...group].sort());
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  const groups = caseCollisions(files);
  for (const g of groups) console.log(`differ only in case: ${g.join(', ')}`);
  console.log(
    `${files.length} tracked files, ${groups.length} case-only collisions`,
  );
  process.exit(groups.length ? 1 : 0);
}
