import { execFileSync } from 'node:child_process';
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

const cnp = (name: string, app: string) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { name, namespace: 'tenant-jobs' },
  spec: {
    endpointSelector: { matchLabels: { app } },
    ingress: [
      {
        fromEndpoints: [{ matchLabels: { app: 'resumes' } }],
        toPorts: [{ ports: [{ port: '9080', protocol: 'TCP' }] }],
      },
    ],
  },
});

/**
 * The "Propose policies" path through Git: the real catalog reads the
 * templates, cilium-cluster creates democluster1's local repository, then
 * cilium-policy-proposal is run with the form data the readiness page links
 * with (policies as JSON text, readiness and replay as Markdown).
 */
describe('templates/cilium-policy-proposal, run for real on a local repository', () => {
  const dir = createMockDirectory();
  const baseDir = path.join(dir.path, 'git-repos');
  const gitdir = path.join(baseDir, 'democluster1-gitops.git');
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', gitdir, ...args], {
      encoding: 'utf8',
    }).trim();
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  const run = async (templateRef: string, values: object) => {
    const { status, events } = await runServerTask(server, templateRef, values);
    return {
      status,
      events,
      output: events.find(e => e.type === 'completion')?.body.output,
    };
  };
  const entityPresent = (kind: string, name: string) =>
    waitFor(async () => {
      const res = await request(server).get(
        `/api/catalog/entities/by-name/${kind}/default/${name}`,
      );
      return res.status === 200 ? true : undefined;
    }, `${kind} ${name} in the catalog`);

  /** What the readiness page puts into ?formData= */
  const formData = (policies: unknown[], extra: object = {}) => ({
    cluster: 'resource:default/democluster1',
    namespace: 'tenant-jobs',
    policies: JSON.stringify(policies),
    readiness:
      '| source | destination | flows |\n|---|---|---|\n| resumes | coreapi:9080 | 42 |',
    replay: '0 newly dropped of 42 kept flows',
    mode: 'commit',
    ...extra,
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
              locations: ['cilium-cluster', 'cilium-policy-proposal'].map(
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
    await entityPresent('template', 'cilium-policy-proposal');
    const created = await run(
      'template:default/cilium-cluster',
      democluster1Values,
    );
    if (created.status !== 'completed')
      throw new Error(`creating democluster1: task ${created.status}`);
    await entityPresent('resource', 'democluster1');
  });
  afterAll(() => server?.close());

  it('preview only: shows the policy files and the sections, writes nothing', async () => {
    const head = git('rev-parse', 'main');
    const { status, output } = await run(
      'template:default/cilium-policy-proposal',
      formData([cnp('coreapi-ingress', 'coreapi')], { mode: 'preview' }),
    );
    expect(status).toBe('completed');
    expect(git('rev-parse', 'main')).toBe(head);
    expect(output.text[0].title).toBe('Preview (nothing written)');
    expect(output.text[0].content).toContain(
      '+++ b/manifests/policies/tenant-jobs/coreapi-ingress.yaml',
    );
    expect(output.text[0].content).toContain(
      '## Replay\n\n0 newly dropped of 42 kept flows',
    );
    // No note typed: no empty Description section.
    expect(output.text[0].content).not.toContain('## Description');
  });

  it('commits the policies and their Application once, with the readiness table and the replay in the message; the same proposal again writes nothing', async () => {
    const head = git('rev-parse', 'main');
    const first = await run(
      'template:default/cilium-policy-proposal',
      formData(
        [cnp('coreapi-ingress', 'coreapi'), cnp('loader-ingress', 'loader')],
        {
          note: 'Ticket NET-42: default-deny for tenant-jobs',
        },
      ),
    );
    expect(first.status).toBe('completed');
    expect(git('rev-list', `${head}..main`).split('\n')).toHaveLength(1);
    expect(git('diff', '--name-only', head, 'main')).toBe(
      [
        'apps/policies-tenant-jobs.yaml',
        'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
        'manifests/policies/tenant-jobs/loader-ingress.yaml',
      ].join('\n'),
    );
    const message = git('log', '-1', '--format=%B', 'main');
    expect(message).toContain(
      '## Description\n\nTicket NET-42: default-deny for tenant-jobs',
    );
    expect(message).toContain(
      '## Zero-trust readiness\n\n| source | destination | flows |',
    );
    expect(message).toContain('## Replay\n\n0 newly dropped of 42 kept flows');
    expect(
      yaml.parse(
        git('show', 'main:manifests/policies/tenant-jobs/coreapi-ingress.yaml'),
      ),
    ).toEqual(cnp('coreapi-ingress', 'coreapi'));
    const app = yaml.parse(git('show', 'main:apps/policies-tenant-jobs.yaml'));
    expect(app.spec.source.path).toBe('manifests/policies/tenant-jobs');
    expect(first.output.text[0].title).toBe(
      `Committed ${git('rev-parse', 'main')}`,
    );

    const after = git('rev-parse', 'main');
    const again = await run(
      'template:default/cilium-policy-proposal',
      formData([
        cnp('loader-ingress', 'loader'),
        cnp('coreapi-ingress', 'coreapi'),
      ]),
    );
    expect(again.status).toBe('completed');
    expect(git('rev-parse', 'main')).toBe(after);
    expect(again.output.text[0].title).toBe(
      'No changes (the repository already holds this proposal)',
    );
  });

  it('refuses a policy of another namespace with the field named; nothing is written', async () => {
    const head = git('rev-parse', 'main');
    const bad = {
      ...cnp('p', 'x'),
      metadata: { name: 'p', namespace: 'echo' },
    };
    const { status, events } = await run(
      'template:default/cilium-policy-proposal',
      formData([bad]),
    );
    expect(status).toBe('failed');
    expect(events.map(e => e.body.message).join('\n')).toContain(
      'policies[0].metadata.namespace: is "echo", but the proposal is for namespace "tenant-jobs"',
    );
    expect(git('rev-parse', 'main')).toBe(head);
  });
});
