/**
 * A branch head of a bare repository read with isomorphic-git: every file's
 * text, and the tree objects, so a commit can rewrite only what changed.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { NotFoundError } from '@backstage/errors';
import { ObjectCache } from './objectCache';

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

const blobs = new ObjectCache<string>();
const trees = new ObjectCache<TreeEntry[]>();

/** Keeps what a commit just wrote, so the next read of the head finds it. */
export function rememberObject(oid: string, value: string | TreeEntry[]): void {
  if (typeof value === 'string') blobs.set(oid, value, value.length);
  else trees.set(oid, value, 100 * value.length);
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
    let tree = trees.get(oid);
    if (!tree) {
      tree = (await git.readTree({ fs, gitdir, oid, cache }))
        .tree as TreeEntry[];
      trees.set(oid, tree, 100 * tree.length);
    }
    dirs.set(dir, tree);
    await Promise.all(
      tree.map(async entry => {
        const path = dir ? `${dir}/${entry.path}` : entry.path;
        if (entry.type === 'tree') return walk(path, entry.oid);
        if (entry.type !== 'blob') return undefined;
        let text = blobs.get(entry.oid);
        if (text === undefined) {
          const { blob } = await git.readBlob({
            fs,
            gitdir,
            oid: entry.oid,
            cache,
          });
          text = Buffer.from(blob).toString('utf8');
          blobs.set(entry.oid, text, blob.byteLength);
        }
        files.set(path, text);
        return undefined;
      }),
    );
  };
  await walk('', commit.tree);
  return { head, files, dirs };
}
