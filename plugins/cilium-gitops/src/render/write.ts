/**
 * Writing a rendered repository. Everything is first written into a
 * temporary folder beside the target; only when that succeeded are files
 * moved into place. A new target is one rename. In an existing target, even
 * an empty one (it may be someone's working directory), or `--out .` inside
 * the cluster repository next to `.git` and `cluster.yaml`, each changed file
 * is renamed into place (unchanged generated files are left as they are) and
 * generated files the
 * new render no longer has are removed; files without the generated header
 * are never touched.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { readGeneratedFiles } from './existing';
import type { RenderedRepo } from './types';

export interface WriteResult {
  /** Absolute path of the written repository. */
  outDir: string;
  written: string[];
  removed: string[];
}

function assertSafePath(file: string) {
  if (
    file.startsWith('/') ||
    file.split('/').some(p => p === '..' || p === '')
  ) {
    throw new Error(`refusing to write outside the repository: ${file}`);
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** Each directory the files need, once (a fleet writes ~67 files per cluster). */
async function makeDirs(root: string, files: string[]) {
  const dirs = new Set(files.map(f => path.posix.dirname(f)));
  for (const dir of [...dirs].sort()) {
    if (dir !== '.') await fs.mkdir(path.join(root, dir), { recursive: true });
  }
}

export async function writeRenderedRepo(
  repo: RenderedRepo,
  outDir: string,
): Promise<WriteResult> {
  const written = repo.files.map(f => f.path);
  written.forEach(assertSafePath);
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const targetExists = await exists(target);
  const previous = targetExists
    ? await readGeneratedFiles(target)
    : new Map<string, string>();
  // In an existing repository, a generated file whose content is unchanged
  // stays as it is (scripts are always rewritten, to restore their mode).
  const changed = repo.files.filter(
    f => f.path.endsWith('.sh') || previous.get(f.path) !== f.content,
  );
  const staging = await fs.mkdtemp(
    path.join(parent, `.${path.basename(target)}.cilium-gitops-`),
  );
  try {
    await makeDirs(
      staging,
      changed.map(f => f.path),
    );
    for (const file of changed) {
      await fs.writeFile(path.join(staging, file.path), file.content, {
        mode: file.path.endsWith('.sh') ? 0o755 : 0o644,
      });
    }
    if (!targetExists) {
      await fs.rename(staging, target);
      return { outDir: target, written, removed: [] };
    }
    await makeDirs(
      target,
      changed.map(f => f.path),
    );
    for (const file of changed) {
      await fs.rename(
        path.join(staging, file.path),
        path.join(target, file.path),
      );
    }
    const keep = new Set(written);
    const removed = [...previous.keys()].filter(file => !keep.has(file));
    for (const file of removed) {
      await fs.rm(path.join(target, file));
      await removeEmptyParents(target, path.dirname(file));
    }
    return { outDir: target, written, removed };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

async function removeEmptyParents(root: string, rel: string) {
  let dir = rel;
  while (dir && dir !== '.') {
    const abs = path.join(root, dir);
    if ((await fs.readdir(abs)).length > 0) return;
    await fs.rmdir(abs);
    dir = path.dirname(dir);
  }
}
