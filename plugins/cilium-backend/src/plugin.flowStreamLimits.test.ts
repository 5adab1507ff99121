import type { Server } from 'node:http';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';
import { eventually, openSse } from './__testUtils__/sse';

const STREAM = '/api/cilium/clusters/democluster1/flows/stream';

describe('live flows hold a Relay stream slot (Hubble Relay test server)', () => {
  let cluster: TestCluster;
  let started: Awaited<ReturnType<typeof startPlugin>>;
  let server: Server;

  beforeAll(async () => {
    cluster = await demoCluster('democluster1', {}, { hubble: true });
    started = await startPlugin({
      clusters: [cluster],
      cilium: {
        timeoutMs: 5000,
        flowStream: { maxDurationSeconds: 60, maxFlowsPerSecond: 1000 },
        limits: {
          relayStreamsPerCluster: 1,
          relayStreamsTotal: 8,
          relayQueueTimeoutMs: 1500,
          relayQueueLength: 4,
          flowsRequestsPerMinute: 0,
        },
      },
    });
    server = started.backend.server as unknown as Server;
  });
  afterAll(async () => {
    await started.backend.stop();
    await cluster.close();
  }, 30_000);

  it('counts an open live stream against relayStreamsPerCluster: a second filter or a flows read gets 429 until it closes', async () => {
    const a = await openSse(server, `${STREAM}?namespace=tenant-jobs`);
    expect(a.status).toBe(200);
    // the same filter shares the relay stream and needs no slot of its own
    const b = await openSse(server, `${STREAM}?namespace=tenant-jobs`);
    expect(b.status).toBe(200);
    await eventually(() => cluster.relay!.openFollowCalls() === 1);

    const [other, read] = await Promise.all([
      openSse(server, `${STREAM}?namespace=bookinfo`),
      started.http
        .get('/api/cilium/clusters/democluster1/flows?last=1')
        .set(AUTH),
    ]);
    expect(other.status).toBe(429);
    expect(Number(other.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(read.status).toBe(429);
    expect(read.body.error.name).toBe('TooManyRequestsError');
    expect(read.body.error.message).toMatch(/at most 1 per cluster/);
    expect(cluster.relay!.openFollowCalls()).toBe(1);

    // once the last subscriber of the first leaves, its slot is free again
    // for the other filter (which may already be waiting in the queue)
    const waiting = openSse(server, `${STREAM}?namespace=bookinfo`);
    a.close();
    b.close();
    const next = await waiting;
    expect(next.status).toBe(200);
    await eventually(
      () =>
        cluster.relay!.openFollowCalls() === 1 &&
        cluster.relay!.getFlowsRequests.filter(r => r.follow).length === 2,
    );
    next.close();
    await eventually(() => cluster.relay!.openFollowCalls() === 0);
    const after = await started.http
      .get('/api/cilium/clusters/democluster1/flows?last=1')
      .set(AUTH);
    expect(after.status).toBe(200);
  }, 30_000);
});
