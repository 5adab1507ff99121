/**
 * Writing a rendered repository without losing anything. The target must be
 * missing, empty, or an earlier render of the same cluster (see
 * `ownershipOf`); anything else is refused before a byte is written. The
 * complete new tree — the rendered files, `.cilium-gitops/manifest.json`
 * listing them, and every file of the old tree that cilium-gitops did not
 * generate (hand-made files, `.git`), hard-linked — is built in a folder
 * beside the target and then renamed into place, so a failure or crash
 * mid-write leaves the old tree as it was. Unchanged generated files keep
 * their inode (they are linked, not rewritten). A new target is one rename;
 * an empty existing one (it may be the working directory) is filled in place.
 * Only generated files listed in the old manifest (or, in a render made before
 * manifests, carrying this cluster's header) are ever replaced or removed.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import {
  MANIFEST_PATH,
  clusterOfGenerated,
  ownershipOf,
  repoTree,
} from './manifest';
import {
  carryOver,
  linkOrCopy,
  makeStaging,
  recoverInterruptedSwap,
  swapInto,
} from './swap';
import type { RenderedRepo } from './types';

export interface WriteResult {
  /** Absolute path of the written repository. */
  outDir: string;
  written: string[];
  removed: string[];
  /** The folder was replaced by the new tree (a shell inside it must `cd "$PWD"`). */
  replaced?: boolean;
}

export interface WriteOptions {
  /** The cluster rendered; by default the one the generated headers name. */
  cluster?: string;
}

function assertSafePath(file: string) {
  if (
    file.startsWith('/') ||
    file.split('/').some(p => p === '..' || p === '')
  ) {
    throw new Error(`refusing to write outside the repository: ${file}`);
  }
  if (file === MANIFEST_PATH || file.startsWith('.cilium-gitops/')) {
    throw new Error(
      `refusing to write ${file}: .cilium-gitops/ is the render manifest's folder`,
    );
  }
}

function clusterOf(repo: RenderedRepo): string {
  for (const file of repo.files) {
    const cluster = clusterOfGenerated(file.content);
    if (cluster) return cluster;
  }
  throw new Error(
    'cannot tell which cluster the rendered files are of (no generated header names one)',
  );
}

/** Each directory the files need, once (a fleet writes ~67 files per cluster). */
async function makeDirs(root: string, files: string[]) {
  const dirs = new Set(files.map(f => path.posix.dirname(f)));
  for (const dir of [...dirs].sort()) {
    if (dir !== '.') await fs.mkdir(path.join(root, dir), { recursive: true });
  }
}

async function readIfPresent(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}

export async function writeRenderedRepo(
  repo: RenderedRepo,
  outDir: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const written = repo.files.map(f => f.path);
  written.forEach(assertSafePath);
  const cluster = options.cluster ?? clusterOf(repo);
  const target = path.resolve(outDir);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await recoverInterruptedSwap(target);
  const owner = await ownershipOf(target, cluster);
  const previous = owner.kind === 'render' ? owner.generated : [];
  const staging = await makeStaging(target);
  try {
    await makeDirs(staging, written);
    for (const file of repo.files) {
      const dst = path.join(staging, file.path);
      const src = path.join(target, file.path);
      // Scripts are always rewritten, to restore their mode.
      const unchanged =
        !file.path.endsWith('.sh') &&
        previous.includes(file.path) &&
        (await readIfPresent(src)) === file.content;
      if (unchanged) await linkOrCopy(src, dst);
      else {
        await fs.writeFile(dst, file.content, {
          mode: file.path.endsWith('.sh') ? 0o755 : 0o644,
        });
      }
    }
    if (owner.kind === 'render') {
      await carryOver(
        target,
        staging,
        new Set([...previous, ...written, MANIFEST_PATH]),
      );
    }
    await fs.mkdir(path.join(staging, path.dirname(MANIFEST_PATH)), {
      recursive: true,
    });
    const manifest = repoTree(repo, cluster).at(-1)!;
    await fs.writeFile(path.join(staging, manifest.path), manifest.content);
    if (owner.kind === 'missing') {
      await fs.rename(staging, target);
    } else if (owner.kind === 'empty') {
      for (const entry of await fs.readdir(staging)) {
        await fs.rename(path.join(staging, entry), path.join(target, entry));
      }
    } else {
      await swapInto(staging, target);
    }
    const keep = new Set(written);
    const removed = previous.filter(file => !keep.has(file)).sort();
    return {
      outDir: target,
      written,
      removed,
      replaced: owner.kind === 'render',
    };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
