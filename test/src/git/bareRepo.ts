import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';

export interface TestCommit {
  message: string;
  author: { name: string; email: string };
  /** Seconds since the epoch; default now. */
  timestamp?: number;
}

/** Every file under `dir`, as POSIX paths relative to it. */
function filesUnder(dir: string, rel = ''): string[] {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap(e => {
      const child = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? filesUnder(dir, child) : [child];
    });
}

/** Reads a folder into `{ path: content }`, e.g. a rendered example repository. */
export function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir).map(p => [p, fs.readFileSync(path.join(dir, p), 'utf8')]),
  );
}

/**
 * Commits `changes` on top of the head of `main` of the bare repository
 * `gitdir` (created, with `main`, when missing) with isomorphic-git, the
 * way the scaffolder's local publish target writes it: a real repository
 * `git log` and `git clone` read. Returns the new commit's hash.
 */
export async function commitToTestRepo(
  gitdir: string,
  changes: Record<string, string>,
  commit: TestCommit,
): Promise<string> {
  if (!fs.existsSync(path.join(gitdir, 'HEAD'))) {
    fs.mkdirSync(gitdir, { recursive: true });
    await git.init({ fs, gitdir, bare: true, defaultBranch: 'main' });
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-test-repo-'));
  try {
    let parent: string | undefined;
    try {
      parent = await git.resolveRef({ fs, gitdir, ref: 'refs/heads/main' });
    } catch {
      parent = undefined;
    }
    if (parent) {
      await git.checkout({ fs, dir: work, gitdir, ref: 'main', force: true });
    }
    for (const [p, content] of Object.entries(changes)) {
      fs.mkdirSync(path.dirname(path.join(work, p)), { recursive: true });
      fs.writeFileSync(path.join(work, p), content);
    }
    await git.add({ fs, dir: work, gitdir, filepath: Object.keys(changes) });
    const when = {
      ...commit.author,
      timestamp: commit.timestamp ?? Math.floor(Date.now() / 1000),
      timezoneOffset: 0,
    };
    return await git.commit({
      fs,
      dir: work,
      gitdir,
      ref: 'refs/heads/main',
      message: commit.message,
      author: when,
      committer: when,
      parent: parent ? [parent] : [],
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(path.join(gitdir, 'index'), { force: true });
  }
}
