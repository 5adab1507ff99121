/**
 * A branch head of a bare repository read with isomorphic-git: every file's
 * text, and the tree objects, so a commit can rewrite only what changed.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { NotFoundError } from '@backstage/errors';

export interface TreeEntry {
  mode: string;
  path: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

export interface HeadTree {
  /** The commit the branch points to. */
  head: string;
  /** path → text of every file. */
  files: Map<string, string>;
  /** Directory ('' for the root) → its entries. */
  dirs: Map<string, TreeEntry[]>;
}

/** isomorphic-git's object cache, shared by the reads of one operation. */
export type GitCache = Record<string, unknown>;

export async function resolveHead(
  gitdir: string,
  branch: string,
): Promise<string> {
  try {
    return await git.resolveRef({ fs, gitdir, ref: `refs/heads/${branch}` });
  } catch {
    throw new NotFoundError(
      `${gitdir} has no branch ${branch}; is it a cluster repository published by cilium:publish:local?`,
    );
  }
}

export async function readHeadTree(
  gitdir: string,
  branch: string,
  cache: GitCache = {},
): Promise<HeadTree> {
  const head = await resolveHead(gitdir, branch);
  const { commit } = await git.readCommit({ fs, gitdir, oid: head, cache });
  const files = new Map<string, string>();
  const dirs = new Map<string, TreeEntry[]>();
  const walk = async (dir: string, oid: string) => {
    const { tree } = await git.readTree({ fs, gitdir, oid, cache });
    dirs.set(dir, tree as TreeEntry[]);
    await Promise.all(
      tree.map(async entry => {
        const path = dir ? `${dir}/${entry.path}` : entry.path;
        if (entry.type === 'tree') return walk(path, entry.oid);
        if (entry.type !== 'blob') return undefined;
        const { blob } = await git.readBlob({
          fs,
          gitdir,
          oid: entry.oid,
          cache,
        });
        files.set(path, Buffer.from(blob).toString('utf8'));
        return undefined;
      }),
    );
  };
  await walk('', commit.tree);
  return { head, files, dirs };
}
