import {
  TestCluster,
  AUTH,
  demoCluster,
  startPlugin,
} from './__testUtils__/testEnvironment';
import { ClusterStatus } from '@internal/plugin-cilium-common';

describe('cilium backend plugin limits', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await demoCluster('democluster1', {}, { hubble: true });
  });
  afterEach(() => cluster.close());

  it('runs at most K Relay streams per cluster, queues the next, then answers 429 with Retry-After', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: {
        timeoutMs: 5000,
        limits: {
          relayStreamsPerCluster: 2,
          relayStreamsTotal: 8,
          relayQueueTimeoutMs: 300,
          relayQueueLength: 1,
          flowsRequestsPerMinute: 0,
        },
      },
    });
    try {
      cluster.relay!.setFault('GetFlows', { type: 'delay', ms: 1500 });
      // distinct queries: no coalescing
      const answers = await Promise.all(
        [1, 2, 3, 4].map(last =>
          http
            .get(`/api/cilium/clusters/democluster1/flows?last=${last}`)
            .set(AUTH),
        ),
      );
      const statuses = answers.map(r => r.status).sort();
      // two run, one waits 300 ms and is refused, one finds the queue full
      expect(statuses).toEqual([200, 200, 429, 429]);
      const refused = answers.filter(r => r.status === 429);
      for (const r of refused) {
        expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(r.body.error.name).toBe('TooManyRequestsError');
      }
      expect(refused.map(r => r.body.error.message).join(' ')).toMatch(
        /at most 2 per cluster/,
      );
      expect(cluster.relay!.calls.GetFlows).toBe(2);
    } finally {
      await backend.stop();
    }
  });

  it('limits flows requests per user and minute', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { limits: { flowsRequestsPerMinute: 3 } },
    });
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await http
          .get(`/api/cilium/clusters/democluster1/flows?last=${i + 1}`)
          .set(AUTH);
        codes.push(last.status);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(last!.body.error.message).toContain('3 flows requests per minute');
      // other routes are not limited
      const status = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      expect(status.status).toBe(200);
    } finally {
      await backend.stop();
    }
  });

  it('truncates upstream messages to 1 KiB and scrubs credentials from them', async () => {
    const { http, backend } = await startPlugin({ clusters: [cluster] });
    try {
      cluster.server.setFault(/gatewayclasses/, {
        type: 'fail',
        status: 500,
        message: `upstream https://admin:hunter2@10.0.0.9:8443/x?token=t0ps3cret failed ${'x'.repeat(
          5000,
        )}`,
      });
      const res = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      expect(res.status).toBe(200);
      const body = res.body as ClusterStatus;
      const error = body.errors.find(e => e.message.includes('upstream'))!;
      expect(error.message).toContain('https://***@10.0.0.9:8443/x?token=***');
      expect(Buffer.byteLength(error.message)).toBeLessThanOrEqual(1024);
      expect(res.text).not.toMatch(/hunter2|t0ps3cret/);
    } finally {
      await backend.stop();
    }
  });
});
