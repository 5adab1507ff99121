import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import request from 'supertest';
import { scaffolderModuleCilium } from './module';

describe('scaffolderModuleCilium', () => {
  it('registers the four actions with the scaffolder', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModuleCilium, catalogServiceMock.factory()],
    });
    const ids = addActions.mock.calls.flat().map((a: { id: string }) => a.id);
    expect(ids).toEqual([
      'cilium:cluster:validate',
      'cilium:cluster:render',
      'cilium:cluster:change',
      'cilium:publish:local',
    ]);
    for (const action of addActions.mock.calls.flat()) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples.length).toBeGreaterThan(0);
    }
  });

  it('serves the local repositories without credentials, 404 for unknown ones', async () => {
    const { server } = await startTestBackend({
      extensionPoints: [
        [scaffolderActionsExtensionPoint, { addActions: jest.fn() }],
      ],
      features: [
        scaffolderModuleCilium,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            ciliumGitops: {
              localPublish: {
                baseDir: '/nonexistent-cilium-repos',
                serveOverHttp: true,
              },
            },
          },
        }),
      ],
    });
    const res = await request(server).get(
      '/api/scaffolder/cilium/local-repos/democluster1/catalog-info.yaml',
    );
    expect(res.status).toBe(404);
    expect(res.text).toBe('No such repository\n');
  });

  it('does not serve them when serveOverHttp is false', async () => {
    const { server } = await startTestBackend({
      extensionPoints: [
        [scaffolderActionsExtensionPoint, { addActions: jest.fn() }],
      ],
      features: [
        scaffolderModuleCilium,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { ciliumGitops: { localPublish: { serveOverHttp: false } } },
        }),
      ],
    });
    const res = await request(server)
      .get('/api/scaffolder/cilium/local-repos/democluster1/catalog-info.yaml')
      .set('authorization', 'Bearer x');
    expect(res.status).not.toBe(200);
    expect(res.text).not.toBe('No such repository\n');
  });
});
