// One major of each library: every workspace that declares a dependency
// (dependencies, devDependencies, peerDependencies) asks for the same major,
// so the tree does not carry two testing-library or zod majors side by side.
// Exits 1 and names the packages when two workspaces disagree.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'];

/** `^16.3.0` → `16`, `~0.19.0` → `0.19` (a 0.x minor is a major), else null. */
export function majorOf(range) {
  const m = /^[\^~]?(\d+)\.(\d+)/.exec(range);
  if (!m) return null;
  return m[1] === '0' ? `0.${m[2]}` : m[1];
}

/** name → major → workspaces asking for it, for names with two or more majors. */
export function conflictingMajors(manifests) {
  const byName = new Map();
  for (const [workspace, manifest] of manifests) {
    for (const field of FIELDS) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        const major = majorOf(range);
        // workspace:^, npm:, git URLs; `^17 || ^18` peer ranges accept several
        if (major === null || range.includes('||')) continue;
        if (!byName.has(name)) byName.set(name, new Map());
        const majors = byName.get(name);
        if (!majors.has(major)) majors.set(major, new Set());
        majors.get(major).add(workspace);
      }
    }
  }
  return [...byName].filter(([, majors]) => majors.size > 1);
}

function workspaces() {
  const { workspaces: globs } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dirs = ['.'];
  for (const glob of globs) {
    if (!glob.endsWith('/*')) dirs.push(glob);
    else {
      const parent = glob.slice(0, -2);
      for (const d of fs.readdirSync(path.join(root, parent))) dirs.push(`${parent}/${d}`);
    }
  }
  return dirs
    .filter(d => fs.existsSync(path.join(root, d, 'package.json')))
    .map(d => [d, JSON.parse(fs.readFileSync(path.join(root, d, 'package.json'), 'utf8'))]);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const conflicts = conflictingMajors(workspaces());
  for (const [name, majors] of conflicts) {
    const where = [...majors].map(([major, ws]) => `${major} in ${[...ws].join(', ')}`);
    console.log(`${name}: two majors: ${where.join('; ')}`);
  }
  console.log(`${conflicts.length} libraries declared with more than one major`);
  process.exit(conflicts.length ? 1 : 0);
}
