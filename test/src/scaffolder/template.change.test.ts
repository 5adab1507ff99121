import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleCilium from '@internal/plugin-scaffolder-backend-module-cilium';
import request from 'supertest';
import yaml from 'yaml';
import { REPO_ROOT, democluster1Values } from './__testUtils__/dryRunBackend';
import { runTask as runServerTask, waitFor } from './__testUtils__/tasks';

jest.setTimeout(240_000);

/**
 * The recipe's traffic shift through Git: the real catalog reads both
 * templates, cilium-cluster creates democluster1's local repository, then
 * cilium-cluster-change shifts the echo route 100/0 → 50/50 → 0/100, one
 * commit each, previewed first.
 */
describe('templates/cilium-cluster-change, run for real on a local repository', () => {
  const dir = createMockDirectory();
  const baseDir = path.join(dir.path, 'git-repos');
  const gitdir = path.join(baseDir, 'democluster1-gitops.git');
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', gitdir, ...args], {
      encoding: 'utf8',
    }).trim();
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  const runTask = (templateRef: string, values: object) =>
    runServerTask(server, templateRef, values);
  const completed = async (templateRef: string, values: object) => {
    const { status, events } = await runTask(templateRef, values);
    if (status !== 'completed')
      throw new Error(
        `task ${status}:\n${events.map(e => e.body.message).join('\n')}`,
      );
    return events.find(e => e.type === 'completion')!.body.output;
  };
  const entityPresent = (kind: string, name: string) =>
    waitFor(async () => {
      const res = await request(server).get(
        `/api/catalog/entities/by-name/${kind}/default/${name}`,
      );
      return res.status === 200 ? true : undefined;
    }, `${kind} ${name} in the catalog`);

  const shift = (weights: [number, number], mode = 'commit') =>
    completed('template:default/cilium-cluster-change', {
      cluster: 'resource:default/democluster1',
      changeKind: 'split',
      route: 'echo/echo',
      backends: [
        { name: 'echo-1', weight: weights[0] },
        { name: 'echo-2', weight: weights[1] },
      ],
      mode,
    });

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        scaffolderModuleCilium,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              reading: {
                allow: [
                  {
                    host: 'localhost:1024-65535',
                    paths: ['/api/scaffolder/cilium/local-repos/'],
                  },
                ],
              },
            },
            catalog: {
              rules: [{ allow: ['Template', 'Resource', 'Location'] }],
              locations: ['cilium-cluster', 'cilium-cluster-change'].map(
                name => ({
                  type: 'file',
                  target: path.join(
                    REPO_ROOT,
                    `templates/${name}/template.yaml`,
                  ),
                }),
              ),
            },
            ciliumGitops: { localPublish: { baseDir, serveOverHttp: true } },
          },
        }),
      ],
    }));
    await entityPresent('template', 'cilium-cluster');
    await entityPresent('template', 'cilium-cluster-change');
    await completed('template:default/cilium-cluster', democluster1Values);
    await entityPresent('resource', 'democluster1');
  });
  afterAll(() => server?.close());

  it('in a dry run (the template editor), both steps run and nothing is written', async () => {
    const head = git('rev-parse', 'main');
    const template = yaml.parse(
      readFileSync(
        path.join(REPO_ROOT, 'templates/cilium-cluster-change/template.yaml'),
        'utf8',
      ),
    );
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template,
        values: {
          cluster: 'resource:default/democluster1',
          changeKind: 'addon',
          addon: 'jobsApp',
          enabled: false,
          mode: 'commit',
        },
        directoryContents: [],
      });
    expect(res.status).toBe(200);
    const statuses: Record<string, string> = {};
    for (const { body } of res.body.log)
      if (body.stepId && body.status) statuses[body.stepId] = body.status;
    expect(statuses).toEqual({
      preview: 'completed',
      commit: 'completed',
      'pull-request': 'skipped',
    });
    expect(res.body.output.text[0].content).toContain(
      'deleted file mode 100644\n--- a/apps/jobs-app.yaml',
    );
    expect(git('rev-parse', 'main')).toBe(head);
  });

  it('preview only: shows the diff and the split before/after, writes nothing', async () => {
    const head = git('rev-parse', 'main');
    const output = await shift([50, 50], 'preview');
    expect(git('rev-parse', 'main')).toBe(head);
    const text = output.text[0];
    expect(text.title).toBe('Preview (nothing written)');
    expect(text.content).toContain(
      `**2 files changed, 8 insertions(+), 2 deletions(-)** on \`${head}\``,
    );
    expect(text.content).toContain(
      '- before: echo-1 100 (100%), echo-2 0 (0%)',
    );
    expect(text.content).toContain('- after: echo-1 50 (50%), echo-2 50 (50%)');
    expect(text.content).toContain(
      '```diff\ndiff --git a/cluster.yaml b/cluster.yaml',
    );
    // Links without a target (no pull request for a local repository) are not shown.
    expect(output.links.filter((l: any) => l.url || l.entityRef)).toEqual([
      expect.objectContaining({ entityRef: 'resource:default/democluster1' }),
    ]);
  });

  it.each<[number, number]>([
    [50, 50],
    [0, 100],
  ])(
    'shifts echo to %i/%i: exactly one new commit touching only the split',
    async (w1, w2) => {
      const head = git('rev-parse', 'main');
      const output = await shift([w1, w2]);
      expect(git('rev-list', `${head}..main`).split('\n')).toHaveLength(1);
      expect(git('rev-parse', 'main^')).toBe(head);
      expect(git('diff', '--name-only', head, 'main')).toBe(
        'cluster.yaml\nmanifests/echo/httproute-echo.yaml',
      );
      const routeDiff = git(
        'diff',
        '-U0',
        head,
        'main',
        '--',
        'manifests/echo/httproute-echo.yaml',
      )
        .split('\n')
        .filter(l => /^[-+] /.test(l));
      expect(routeDiff.every(l => /^[-+] +weight: \d+$/.test(l))).toBe(true);
      const route = yaml
        .parseAllDocuments(
          git('show', 'main:manifests/echo/httproute-echo.yaml'),
        )[0]
        .toJS();
      expect(
        route.spec.rules[0].backendRefs.map((b: any) => [b.name, b.weight]),
      ).toEqual([
        ['echo-1', w1],
        ['echo-2', w2],
      ]);
      expect(git('log', '-1', '--format=%an', 'main')).not.toBe('');
      expect(output.text[0].title).toBe(
        `Committed ${git('rev-parse', 'main')}`,
      );
    },
  );
});
