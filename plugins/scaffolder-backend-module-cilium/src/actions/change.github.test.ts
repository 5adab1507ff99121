import fs from 'node:fs';
import path from 'node:path';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { publishedClusterRepo } from '../__testUtils__/clusterRepo';
import { mockContext } from '../__testUtils__/mockContext';
import { readHeadTree } from '../change/headTree';
import { createChangeAction } from './change';

/**
 * A URL reader that serves `readTree` of https://github.com/acme/democluster1-gitops/tree/main
 * from a real git repository, as the GitHub reader does: the files of the
 * branch and the head commit as etag.
 */
function gitBackedReader(gitdir: string, seen: string[]): UrlReaderService {
  return {
    async readTree(url: string) {
      seen.push(url);
      const { head, files } = await readHeadTree(gitdir, 'main');
      return {
        etag: head,
        files: async () =>
          [...files].map(([p, text]) => ({
            path: p,
            content: async () => Buffer.from(text, 'utf8'),
          })),
        archive: async () => {
          throw new Error('not used');
        },
        dir: async () => {
          throw new Error('not used');
        },
      };
    },
    async readUrl() {
      throw new Error('not used');
    },
    async search() {
      throw new Error('not used');
    },
  } as UrlReaderService;
}

const githubCluster = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'democluster1',
    namespace: 'default',
    annotations: {
      'cilium-gitops/repo-url':
        'https://github.com/acme/democluster1-gitops.git',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
};

describe('cilium:cluster:change with a GitHub repository', () => {
  const dir = createMockDirectory();
  let gitdir: string;
  let head: string;
  let seen: string[];
  let action: ReturnType<typeof createChangeAction>;

  beforeEach(async () => {
    dir.clear();
    let config;
    // The repository behind the fake GitHub: not `<baseDir>/democluster1.git`,
    // which would take precedence over the annotation (clusterTarget.ts).
    ({ config, gitdir, head } = await publishedClusterRepo(
      dir.path,
      undefined,
      'github-backing',
    ));
    seen = [];
    action = createChangeAction({
      config,
      catalog: catalogServiceMock({ entities: [githubCluster] }),
      urlReader: gitBackedReader(gitdir, seen),
    });
  });

  const run = async (input: Record<string, unknown>) => {
    const ctx = mockContext({
      input: { cluster: 'resource:default/democluster1', ...input },
      workspacePath: dir.resolve('workspace'),
    });
    await action.handler(ctx);
    return Object.fromEntries<any>((ctx.output as jest.Mock).mock.calls);
  };

  it('reads the branch through the integration and writes the changed files for the pull request', async () => {
    const out = await run({
      change: {
        kind: 'split',
        route: 'echo/echo',
        backends: { 'echo-1': 50, 'echo-2': 50 },
      },
      expectedHead: head,
    });
    expect(seen).toEqual([
      'https://github.com/acme/democluster1-gitops/tree/main',
    ]);
    expect(out.target).toBe('github');
    expect(out.head).toBe(head);
    expect(out.commit).toBe('');
    expect(out.repoUrl).toBe('github.com?owner=acme&repo=democluster1-gitops');
    expect(out.title).toBe(
      'democluster1: traffic split of echo/echo → echo-1:50, echo-2:50',
    );
    expect(out.body).toContain(
      '**2 files changed, 8 insertions(+), 2 deletions(-)**',
    );
    expect(out.body).toContain('- before: echo-1 100 (100%), echo-2 0 (0%)');
    const written = fs.readdirSync(dir.resolve('workspace/change'), {
      recursive: true,
    }) as string[];
    expect(written.filter(p => p.endsWith('.yaml')).sort()).toEqual([
      'cluster.yaml',
      path.join('manifests', 'echo', 'httproute-echo.yaml'),
    ]);
    expect(
      fs.readFileSync(
        dir.resolve('workspace/change/manifests/echo/httproute-echo.yaml'),
        'utf8',
      ),
    ).toContain('weight: 50');
  });

  it('refuses when the branch moved since the preview', async () => {
    await expect(
      run({
        change: { kind: 'lbPool', name: 'extra', cidr: '10.245.13.0/24' },
        expectedHead: '0123456789abcdef0123456789abcdef01234567',
      }),
    ).rejects.toThrow(ConflictError);
    expect(fs.existsSync(dir.resolve('workspace/change'))).toBe(false);
  });

  it('lists the files a change removes for the pull request to delete', async () => {
    const out = await run({
      change: { kind: 'addon', name: 'jobsApp', enabled: false },
    });
    expect(out.deleted).toContain('apps/jobs-app.yaml');
    expect(out.deleted.every((p: string) => p.includes('jobs-app'))).toBe(true);
    expect(
      fs.existsSync(dir.resolve('workspace/change/apps/jobs-app.yaml')),
    ).toBe(false);
    expect(
      fs.readFileSync(dir.resolve('workspace/change/cluster.yaml'), 'utf8'),
    ).toContain('jobsApp: false');
  });

  it('writes a policy proposal for the pull request, its body carrying the description sections', async () => {
    const out = await run({
      change: {
        kind: 'policies',
        namespace: 'tenant-jobs',
        policies: [
          {
            apiVersion: 'cilium.io/v2',
            kind: 'CiliumNetworkPolicy',
            metadata: { name: 'coreapi-ingress', namespace: 'tenant-jobs' },
            spec: {
              endpointSelector: { matchLabels: { app: 'coreapi' } },
              ingress: [
                { fromEndpoints: [{ matchLabels: { app: 'resumes' } }] },
              ],
            },
          },
        ],
        sections: [{ title: 'Replay', markdown: '0 newly dropped' }],
      },
      expectedHead: head,
    });
    expect(out.target).toBe('github');
    expect(out.title).toBe(
      'democluster1: CiliumNetworkPolicies of tenant-jobs (1 policy)',
    );
    expect(out.body).toContain('## Replay\n\n0 newly dropped');
    expect(out.deleted).toEqual([]);
    const written = fs.readdirSync(dir.resolve('workspace/change'), {
      recursive: true,
    }) as string[];
    expect(written.filter(p => p.endsWith('.yaml')).sort()).toEqual([
      path.join('apps', 'policies-tenant-jobs.yaml'),
      path.join('manifests', 'policies', 'tenant-jobs', 'coreapi-ingress.yaml'),
    ]);
  });
});
