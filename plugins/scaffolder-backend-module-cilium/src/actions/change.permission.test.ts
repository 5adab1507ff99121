import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { git, publishedClusterRepo } from '../__testUtils__/clusterRepo';
import { mockContext } from '../__testUtils__/mockContext';
import { createChangeAction } from './change';

const SPLIT = {
  kind: 'split',
  route: 'echo/echo',
  backends: { 'echo-1': 50, 'echo-2': 50 },
};

const cluster = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'democluster1',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location':
        'url:http://localhost:7007/api/scaffolder/cilium/local-repos/democluster1/catalog-info.yaml',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
};

describe('cilium:cluster:change checks cilium.cluster.change', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  const run = async (result: 'ALLOW' | 'DENY') => {
    const { config, gitdir, head } = await publishedClusterRepo(dir.path);
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async () => [{ result }]) as any,
    });
    const action = createChangeAction({
      config,
      catalog: catalogServiceMock({ entities: [cluster] }),
      permissions,
    });
    const ctx = mockContext({
      input: { cluster: 'resource:default/democluster1', change: SPLIT },
      workspacePath: dir.resolve('workspace'),
    });
    const outcome = action.handler(ctx);
    return { outcome, permissions, gitdir, head };
  };

  it('refuses a user the policy denies, before anything is written', async () => {
    const { outcome, permissions, gitdir, head } = await run('DENY');
    await expect(outcome).rejects.toThrow(
      new NotAllowedError(
        'Missing permission cilium.cluster.change on resource:default/democluster1: only its owners and portal admins may change it',
      ),
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'cilium.cluster.change',
          }),
          resourceRef: 'resource:default/democluster1',
        },
      ],
      { credentials: expect.anything() },
    );
    expect(git(gitdir, 'rev-parse', 'main')).toBe(head);
  });

  it('commits for a user the policy allows', async () => {
    const { outcome, gitdir, head } = await run('ALLOW');
    await outcome;
    expect(git(gitdir, 'rev-parse', 'main^')).toBe(head);
  });
});
