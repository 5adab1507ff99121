import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { ConflictError, InputError } from '@backstage/errors';
import { walkFiles } from '@internal/cilium-gitops';
import type { GitIdentity } from './localPublishConfig';

/** What is at a bare repository path before publishing. */
export interface BareRepoState {
  /** The path exists and holds something. */
  exists: boolean;
  /** Commit the branch points to, if the repository has one. */
  head?: string;
}

export async function inspectBareRepo(
  gitdir: string,
  branch: string,
): Promise<BareRepoState> {
  let entries: string[];
  try {
    entries = await fs.promises.readdir(gitdir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return { exists: false };
    }
    throw e;
  }
  if (entries.length === 0) {
    return { exists: false };
  }
  try {
    const head = await git.resolveRef({
      fs,
      gitdir,
      ref: `refs/heads/${branch}`,
    });
    return { exists: true, head };
  } catch {
    return { exists: true };
  }
}

/** Files under `dir` as sorted POSIX paths, without `.git` folders. */
export function listFiles(dir: string): Promise<string[]> {
  return walkFiles(dir, {
    enterDir: name => name !== '.git',
    keepFile: entry => entry.isFile() || entry.isSymbolicLink(),
  });
}

export interface CommitToBareRepoOptions {
  /** Folder whose files become the tree of the commit. */
  sourceDir: string;
  /** The bare repository; created when missing. */
  gitdir: string;
  branch: string;
  message: string;
  author: GitIdentity;
  committer: GitIdentity;
  /** Commit on top of an existing repository's branch instead of refusing. */
  force: boolean;
}

export interface CommitResult {
  commitHash: string;
  files: string[];
  /** The commit's parent, when an existing branch was updated. */
  parent?: string;
}

/**
 * Throws unless publishing to `gitdir` is allowed: a missing or empty path,
 * or (with `force`) an existing bare repository.
 */
export function assertPublishable(
  state: BareRepoState,
  gitdir: string,
  force: boolean,
): void {
  if (!state.exists) {
    return;
  }
  if (!force) {
    throw new ConflictError(
      `Repository ${gitdir} already exists and is not empty; choose another repoName or set force: true to commit on top of it`,
    );
  }
  if (!fs.existsSync(path.join(gitdir, 'HEAD'))) {
    throw new ConflictError(
      `${gitdir} exists but is not a bare git repository; refusing to touch it`,
    );
  }
}

/**
 * Commits every file of `sourceDir` (and nothing else) to `branch` of the
 * bare repository `gitdir`, creating it when missing. The tree of the new
 * commit equals the folder exactly: files of an earlier commit that are no
 * longer in the folder are gone from it.
 */
export async function commitToBareRepo(
  options: CommitToBareRepoOptions,
): Promise<CommitResult> {
  return withRepoLock(options.gitdir, () => commitUnlocked(options));
}

/** Publishes to one repository at a time within this process. */
const repoLocks = new Map<string, Promise<unknown>>();

async function withRepoLock<T>(gitdir: string, fn: () => Promise<T>) {
  const previous = repoLocks.get(gitdir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  repoLocks.set(gitdir, run);
  try {
    return await run;
  } finally {
    if (repoLocks.get(gitdir) === run) repoLocks.delete(gitdir);
  }
}

async function commitUnlocked(
  options: CommitToBareRepoOptions,
): Promise<CommitResult> {
  const { sourceDir, gitdir, branch, force } = options;
  const files = await listFiles(sourceDir);
  if (files.length === 0) {
    throw new InputError(`Nothing to publish: ${sourceDir} holds no files`);
  }
  const state = await inspectBareRepo(gitdir, branch);
  assertPublishable(state, gitdir, force);
  if (state.exists) {
    const commitHash = await commitFiles(options, gitdir, files, state.head);
    return { commitHash, files, parent: state.head };
  }
  // A new repository is made complete in a folder beside its place and then
  // renamed into it: a failure leaves nothing behind (a retry starts clean),
  // and of two publishes racing for one name the second rename fails.
  await fs.promises.mkdir(path.dirname(gitdir), { recursive: true });
  const staging = await fs.promises.mkdtemp(
    path.join(path.dirname(gitdir), `.${path.basename(gitdir)}.publishing-`),
  );
  try {
    await git.init({ fs, gitdir: staging, bare: true, defaultBranch: branch });
    const commitHash = await commitFiles(options, staging, files, undefined);
    try {
      // rename(2) replaces an empty folder but never a non-empty one.
      await fs.promises.rename(staging, gitdir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') {
        throw new ConflictError(
          `Repository ${gitdir} already exists: another publish of that name finished first; choose another repoName or set force: true to commit on top of it`,
        );
      }
      throw e;
    }
    return { commitHash, files };
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}

/** Commits exactly the files of `sourceDir` to `branch` of the bare repo `gitdir`. */
async function commitFiles(
  options: CommitToBareRepoOptions,
  gitdir: string,
  files: string[],
  parent: string | undefined,
): Promise<string> {
  const { sourceDir, branch, message, author, committer } = options;
  // A fresh index, so the commit holds exactly the files of sourceDir.
  const indexPath = path.join(gitdir, 'index');
  await fs.promises.rm(indexPath, { force: true });
  try {
    await git.add({ fs, dir: sourceDir, gitdir, filepath: files, force: true });
    return await git.commit({
      fs,
      dir: sourceDir,
      gitdir,
      ref: `refs/heads/${branch}`,
      message,
      author,
      committer,
      parent: parent ? [parent] : [],
    });
  } finally {
    // A bare repository has no working tree and so no index.
    await fs.promises.rm(indexPath, { force: true });
  }
}
