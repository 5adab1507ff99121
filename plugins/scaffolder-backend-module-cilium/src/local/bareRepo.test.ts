import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { commitToBareRepo } from './bareRepo';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('commitToBareRepo', () => {
  const repos = createMockDirectory();
  const source = createMockDirectory();
  const bot = { name: 'Portal Bot', email: 'bot@portal.test' };

  beforeEach(() => {
    repos.clear();
    source.setContent({
      'catalog-info.yaml': 'kind: Resource\n',
      apps: { 'root.yaml': 'kind: Application\n' },
    });
  });

  const publish = (gitdir: string, author = bot) =>
    commitToBareRepo({
      sourceDir: source.path,
      gitdir,
      branch: 'main',
      message: 'rendered',
      author,
      committer: bot,
      force: false,
    });

  it('a publish that fails mid-way leaves no trace, and a retry succeeds', async () => {
    const gitdir = path.join(repos.path, 'git-repos', 'c1.git');
    // isomorphic-git refuses a commit without an author name (and there is
    // no user.name to fall back to): the repository was initialised and the
    // files added when this fails.
    const nobody = {} as typeof bot;
    await expect(publish(gitdir, nobody)).rejects.toThrow(/author/);
    expect(fs.readdirSync(path.dirname(gitdir))).toEqual([]);

    const result = await publish(gitdir);
    expect(git(gitdir, 'rev-parse', 'main')).toBe(result.commitHash);
    expect(git(gitdir, 'ls-tree', '-r', '--name-only', 'main')).toBe(
      'apps/root.yaml\ncatalog-info.yaml',
    );
    expect(git(gitdir, 'fsck', '--no-progress')).toBe('');
    expect(fs.readdirSync(path.dirname(gitdir))).toEqual(['c1.git']);
  });

  it('of two publishes that race for one name (not serialised, as from two backends), one wins and one says "already exists"', async () => {
    const base = path.join(repos.path, 'git-repos');
    // Two spellings of one path: the in-process lock does not serialise them.
    const results = await Promise.allSettled([
      publish(`${base}/race.git`),
      publish(`${base}/./race.git`),
    ]);
    expect(results.map(r => r.status).sort()).toEqual([
      'fulfilled',
      'rejected',
    ]);
    const rejected = results.find(
      r => r.status === 'rejected',
    ) as PromiseRejectedResult;
    expect(String(rejected.reason)).toMatch(
      new RegExp(`Repository ${base}/(\\./)?race\\.git already exists`),
    );
    const gitdir = path.join(base, 'race.git');
    expect(git(gitdir, 'rev-list', '--count', 'main')).toBe('1');
    expect(git(gitdir, 'fsck', '--no-progress')).toBe('');
    expect(fs.readdirSync(base)).toEqual(['race.git']);
  });
});
