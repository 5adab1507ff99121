import fs from 'node:fs';
import path from 'node:path';
import git, { ReadCommitResult, TREE, WalkerEntry } from 'isomorphic-git';
import {
  GIT_HISTORY_LIMIT,
  GitCommitInfo,
} from '@internal/plugin-cilium-common';
import {
  isYaml,
  MAX_FILES_PER_COMMIT,
  MAX_YAML_BYTES,
  MAX_YAML_FILES,
  RepoFile,
  RepoSnapshot,
} from './types';

/** Thrown when the local repository does not exist (yet). */
export class LocalRepoMissingError extends Error {
  constructor(name: string) {
    super(
      `No local repository ${name} (publish the cluster with the Cilium cluster template, or set cilium.clusters[].git)`,
    );
    this.name = 'LocalRepoMissingError';
  }
}

/**
 * What a commit hash names never changes: snapshots by head and commit
 * details by hash are kept (a few, least recently used out first), so a
 * read whose head did not move only resolves the branch.
 */
class Kept<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly max: number) {}
  get(key: string): T | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: T) {
    this.map.delete(key);
    this.map.set(key, value);
    for (const oldest of this.map.keys()) {
      if (this.map.size <= this.max) break;
      this.map.delete(oldest);
    }
  }
}
const snapshots = new Kept<RepoSnapshot>(8);
const commitDetails = new Kept<GitCommitInfo>(1000);

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function throwIfAborted(signal: AbortSignal) {
  if (signal.aborted) throw signal.reason;
}

/**
 * Reads a bare repository on this host with isomorphic-git: the branch's
 * head, its YAML files and the last commits with the files each changed.
 * Errors name the repository by its folder name only.
 */
export async function readLocalRepo(
  gitdir: string,
  branch: string,
  signal: AbortSignal,
  webUrl?: string,
): Promise<RepoSnapshot> {
  const name = path.basename(gitdir);
  if (!fs.existsSync(path.join(gitdir, 'HEAD'))) {
    throw new LocalRepoMissingError(name);
  }
  const cache = {};
  let head: string;
  try {
    head = await git.resolveRef({ fs, gitdir, ref: `refs/heads/${branch}` });
  } catch {
    throw new Error(`Repository ${name} has no branch ${branch}`);
  }
  const snapshotKey = `${gitdir}\0${branch}\0${head}\0${webUrl ?? ''}`;
  const kept = snapshots.get(snapshotKey);
  if (kept) return kept;
  const commits = await git.log({
    fs,
    gitdir,
    ref: head,
    depth: GIT_HISTORY_LIMIT,
    cache,
  });
  throwIfAborted(signal);
  const manifests = await yamlFiles(gitdir, head, cache, signal);
  const history: GitCommitInfo[] = [];
  for (const c of commits) {
    throwIfAborted(signal);
    history.push(await commitInfo(gitdir, c, cache, webUrl));
  }
  const snapshot: RepoSnapshot = {
    repo: {
      kind: 'local',
      name: name.replace(/\.git$/, ''),
      branch,
      head,
      ...(webUrl ? { webUrl } : {}),
    },
    headTime: iso(commits[0].commit.committer.timestamp),
    manifests,
    history,
  };
  snapshots.set(snapshotKey, snapshot);
  return snapshot;
}

async function yamlFiles(
  gitdir: string,
  oid: string,
  cache: object,
  signal: AbortSignal,
): Promise<RepoFile[]> {
  const blobs: { path: string; entry: WalkerEntry }[] = [];
  await git.walk({
    fs,
    gitdir,
    cache,
    trees: [TREE({ ref: oid })],
    map: async (filepath, [entry]) => {
      if (!entry) return null;
      if ((await entry.type()) === 'blob' && isYaml(filepath)) {
        if (blobs.length < MAX_YAML_FILES)
          blobs.push({ path: filepath, entry });
      }
      return undefined;
    },
  });
  const out: RepoFile[] = [];
  for (const b of blobs) {
    throwIfAborted(signal);
    const content = await b.entry.content();
    if (!content || content.byteLength > MAX_YAML_BYTES) continue;
    out.push({ path: b.path, text: Buffer.from(content).toString('utf8') });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Paths whose blob differs between two trees (pruning equal subtrees). */
async function changedFiles(
  gitdir: string,
  oid: string,
  parent: string | undefined,
  cache: object,
): Promise<string[]> {
  const trees = parent
    ? [TREE({ ref: oid }), TREE({ ref: parent })]
    : [TREE({ ref: oid })];
  const files: string[] = [];
  await git.walk({
    fs,
    gitdir,
    cache,
    trees,
    map: async (filepath, [now, before]) => {
      if (filepath === '.') return undefined;
      const [a, b] = [await now?.oid(), await before?.oid()];
      if (a === b) return null; // same blob or same subtree: nothing changed below
      const type = (await now?.type()) ?? (await before?.type());
      if (type === 'blob') files.push(filepath);
      return undefined;
    },
  });
  return files.sort();
}

async function commitInfo(
  gitdir: string,
  c: ReadCommitResult,
  cache: object,
  webUrl?: string,
): Promise<GitCommitInfo> {
  const key = `${gitdir}\0${c.oid}\0${webUrl ?? ''}`;
  const kept = commitDetails.get(key);
  if (kept) return kept;
  const files = await changedFiles(gitdir, c.oid, c.commit.parent[0], cache);
  const info: GitCommitInfo = {
    sha: c.oid,
    time: iso(c.commit.committer.timestamp),
    author: c.commit.author.name,
    message: c.commit.message.trim(),
    files: files.slice(0, MAX_FILES_PER_COMMIT),
  };
  if (files.length > MAX_FILES_PER_COMMIT) info.filesTruncated = true;
  if (webUrl) info.url = `${webUrl}/commit/${c.oid}`;
  commitDetails.set(key, info);
  return info;
}
