import {
  demoClusterObjects,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import {
  ClusterStatus,
  ClustersResponse,
  MeshOverview,
} from '@internal/plugin-cilium-common';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

const TIMEOUT_MS = 800;
/** Time allowed beyond the per-source timeout for everything else. */
const SLACK_MS = 700;

describe('cilium backend plugin with failing clusters', () => {
  let healthy: TestCluster;
  let down: TestCluster;
  let hung: TestCluster;
  let http: Awaited<ReturnType<typeof startPlugin>>['http'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    healthy = await demoCluster('democluster1', {
      meshPeers: ['democluster2'],
    });
    // "down": a server that was started, then closed — nothing listens.
    const gone = await startKubernetesTestServer({ objects: [] });
    await gone.close();
    down = {
      name: 'democluster2',
      server: gone,
      extras: { meshPeers: ['democluster1'] },
      close: async () => {},
    };
    const hanging = await startKubernetesTestServer({
      objects: demoClusterObjects('democluster2'),
    });
    hanging.setFault(/.*/, { type: 'hang' });
    hung = { name: 'hung', server: hanging, close: () => hanging.close() };
    const started = await startPlugin({
      clusters: [healthy, down, hung],
      cilium: { timeoutMs: TIMEOUT_MS },
    });
    http = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(async () => {
    await stop();
    await healthy.close();
    await hung.close();
  });

  async function timed<T>(fn: () => Promise<T>) {
    const started = Date.now();
    const value = await fn();
    return { value, ms: Date.now() - started };
  }

  it('lists clusters within the timeout budget, with each failure as a value', async () => {
    const { value: res, ms } = await timed(() =>
      http.get('/api/cilium/clusters').set(AUTH),
    );
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(res.status).toBe(200);
    const items = (res.body as ClustersResponse).items;
    expect(items.map(i => [i.name, i.reachable, i.error?.reason])).toEqual([
      ['democluster1', true, undefined],
      ['democluster2', false, 'unreachable'],
      ['hung', false, 'timeout'],
    ]);
    expect(items[2].error!.message).toBe(`No answer within ${TIMEOUT_MS} ms`);
  });

  it('gives the mesh overview within budget: healthy data plus per-cluster errors', async () => {
    const { value: res, ms } = await timed(() =>
      http.get('/api/cilium/mesh').set(AUTH),
    );
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    const mesh = res.body as MeshOverview;
    expect(
      mesh.clusters.map(c => [
        c.name,
        c.reachable,
        c.clusterId,
        c.error?.reason,
      ]),
    ).toEqual([
      ['democluster1', true, 1, undefined],
      ['democluster2', false, undefined, 'unreachable'],
      ['hung', false, undefined, 'timeout'],
    ]);
  });

  it("returns a hung cluster's status within budget, every source timed out", async () => {
    const { value: res, ms } = await timed(() =>
      http.get('/api/cilium/clusters/hung/status').set(AUTH),
    );
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    const s = res.body as ClusterStatus;
    expect(res.status).toBe(200);
    expect(s.gatewayCounts).toBeUndefined();
    expect(s.httpRouteCounts).toBeUndefined();
    expect(s.errors[0]).toEqual({
      source: 'cluster',
      reason: 'timeout',
      message: `No answer within ${TIMEOUT_MS} ms`,
    });
    expect(
      s.errors
        .filter(e => e.reason === 'timeout')
        .map(e => e.source)
        .sort(),
    ).toEqual([
      'argocd',
      'bgp',
      'ciliumConfig',
      'ciliumNodes',
      'cluster',
      'clusterMesh',
      'gatewayClasses',
      'gateways',
      'httpRoutes',
      'lbIpPools',
    ]);
  });

  it('reports an unreachable cluster without exposing credentials', async () => {
    const res = await http
      .get('/api/cilium/clusters/democluster2/status')
      .set(AUTH);
    const s = res.body as ClusterStatus;
    expect(s.errors[0]).toMatchObject({
      source: 'cluster',
      reason: 'unreachable',
    });
    expect(JSON.stringify(res.body)).not.toContain(down.server.token);
  });

  it('keeps other sources when one source fails (Argo CD 403, BGP CRD missing, one slow)', async () => {
    const s = healthy.server;
    s.setFault('/apis/argoproj.io/v1alpha1/namespaces/argocd/applications', {
      type: 'fail',
      status: 403,
      message:
        'applications.argoproj.io is forbidden: User "system:serviceaccount:backstage:cilium-reader" cannot list resource "applications" in API group "argoproj.io" in the namespace "argocd"',
    });
    s.setFault('/apis/cilium.io/v2/ciliumbgpnodeconfigs', {
      type: 'fail',
      status: 404,
    });
    s.setFault('/apis/cilium.io/v2/ciliumnodes', { type: 'hang' });
    try {
      const { value: res, ms } = await timed(() =>
        http.get('/api/cilium/clusters/democluster1/status').set(AUTH),
      );
      expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
      const status = res.body as ClusterStatus;
      expect(status.gatewayCounts?.total).toBe(4);
      expect(status.httpRouteCounts?.total).toBe(5);
      expect(status.argocd).toBeUndefined();
      expect(status.bgp).toBeUndefined();
      expect(status.ciliumNodes).toBeUndefined();
      expect(status.errors).toEqual(
        expect.arrayContaining([
          {
            source: 'argocd',
            reason: 'forbidden',
            statusCode: 403,
            message: expect.stringContaining(
              'cannot list resource "applications"',
            ),
          },
          expect.objectContaining({
            source: 'bgp',
            reason: 'not-found',
            statusCode: 404,
          }),
          {
            source: 'ciliumNodes',
            reason: 'timeout',
            message: `No answer within ${TIMEOUT_MS} ms`,
          },
        ]),
      );
      expect(status.errors.find(e => e.source === 'cluster')).toBeUndefined();
    } finally {
      s.clearFaults();
    }
  });
});
