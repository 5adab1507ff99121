import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  commitToTestRepo,
  echoRouteYaml,
  ECHO_ROUTE_FILE,
  EXAMPLES_DIR,
  readTree,
} from '@internal/cilium-test-servers';
import { readLocalRepo } from './localRepo';
import { httpRoutesFromGit } from './httpRoutesFromGit';

const AUTHOR = { name: 'Alice Example', email: 'alice@example.net' };
const signal = () => new AbortController().signal;

describe('reading a local bare repository', () => {
  let tmp: string;
  let gitdir: string;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-local-repo-'));
    gitdir = path.join(tmp, 'democluster1.git');
    await commitToTestRepo(
      gitdir,
      readTree(path.join(EXAMPLES_DIR, 'democluster1', 'repo')),
      { message: 'Initial render', author: AUTHOR },
    );
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const echoWeights = async () => {
    const s = await readLocalRepo(gitdir, 'main', signal());
    return {
      head: s.repo.head,
      commits: s.history.length,
      weights: httpRoutesFromGit(s.manifests)
        .find(r => r.name === 'echo')!
        .rules[0].map(b => b.weight),
    };
  };

  it('follows the head as it moves, one commit per change', async () => {
    const before = await echoWeights();
    expect(before).toMatchObject({ commits: 1, weights: [100, 0] });
    for (const w of [
      [50, 50],
      [0, 100],
    ]) {
      const head = await commitToTestRepo(
        gitdir,
        { [ECHO_ROUTE_FILE]: echoRouteYaml('democluster1', w) },
        { message: `Shift to ${w.join('/')}`, author: AUTHOR },
      );
      expect(await echoWeights()).toMatchObject({ head, weights: w });
    }
    expect((await echoWeights()).commits).toBe(3);
  });

  it('names a missing branch and a missing repository', async () => {
    await expect(readLocalRepo(gitdir, 'release', signal())).rejects.toThrow(
      'Repository democluster1.git has no branch release',
    );
    await expect(
      readLocalRepo(path.join(tmp, 'nope.git'), 'main', signal()),
    ).rejects.toThrow('No local repository nope.git');
  });
});
