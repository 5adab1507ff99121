import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import yaml from 'yaml';
import { git, publishedClusterRepo } from '../__testUtils__/clusterRepo';
import { mockContext } from '../__testUtils__/mockContext';
import type { LocalPublishConfig } from '../local/localPublishConfig';
import { createChangeAction } from './change';

const cnp = (name: string, app: string, namespace = 'tenant-jobs') => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { name, namespace },
  spec: {
    endpointSelector: { matchLabels: { app } },
    ingress: [{ fromEndpoints: [{ matchLabels: { app: 'resumes' } }] }],
  },
});

const SECTIONS = [
  {
    title: 'Zero-trust readiness',
    markdown:
      '| source | destination | flows |\n|---|---|---|\n| resumes | coreapi:9080 | 42 |',
  },
  { title: 'Replay', markdown: '0 newly dropped of 42 kept flows' },
];

const policies = (list: unknown[], extra: object = {}) => ({
  kind: 'policies',
  namespace: 'tenant-jobs',
  policies: list,
  ...extra,
});

describe('cilium:cluster:change with network policies (local repository)', () => {
  const dir = createMockDirectory();
  let config: LocalPublishConfig;
  let gitdir: string;
  let head: string;

  beforeEach(async () => {
    dir.clear();
    ({ config, gitdir, head } = await publishedClusterRepo(dir.path));
  });

  const run = async (change: any, input: object = {}) => {
    const action = createChangeAction({
      config,
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: { name: 'democluster1', namespace: 'default' },
            spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
          },
        ],
      }),
    });
    const ctx = mockContext({
      input: { cluster: 'resource:default/democluster1', change, ...input },
      workspacePath: dir.resolve('workspace'),
    });
    await action.handler(ctx);
    return Object.fromEntries<any>((ctx.output as jest.Mock).mock.calls);
  };

  it('commits exactly the policies and their Application with the sections in the message; the same proposal again is no commit', async () => {
    const out = await run(
      policies(
        [cnp('coreapi-ingress', 'coreapi'), cnp('loader-ingress', 'loader')],
        {
          sections: SECTIONS,
        },
      ),
      { expectedHead: head },
    );
    expect(out.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(git(gitdir, 'rev-parse', 'main^')).toBe(head);
    expect(git(gitdir, 'diff', '--name-only', head, 'main')).toBe(
      [
        'apps/policies-tenant-jobs.yaml',
        'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
        'manifests/policies/tenant-jobs/loader-ingress.yaml',
      ].join('\n'),
    );
    git(gitdir, 'fsck', '--strict');
    expect(
      yaml.parse(
        git(
          gitdir,
          'show',
          'main:manifests/policies/tenant-jobs/loader-ingress.yaml',
        ),
      ),
    ).toEqual(cnp('loader-ingress', 'loader'));
    const message = git(gitdir, 'log', '-1', '--format=%B', 'main');
    expect(message.split('\n')[0]).toBe(
      'democluster1: CiliumNetworkPolicies of tenant-jobs (2 policies)',
    );
    expect(message).toContain(
      '## Zero-trust readiness\n\n| source | destination | flows |',
    );
    expect(message).toContain('## Replay\n\n0 newly dropped of 42 kept flows');
    expect(message).toContain('a policy not in the proposal is removed');
    expect(message).toContain(
      '- Argo CD Application `policies-tenant-jobs` (`apps/policies-tenant-jobs.yaml`): created by this change',
    );
    expect(out.body).toBe(`${message.slice(message.indexOf('\n\n') + 2)}\n`);

    const again = await run(
      policies([
        cnp('loader-ingress', 'loader'),
        cnp('coreapi-ingress', 'coreapi'),
      ]),
    );
    expect(again.changed).toBe(false);
    expect(again.commit).toBe('');
    expect(git(gitdir, 'rev-parse', 'main')).toBe(out.commit);
  });

  it('takes the policies as JSON text (a hidden form field) and replaces the set, keeping the Application', async () => {
    const first = await run(policies([cnp('coreapi-ingress', 'coreapi')]));
    const second = await run(
      policies(JSON.stringify([cnp('loader-ingress', 'loader')]) as any),
    );
    expect(second.files).toEqual([
      'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
      'manifests/policies/tenant-jobs/loader-ingress.yaml',
    ]);
    expect(second.deleted).toEqual([
      'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
    ]);
    expect(second.body).toContain('- removed: `coreapi-ingress`');
    expect(second.body).toContain('exists, left as it is');
    expect(git(gitdir, 'rev-parse', 'main^')).toBe(first.commit);
    expect(
      git(gitdir, 'ls-tree', '-r', '--name-only', 'main', 'manifests/policies'),
    ).toBe('manifests/policies/tenant-jobs/loader-ingress.yaml');
  });

  it.each([
    [
      'a policy of another namespace',
      policies([cnp('p', 'coreapi', 'echo')]),
      'policies[0].metadata.namespace: is "echo", but the proposal is for namespace "tenant-jobs"',
    ],
    [
      'a bad policy name',
      policies([cnp('Core_API', 'coreapi')]),
      'policies[0].metadata.name: "Core_API" is not a valid Kubernetes name (DNS-1123 subdomain)',
    ],
    [
      'a namespace outside the apps project',
      { ...policies([cnp('p', 'x', 'kube-system')]), namespace: 'kube-system' },
      'namespace: kube-system is not a destination of the AppProject democluster1-apps',
    ],
    [
      'policies that are not a list',
      policies('not json' as any),
      'change.policies: must be a list of CiliumNetworkPolicy objects or its JSON text',
    ],
  ])(
    'refuses %s with an error naming the field; nothing is committed',
    async (_d, change, message) => {
      await expect(run(change)).rejects.toThrow(InputError);
      await expect(run(change)).rejects.toThrow(message);
      expect(git(gitdir, 'rev-parse', 'main')).toBe(head);
    },
  );
});
