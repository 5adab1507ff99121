import type { Server } from 'node:http';
import { demoRelayFlows } from '@internal/cilium-test-servers';
import {
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';
import { eventually, openSse } from './__testUtils__/sse';

const STREAM = '/api/cilium/clusters/democluster1/flows/stream';

/** New flows "happening" on the relay: the demo flows, timestamped now. */
function newFlows() {
  return demoRelayFlows(
    'democluster1',
    'democluster2',
    new Date().toISOString(),
  );
}

describe('live flows (SSE) against the Hubble Relay test server', () => {
  let cluster: TestCluster;
  let started: Awaited<ReturnType<typeof startPlugin>>;
  let server: Server;

  beforeAll(async () => {
    cluster = await demoCluster('democluster1', {}, { hubble: true });
    started = await startPlugin({
      clusters: [cluster],
      cilium: {
        flowStream: { maxDurationSeconds: 60, maxFlowsPerSecond: 1000 },
      },
    });
    server = started.backend.server as unknown as Server;
  });
  afterAll(async () => {
    await started.backend.stop();
    await cluster.close();
  }, 30_000);

  it('fans one follow stream per filter out to every subscriber, and closes it when the last leaves', async () => {
    const a = await openSse(server, `${STREAM}?namespace=tenant-jobs`);
    const b = await openSse(server, `${STREAM}?namespace=tenant-jobs`);
    const other = await openSse(server, `${STREAM}?namespace=bookinfo`);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toContain('text/event-stream');
    await eventually(() => cluster.relay!.openFollowCalls() === 2);
    const follows = cluster.relay!.getFlowsRequests.filter(r => r.follow);
    expect(follows).toHaveLength(2);
    expect(follows[0]).toMatchObject({ number: '0', follow: true });

    const flows = newFlows();
    cluster.relay!.publishFlows(flows);
    const inJobs = flows.filter(f =>
      [f.source.namespace, f.destination.namespace].includes('tenant-jobs'),
    ).length;
    const inBookinfo = flows.filter(f =>
      [f.source.namespace, f.destination.namespace].includes('bookinfo'),
    ).length;
    await eventually(
      () =>
        a.events.length === inJobs &&
        b.events.length === inJobs &&
        other.events.length === inBookinfo,
    );
    expect(a.events.map(e => e.event)).toEqual(Array(inJobs).fill('flow'));
    expect(b.events.map(e => e.data.line)).toEqual(
      a.events.map(e => e.data.line),
    );
    expect(a.events.some(e => e.data.verdict === 'DROPPED')).toBe(true);

    a.close();
    await eventually(() => cluster.relay!.openFollowCalls() === 2, 1000);
    b.close();
    other.close();
    await eventually(() => cluster.relay!.openFollowCalls() === 0);
  });

  it('rejects an unknown cluster and a bad filter before streaming', async () => {
    const unknown = await openSse(
      server,
      '/api/cilium/clusters/nope/flows/stream',
    );
    expect(unknown.status).toBe(404);
    const bad = await openSse(server, `${STREAM}?last=10`);
    expect(bad.status).toBe(400);
  });
});

describe('live flows: maximum duration and rate limit', () => {
  let cluster: TestCluster;
  let started: Awaited<ReturnType<typeof startPlugin>>;

  beforeAll(async () => {
    cluster = await demoCluster('democluster1', {}, { hubble: true });
    started = await startPlugin({
      clusters: [cluster],
      cilium: { flowStream: { maxDurationSeconds: 1.5, maxFlowsPerSecond: 4 } },
    });
  });
  afterAll(async () => {
    await started.backend.stop();
    await cluster.close();
  }, 30_000);

  it('samples above the limit and says so, then ends after the maximum duration', async () => {
    const server = started.backend.server as unknown as Server;
    const live = await openSse(server, STREAM);
    await eventually(() => cluster.relay!.openFollowCalls() === 1);
    const flows = newFlows();
    cluster.relay!.publishFlows(flows);
    await eventually(() => live.events.some(e => e.event === 'sampling'));
    const sent = live.events.filter(e => e.event === 'flow').length;
    expect(sent).toBe(4);
    expect(live.events.find(e => e.event === 'sampling')!.data).toEqual({
      limitPerSecond: 4,
      received: flows.length,
      sent: 4,
      windowMs: 1000,
    });

    await live.done;
    expect(live.events[live.events.length - 1]).toEqual({
      event: 'end',
      data: {
        reason: 'max-duration',
        message: 'Live flows stop after 2 s; turn Live on again to continue',
      },
    });
    await eventually(() => cluster.relay!.openFollowCalls() === 0);
  }, 20_000);
});
