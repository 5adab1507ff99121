import {
  generateClusterObjects,
  KubernetesTestServer,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { AUTH, startPlugin } from './__testUtils__/testEnvironment';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The production setup: an API server over HTTPS whose CA is configured as
 * base64 `caData`. client-node builds a new CA Buffer per request; a pool
 * that compared TLS settings by identity made a new agent per request and
 * destroyed the previous one with requests in flight (ECONNRESET).
 */
describe('cilium backend plugin against an HTTPS API server with caData, under load', () => {
  let server: KubernetesTestServer;

  beforeAll(async () => {
    server = await startKubernetesTestServer({
      objects: generateClusterObjects('tlsbig', 3, {
        gateways: 20,
        routes: 1200,
        nodes: 3,
      }),
      tls: true,
    });
  });
  afterAll(() => server.close());

  it('answers 20 status reads with 3 pages of HTTPRoutes each, no ECONNRESET, over reused connections', async () => {
    const caData = Buffer.from(server.caPem!).toString('base64');
    const { http, backend } = await startPlugin({
      clusters: [
        {
          name: 'tlsbig',
          server,
          extras: { meshPeers: [] },
          connection: { skipTLSVerify: false, caData },
          close: async () => {},
        },
      ],
      cilium: { cacheTtlSeconds: 0, timeoutMs: 10000, pageSize: 500 },
    });
    try {
      server.setFault(/.*/, { type: 'delay', ms: 400 });
      server.resetCounts();
      const before = server.connectionCount();
      // 20 status reads started 250 ms apart, so each starts while others
      // (and the cluster list's reads) are in flight.
      const reads: Promise<{ status: number; body: ClusterStatus }>[] = [];
      const lists: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) {
        reads.push(
          http
            .get('/api/cilium/clusters/tlsbig/status')
            .set(AUTH)
            .then(r => ({ status: r.status, body: r.body as ClusterStatus })),
        );
        if (i % 4 === 0) {
          lists.push(http.get('/api/cilium/clusters').set(AUTH));
        }
        await sleep(250);
      }
      const responses = await Promise.all(reads);
      await Promise.all(lists);
      expect(responses.map(r => r.status)).toEqual(reads.map(() => 200));
      const statuses = responses.map(r => r.body);

      const errors = statuses
        .flatMap(s => s.errors)
        .filter(e => e.source !== 'hubble');
      expect(errors).toEqual([]);
      expect(JSON.stringify(statuses)).not.toContain('ECONNRESET');
      for (const s of statuses) {
        expect(s.httpRouteCounts?.total).toBe(1200);
      }
      const routeLists = server.requests.filter(p =>
        p.startsWith('/apis/gateway.networking.k8s.io/v1/httproutes'),
      );
      // every computation paged the 1,200 routes by 500: three LISTs
      expect(routeLists.length % 3).toBe(0);
      expect(routeLists.some(p => p.includes('continue='))).toBe(true);
      const requests = server.totalRequests();
      const connections = server.connectionCount() - before;
      // keep-alive: many requests per TLS connection (a new agent per
      // request would open one connection per request)
      expect(requests).toBeGreaterThanOrEqual(30);
      expect(connections).toBeLessThanOrEqual(16);
      expect(connections * 2).toBeLessThan(requests);
    } finally {
      server.clearFaults();
      await backend.stop();
    }
  }, 60_000);
});
