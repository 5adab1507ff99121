import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderModuleCilium from '@internal/plugin-scaffolder-backend-module-cilium';
import request from 'supertest';
import {
  GithubPublishServer,
  startGithubPublishServer,
} from '../github/publishServer';
import {
  DryRunResponse,
  REPO_ROOT,
  democluster1Values,
  loadClusterTemplate,
} from './__testUtils__/dryRunBackend';
import { runTaskToCompletion, waitFor } from './__testUtils__/tasks';

jest.setTimeout(120_000);

// The git server runs in this process: clients of it must not block the loop.
const execFileAsync = promisify(execFile);
const run = (cmd: string, args: string[]) =>
  execFileAsync(cmd, args, {
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    timeout: 30_000,
  });

/** Every file of a branch of a bare repository, with its content. */
function pushedTree(gitdir: string, ref: string): Record<string, string> {
  const out: Record<string, string> = {};
  const names = execFileSync(
    'git',
    ['--git-dir', gitdir, 'ls-tree', '-r', '--name-only', ref],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
  for (const name of names) {
    out[name] = execFileSync(
      'git',
      ['--git-dir', gitdir, 'show', `${ref}:${name}`],
      {
        encoding: 'utf8',
      },
    );
  }
  return out;
}

/**
 * The GitHub path for real: the real catalog and scaffolder with the GitHub
 * module, an Enterprise-style integration on loopback; publish:github
 * creates the repository over REST and pushes over git smart HTTP (served by
 * `git http-backend`), catalog:register reads catalog-info.yaml back through
 * the GitHub URL reader (contents API).
 */
describe('templates/cilium-cluster, run for real with the GitHub publish target', () => {
  const dir = createMockDirectory();
  const token = 'ghe-test-token';
  let github: GithubPublishServer;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    github = await startGithubPublishServer({
      root: path.join(dir.path, 'ghe'),
      orgs: ['platform'],
      user: 'mock',
      token,
    });
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        scaffolderModuleCilium,
        githubModule,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            integrations: {
              github: [
                { host: github.host, apiBaseUrl: github.apiBaseUrl, token },
              ],
            },
            catalog: {
              rules: [{ allow: ['Template', 'Resource', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(
                    REPO_ROOT,
                    'templates/cilium-cluster/template.yaml',
                  ),
                },
              ],
            },
            ciliumGitops: {
              localPublish: { baseDir: path.join(dir.path, 'local') },
            },
          },
        }),
      ],
    }));
  });
  afterAll(async () => {
    await new Promise(resolve => server?.close(resolve));
    await github?.close();
  });

  it('pushes the rendered tree to the new repository and registers the cluster from it', async () => {
    await waitFor(async () => {
      const res = await request(server).get(
        '/api/catalog/entities/by-name/template/default/cilium-cluster',
      );
      return res.status === 200 ? true : undefined;
    }, 'the template in the catalog');

    const { gitopsRepoURL, ...rest } = democluster1Values;
    const values = {
      ...rest,
      publishTarget: 'github',
      repoUrl: `${github.host}?owner=platform&repo=democluster1-gitops`,
    };

    // The rendered files, as a dry run of the same template shows them.
    const dry = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template: loadClusterTemplate(), values, directoryContents: [] });
    expect(dry.status).toBe(200);
    const rendered: Record<string, string> = {};
    for (const f of (dry.body as DryRunResponse).directoryContents) {
      rendered[f.path] = Buffer.from(f.base64Content, 'base64').toString(
        'utf8',
      );
    }
    expect(Object.keys(rendered)).toContain('catalog-info.yaml');

    const events = await runTaskToCompletion(
      server,
      'template:default/cilium-cluster',
      values,
    );

    // The calls GitHub saw: owner lookup, org repository creation, a push.
    expect(github.requests).toEqual(
      expect.arrayContaining([
        'GET /api/v3/users/platform',
        'POST /api/v3/orgs/platform/repos',
        'POST /platform/democluster1-gitops.git/git-receive-pack',
      ]),
    );

    // The pushed tree is the rendered one, file for file.
    const gitdir = github.gitdir('platform', 'democluster1-gitops');
    expect(pushedTree(gitdir, 'main')).toEqual(rendered);
    expect(
      execFileSync(
        'git',
        ['--git-dir', gitdir, 'log', '-1', '--format=%s', 'main'],
        {
          encoding: 'utf8',
        },
      ).trim(),
    ).toBe('Render cluster democluster1 from the cilium-cluster template');

    // The default branch is protected (the action's default): a direct push
    // to main over smart HTTP is refused, as GitHub refuses it.
    expect(
      github.protections.get('platform/democluster1-gitops:main'),
    ).toMatchObject({
      enforce_admins: true,
      required_pull_request_reviews: expect.any(Object),
    });
    const auth = `http.extraHeader=Authorization: Basic ${Buffer.from(
      `x-access-token:${token}`,
    ).toString('base64')}`;
    const clone = path.join(dir.path, 'clone');
    const remote = `http://${github.host}/platform/democluster1-gitops.git`;
    await run('git', ['-c', auth, 'clone', '--quiet', remote, clone]);
    execFileSync('git', [
      '-C',
      clone,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.net',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'direct',
    ]);
    const refused = await run('git', [
      '-C',
      clone,
      '-c',
      auth,
      'push',
      'origin',
      'main',
    ]).then(
      () => 'pushed',
      (e: any) => String(e.stderr),
    );
    expect(refused).toContain('GH006: Protected branch update failed');

    // The entity, read by the catalog from the pushed catalog-info.yaml.
    const completion = events.find(e => e.type === 'completion')!;
    expect(completion.body.output.links).toEqual([
      expect.objectContaining({
        title: 'Repository',
        url: `http://${github.host}/platform/democluster1-gitops.git`,
      }),
      expect.objectContaining({ entityRef: 'resource:default/democluster1' }),
    ]);
    const entity = await waitFor(async () => {
      const res = await request(server).get(
        '/api/catalog/entities/by-name/resource/default/democluster1',
      );
      return res.status === 200 ? res.body : undefined;
    }, 'the cluster entity');
    expect(entity.spec).toMatchObject({
      type: 'kubernetes-cluster',
      owner: 'group:default/platform-team',
    });
    expect(
      entity.metadata.annotations['backstage.io/managed-by-location'],
    ).toBe(
      `url:http://${github.host}/platform/democluster1-gitops/tree/main/catalog-info.yaml`,
    );
    expect(github.requests).toContain(
      'GET /api/v3/repos/platform/democluster1-gitops/contents/catalog-info.yaml',
    );
  });
});
