import {
  AUTH,
  demoCluster,
  REQUESTS_PER_STATUS,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

describe('cilium backend plugin under load', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await demoCluster('democluster1');
  });
  afterEach(() => cluster.close());

  it('coalesces concurrent identical requests into one set of Kubernetes calls', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { cacheTtlSeconds: 0, timeoutMs: 5000 },
    });
    try {
      // Slow enough that all 20 requests reach the backend while the first
      // computation is in flight, even on a loaded machine.
      cluster.server.setFault(/.*/, { type: 'delay', ms: 1500 });
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          http.get('/api/cilium/clusters/democluster1/status').set(AUTH),
        ),
      );
      expect(
        responses.every(
          r => r.status === 200 && r.body.gatewayCounts.total === 4,
        ),
      ).toBe(true);
      expect(cluster.server.totalRequests()).toBe(REQUESTS_PER_STATUS);
      expect(
        cluster.server.requestCount(
          '/apis/gateway.networking.k8s.io/v1/httproutes',
        ),
      ).toBe(1);
    } finally {
      await backend.stop();
    }
  });

  it('serves repeated requests from the cache within the TTL', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { cacheTtlSeconds: 30 },
    });
    try {
      const first = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      for (let i = 0; i < 5; i++) {
        const again = await http
          .get('/api/cilium/clusters/democluster1/status')
          .set(AUTH);
        expect(again.body).toEqual(first.body);
      }
      await http.get('/api/cilium/mesh').set(AUTH); // reuses the cached document
      expect(cluster.server.totalRequests()).toBe(REQUESTS_PER_STATUS);

      const etag = first.headers.etag;
      const conditional = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH)
        .set('If-None-Match', etag);
      expect(conditional.status).toBe(304);
      expect(first.headers['cache-control']).toBe('private, no-cache');
    } finally {
      await backend.stop();
    }
  });

  it('pages through lists with limit and continue, pipelined', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { pageSize: 2 },
    });
    try {
      const res = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      expect(res.body.httpRouteCounts.total).toBe(5);
      expect(res.body.argocd.applications).toHaveLength(7);
      const routePages = cluster.server.requests.filter(p =>
        p.startsWith('/apis/gateway.networking.k8s.io/v1/httproutes?'),
      );
      expect(routePages).toHaveLength(3);
      expect(routePages.every(p => p.includes('limit=2'))).toBe(true);
      expect(routePages.filter(p => p.includes('continue='))).toHaveLength(2);
    } finally {
      await backend.stop();
    }
  });

  it('serves gzip to clients that accept it', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { cacheTtlSeconds: 30 },
    });
    try {
      const res = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH)
        .set('Accept-Encoding', 'gzip');
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.body.gatewayCounts.total).toBe(4);
      const plain = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH)
        .set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toEqual(res.body);
    } finally {
      await backend.stop();
    }
  });
});
