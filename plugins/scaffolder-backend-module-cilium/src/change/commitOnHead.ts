/**
 * A fast-forward commit on top of a known head of a bare repository: only
 * the changed blobs and the trees above them are written, then the branch
 * moves from exactly that head to the new commit, under git's own ref lock
 * (`refs/heads/<branch>.lock`, created exclusively), so neither another
 * change of this process nor a `git push` into the repository is lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { ConflictError } from '@backstage/errors';
import type { GitIdentity } from '../local/localPublishConfig';
import {
  type GitCache,
  type HeadTree,
  type TreeEntry,
  rememberObject,
} from './headTree';

export interface CommitOnHeadOptions {
  gitdir: string;
  branch: string;
  base: HeadTree;
  /** path → new text, or null to delete. */
  writes: ReadonlyMap<string, string | null>;
  message: string;
  author: GitIdentity;
  committer: GitIdentity;
  cache?: GitCache;
}

/** Entries in git's tree order (directories compare as if followed by "/"). */
function sorted(entries: TreeEntry[]): TreeEntry[] {
  const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.path}/` : e.path);
  return [...entries].sort((a, b) => byCodeUnits(key(a), key(b)));
}

function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A new file's mode: scripts executable. */
function newFileMode(file: string): string {
  return file.endsWith('.sh') ? '100755' : '100644';
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

async function writeTrees(options: CommitOnHeadOptions): Promise<string> {
  const { gitdir, base, writes } = options;
  const dirs = new Map<string, TreeEntry[]>();
  const entriesOf = (dir: string): TreeEntry[] => {
    let entries = dirs.get(dir);
    if (!entries) {
      entries = [...(base.dirs.get(dir) ?? [])];
      dirs.set(dir, entries);
      if (dir !== '') entriesOf(parentOf(dir));
    }
    return entries;
  };
  for (const [file, content] of writes) {
    const entries = entriesOf(parentOf(file));
    const name = baseName(file);
    const at = entries.findIndex(e => e.path === name);
    if (content === null) {
      if (at >= 0) entries.splice(at, 1);
      continue;
    }
    const oid = await git.writeBlob({
      fs,
      gitdir,
      blob: Buffer.from(content, 'utf8'),
    });
    rememberObject(oid, content);
    const mode = at >= 0 ? entries[at].mode : newFileMode(file);
    const entry: TreeEntry = { mode, path: name, oid, type: 'blob' };
    if (at >= 0) entries[at] = entry;
    else entries.push(entry);
  }
  // Deepest first, so each parent gets its children's new ids.
  const depth = (d: string) => (d === '' ? 0 : d.split('/').length);
  const order = [...dirs.keys()].sort(
    (a, b) => depth(b) - depth(a) || (a < b ? -1 : 1),
  );
  let root = '';
  for (const dir of order) {
    const entries = dirs.get(dir)!;
    const parent = dir === '' ? undefined : entriesOf(parentOf(dir));
    if (parent) {
      const at = parent.findIndex(e => e.path === baseName(dir));
      if (entries.length === 0) {
        if (at >= 0) parent.splice(at, 1);
        continue;
      }
      const oid = await git.writeTree({ fs, gitdir, tree: entries });
      rememberObject(oid, sorted(entries));
      const entry: TreeEntry = {
        mode: '040000',
        path: baseName(dir),
        oid,
        type: 'tree',
      };
      if (at >= 0) parent[at] = entry;
      else parent.push(entry);
    } else {
      root = await git.writeTree({ fs, gitdir, tree: entries });
      rememberObject(root, sorted(entries));
    }
  }
  return root;
}

/** Moves `refs/heads/<branch>` from `from` to `to`, or throws a ConflictError. */
export async function compareAndSwapRef(
  gitdir: string,
  branch: string,
  from: string,
  to: string,
): Promise<void> {
  const ref = path.join(gitdir, 'refs', 'heads', ...branch.split('/'));
  const lock = `${ref}.lock`;
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(lock, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new ConflictError(
        `${branch} of ${gitdir} is being updated by someone else (${lock} exists); nothing was committed, try again`,
      );
    throw e;
  }
  let renamed = false;
  try {
    const current = await git
      .resolveRef({ fs, gitdir, ref: `refs/heads/${branch}` })
      .catch(() => undefined);
    if (current !== from)
      throw new ConflictError(
        `${branch} of ${gitdir} moved from ${from.slice(0, 7)} to ${
          current?.slice(0, 7) ?? 'nothing'
        } since this change was prepared; nothing was committed (no force): preview the change again on the new head`,
      );
    await handle.writeFile(`${to}\n`);
    await handle.close();
    await fs.promises.rename(lock, ref);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => undefined);
      await fs.promises.rm(lock, { force: true });
    }
  }
}

/** Writes the commit and fast-forwards the branch to it; returns its id. */
export async function commitOnHead(
  options: CommitOnHeadOptions,
): Promise<string> {
  const { gitdir, branch, base, message, author, committer } = options;
  const tree = await writeTrees(options);
  const now = Math.floor(Date.now() / 1000);
  const offset = new Date().getTimezoneOffset();
  const commit = await git.writeCommit({
    fs,
    gitdir,
    commit: {
      message: message.endsWith('\n') ? message : `${message}\n`,
      tree,
      parent: [base.head],
      author: { ...author, timestamp: now, timezoneOffset: offset },
      committer: { ...committer, timestamp: now, timezoneOffset: offset },
    },
  });
  await compareAndSwapRef(gitdir, branch, base.head, commit);
  return commit;
}
