/**
 * Replacing a directory by a staged one: the new tree is built completely in
 * a folder beside the target, then the target is renamed aside and the staged
 * folder renamed into its place. Until the first rename the old tree is
 * untouched; between the two renames (microseconds) it sits complete under
 * its `.old` name and the next render puts it back (`recoverInterruptedSwap`).
 */
import { promises as fs } from 'fs';
import * as path from 'path';

function prefix(target: string, kind: 'new' | 'old'): string {
  return `.${path.basename(target)}.cilium-gitops-${kind}-`;
}

/** A fresh staging folder beside `target` (same filesystem, so renames are atomic). */
export function makeStaging(target: string): Promise<string> {
  return fs.mkdtemp(path.join(path.dirname(target), prefix(target, 'new')));
}

/**
 * Repairs what a crash during a swap left: a missing target with its old tree
 * set aside is put back; set-aside trees of a finished swap are removed.
 */
export async function recoverInterruptedSwap(target: string): Promise<void> {
  const parent = path.dirname(target);
  let entries: string[];
  try {
    entries = await fs.readdir(parent);
  } catch {
    return;
  }
  const old = entries.filter(e => e.startsWith(prefix(target, 'old')));
  if (old.length === 0) return;
  const targetExists = entries.includes(path.basename(target));
  for (const [i, name] of old.entries()) {
    if (!targetExists && i === 0) {
      await fs.rename(path.join(parent, name), target);
    } else {
      await fs.rm(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Copies into `to` everything under `from` except the relative paths in
 * `skip`: files as hard links (no data copied; a copy across devices),
 * symlinks as symlinks, dot-folders like `.git` included.
 */
export async function carryOver(
  from: string,
  to: string,
  skip: Set<string>,
): Promise<void> {
  async function walk(rel: string) {
    const entries = await fs.readdir(path.join(from, rel), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (skip.has(child)) continue;
      const src = path.join(from, child);
      const dst = path.join(to, child);
      if (entry.isDirectory()) {
        // A folder is made when something lands in it, or when it was empty
        // already: a folder that held only removed generated files goes.
        if ((await fs.readdir(src)).length === 0) {
          await fs.mkdir(dst, { recursive: true });
        }
        await walk(child);
        continue;
      }
      await fs.mkdir(path.dirname(dst), { recursive: true });
      if (entry.isSymbolicLink()) {
        await fs.symlink(await fs.readlink(src), dst);
      } else if (entry.isFile()) {
        await linkOrCopy(src, dst);
      } else {
        throw new Error(
          `cannot carry over ${src}: not a file, folder or symlink`,
        );
      }
    }
  }
  await walk('');
}

export async function linkOrCopy(src: string, dst: string): Promise<void> {
  try {
    await fs.link(src, dst);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM') throw error;
    await fs.copyFile(src, dst);
  }
}

/** Puts `staging` in place of `target` (which exists). */
export async function swapInto(staging: string, target: string): Promise<void> {
  const old = await fs.mkdtemp(
    path.join(path.dirname(target), prefix(target, 'old')),
  );
  await fs.rmdir(old);
  await fs.rename(target, old);
  try {
    await fs.rename(staging, target);
  } catch (error) {
    await fs.rename(old, target);
    throw error;
  }
  await fs.rm(old, { recursive: true, force: true });
}
