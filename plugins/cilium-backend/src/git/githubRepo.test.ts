import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  commitToTestRepo,
  echoRouteYaml,
  ECHO_ROUTE_FILE,
  EXAMPLES_DIR,
  GithubTestServer,
  readTree,
  startGithubTestServer,
} from '@internal/cilium-test-servers';
import { readGithubRepo } from './githubRepo';
import { readLocalRepo } from './localRepo';
import { httpRoutesFromGit } from './httpRoutesFromGit';
import { runSource } from '../sources/runSource';

const TOKEN = 'ghp_TestTokenThatMustNeverBeShown0123456789';
const AUTHOR = { name: 'Alice Example', email: 'alice@example.net' };

describe('reading a GitHub repository over the REST API', () => {
  let tmp: string;
  let gitdir: string;
  let github: GithubTestServer;
  let head: string;
  const integrations = (token = TOKEN) =>
    ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [{ host: github.host, apiBaseUrl: github.apiBaseUrl, token }],
        },
      }),
    );
  const url = () => `https://${github.host}/example/democluster1-gitops.git`;
  const web = () => `https://${github.host}/example/democluster1-gitops`;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-github-'));
    gitdir = path.join(tmp, 'democluster1-gitops.git');
    await commitToTestRepo(
      gitdir,
      readTree(path.join(EXAMPLES_DIR, 'democluster1', 'repo')),
      { message: 'Initial render', author: AUTHOR, timestamp: 1_764_000_000 },
    );
    head = await commitToTestRepo(
      gitdir,
      { [ECHO_ROUTE_FILE]: echoRouteYaml('democluster1', [0, 100]) },
      {
        message: 'Shift echo/echo to echo-2',
        author: AUTHOR,
        timestamp: 1_764_000_600,
      },
    );
    github = await startGithubTestServer({
      gitdir,
      owner: 'example',
      repo: 'democluster1-gitops',
      token: TOKEN,
    });
  });
  afterAll(async () => {
    await github.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reads what the local reader reads from the same repository', async () => {
    const signal = new AbortController().signal;
    const remote = await readGithubRepo(
      integrations(),
      url(),
      'main',
      web(),
      signal,
    );
    const local = await readLocalRepo(gitdir, 'main', signal);
    expect(remote.repo).toEqual({
      kind: 'github',
      name: 'example/democluster1-gitops',
      branch: 'main',
      head,
      webUrl: web(),
    });
    expect(remote.headTime).toBe(local.headTime);
    expect(remote.history.map(({ url: u, ...c }) => c)).toEqual(local.history);
    expect(remote.history[0].url).toBe(`${web()}/commit/${head}`);
    // Only the files named for HTTPRoutes are fetched, and they parse the same.
    expect(httpRoutesFromGit(remote.manifests)).toEqual(
      httpRoutesFromGit(local.manifests),
    );
    expect(
      httpRoutesFromGit(remote.manifests).find(r => r.name === 'echo')!.rules,
    ).toEqual([
      [
        { name: 'echo-1', weight: 0 },
        { name: 'echo-2', weight: 100 },
      ],
    ]);
    expect(github.requests.filter(r => r.includes('/git/blobs/')).length).toBe(
      remote.manifests.length,
    );
  });

  it('names the answer, never the token, when GitHub refuses', async () => {
    const result = await runSource('git', 5000, s =>
      readGithubRepo(integrations('ghp_wrong'), url(), 'main', web(), s),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        source: 'git',
        reason: 'unauthorized',
        statusCode: 401,
        message:
          'GitHub answered 401 for example/democluster1-gitops: Bad credentials',
      },
    });
    expect(JSON.stringify(result)).not.toContain('ghp_');
  });

  it('says which branch is missing', async () => {
    const result = await runSource('git', 5000, s =>
      readGithubRepo(integrations(), url(), 'release', web(), s),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      reason: 'not-found',
      message:
        'GitHub answered 404 for example/democluster1-gitops: No commit found for SHA: release',
    });
  });
});
