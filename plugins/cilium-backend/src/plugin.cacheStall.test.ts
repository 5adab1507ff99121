import net from 'node:net';
import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

/**
 * A Redis that accepts connections and never answers (a stalled server, as
 * after a failover or under a long `DEBUG SLEEP`), behind Backstage's real
 * cache service with the `redis` store.
 */
async function stalledRedis() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    s.resume(); // read every command, answer none
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    // Left stalled, not closed: a closed socket makes the redis client of the
    // stopped backend emit an error no one listens to any more. Unref'd so
    // the test process can exit.
    close: async () => {
      server.unref();
      for (const s of sockets) s.unref();
    },
  };
}

describe('cilium backend plugin with a stalled cache store', () => {
  let cluster: TestCluster;
  let redis: Awaited<ReturnType<typeof stalledRedis>>;

  beforeEach(async () => {
    cluster = await demoCluster('democluster1');
    redis = await stalledRedis();
  });
  afterEach(async () => {
    await cluster.close();
    await redis.close();
  });

  it('answers status reads from the cluster within the deadline, as cache misses', async () => {
    const logger = mockServices.logger.mock();
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: {
        cacheTtlSeconds: 30,
        timeoutMs: 2000,
        limits: { dependencyTimeoutMs: 300 },
      },
      config: {
        backend: { cache: { store: 'redis', connection: redis.url } },
      },
      features: [cacheServiceFactory, logger.factory],
    });
    try {
      const started = Date.now();
      const res = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      const ms = Date.now() - started;
      expect(res.status).toBe(200);
      expect(res.body.gatewayCounts.total).toBe(4);
      // the cache read's 300 ms deadline, then the cluster reads
      expect(ms).toBeLessThan(2000);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('The cache did not answer within 300 ms'),
      );
    } finally {
      await backend.stop();
    }
  }, 30_000);
});
