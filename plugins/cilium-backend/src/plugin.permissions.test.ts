import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AUTH,
  demoCluster,
  startPlugin,
} from './__testUtils__/testEnvironment';

describe('cilium backend plugin permissions', () => {
  it('answers 403 when the permission is denied, per permission', async () => {
    const cluster = await demoCluster('democluster1');
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            (r as any).permission.name === 'cilium.flows.read'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })) as any,
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
    });
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      features: [permissions.factory],
    });
    try {
      const flows = await http
        .get('/api/cilium/clusters/democluster1/flows')
        .set(AUTH);
      expect(flows.status).toBe(403);
      expect(flows.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: 'Missing permission cilium.flows.read',
      });
      const status = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      expect(status.status).toBe(200);

      permissions.authorize.mockResolvedValue([
        { result: AuthorizeResult.DENY },
      ]);
      permissions.authorizeConditional.mockResolvedValue([
        { result: AuthorizeResult.DENY },
      ]);
      for (const path of [
        '/clusters',
        '/clusters/democluster1/status',
        '/clusters/democluster1/gateways',
        '/clusters/democluster1/httproutes',
        '/clusters/democluster1/git',
        '/mesh',
      ]) {
        const res = await http.get(`/api/cilium${path}`).set(AUTH);
        expect(res.status).toBe(403);
      }
      // Denied requests never reach a cluster beyond the one allowed read.
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'cilium.cluster.read',
              resourceType: 'catalog-entity',
            }),
            // No entity in the catalog: a ref that matches none.
            resourceRef: 'resource:default/democluster1',
          },
        ],
        expect.anything(),
      );
    } finally {
      await backend.stop();
      await cluster.close();
    }
  });
});

describe('cilium backend plugin mesh peers from the catalog', () => {
  it('uses the entity annotation when no peers are configured', async () => {
    const cluster = await demoCluster('democluster1', { meshPeers: undefined });
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'democluster1-cluster',
            annotations: {
              'cilium-gitops/cluster-name': 'democluster1',
              'cilium-gitops/mesh-peers': 'democluster2, democluster3',
            },
          },
          spec: { type: 'kubernetes-cluster', owner: 'platform' },
        },
      ],
    });
    try {
      const res = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      expect(res.body.clusterMesh.peers.map((p: any) => p.name)).toEqual([
        'democluster2',
        'democluster3',
      ]);
      const mesh = await http.get('/api/cilium/mesh').set(AUTH);
      expect(mesh.body.clusters[0].peers.map((p: any) => p.name)).toEqual([
        'democluster2',
        'democluster3',
      ]);
    } finally {
      await backend.stop();
      await cluster.close();
    }
  });
});

describe('cilium backend plugin permission registration', () => {
  it('registers its permissions with the permissions registry', async () => {
    const cluster = await demoCluster('democluster1');
    const { http, backend } = await startPlugin({ clusters: [cluster] });
    try {
      const res = await http
        .get('/api/cilium/.well-known/backstage/permissions/metadata')
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      expect(res.body.permissions.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['cilium.cluster.read', 'cilium.flows.read']),
      );
    } finally {
      await backend.stop();
      await cluster.close();
    }
  });
});

describe('cilium backend plugin permission resources', () => {
  it('checks per-cluster permissions on the cluster entity named by the catalog', async () => {
    const cluster = await demoCluster('democluster1');
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
    });
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      features: [permissions.factory],
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'prod-eu',
            namespace: 'infra',
            annotations: { 'cilium-gitops/cluster-name': 'democluster1' },
          },
          spec: { type: 'kubernetes-cluster', owner: 'platform' },
        },
      ],
    });
    try {
      for (const [path, name] of [
        ['status', 'cilium.cluster.read'],
        ['flows', 'cilium.flows.read'],
      ]) {
        const res = await http
          .get(`/api/cilium/clusters/democluster1/${path}`)
          .set(AUTH);
        expect(res.status).toBe(200);
        expect(permissions.authorize).toHaveBeenLastCalledWith(
          [
            {
              permission: expect.objectContaining({ name }),
              resourceRef: 'resource:infra/prod-eu',
            },
          ],
          expect.anything(),
        );
      }
    } finally {
      await backend.stop();
      await cluster.close();
    }
  });
});
