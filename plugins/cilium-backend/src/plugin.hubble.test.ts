import {
  ClusterStatus,
  FlowsResponse,
  MeshOverview,
} from '@internal/plugin-cilium-common';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

const TIMEOUT_MS = 800;

describe('cilium backend plugin with Hubble Relay', () => {
  let cluster: TestCluster;
  let other: TestCluster;
  let http: Awaited<ReturnType<typeof startPlugin>>['http'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    cluster = await demoCluster('democluster1', {}, { hubble: true });
    other = await demoCluster('democluster2', {}, { hubble: true });
    const started = await startPlugin({
      clusters: [cluster, other],
      cilium: { timeoutMs: TIMEOUT_MS },
    });
    http = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(async () => {
    await stop();
    await cluster.close();
    await other.close();
  });
  afterEach(() => {
    cluster.relay!.clearFaults();
    cluster.relay!.resetCalls();
    cluster.server.resetCounts();
  });

  it('adds Hubble status and mesh peer readiness to the status document', async () => {
    const res = await http
      .get('/api/cilium/clusters/democluster1/status')
      .set(AUTH);
    const s = res.body as ClusterStatus;
    expect(s.errors).toEqual([]);
    expect(s.hubble).toMatchObject({
      healthy: true,
      numFlows: 16380,
      maxFlows: 16380,
      numConnectedNodes: 4,
      numUnavailableNodes: 1,
      unavailableNodes: ['democluster2/worker-2'],
      version: '1.19.4',
    });
    expect(s.hubble!.text).toContain(
      'Current/Max Flows: 16,380/16,380 (100.00%)',
    );
    expect(s.clusterMesh!.peers).toEqual([
      {
        name: 'democluster2',
        ready: true,
        source: 'hubble',
        connectedNodes: 1,
        fallbackReason:
          'No Prometheus configured (cilium.clusters[].prometheus)',
      },
    ]);
  });

  it('lists Hubble as configured and shows peers in the mesh overview', async () => {
    const clusters = await http.get('/api/cilium/clusters').set(AUTH);
    expect(clusters.body.items.map((c: any) => c.hubbleConfigured)).toEqual([
      true,
      true,
    ]);
    const mesh = (await http.get('/api/cilium/mesh').set(AUTH))
      .body as MeshOverview;
    expect(
      mesh.clusters.map(c => [
        c.name,
        c.peers.map(p => `${p.name}:${p.ready}`),
      ]),
    ).toEqual([
      ['democluster1', ['democluster2:true']],
      ['democluster2', ['democluster1:true']],
    ]);
  });

  it('returns flows with filters pushed to the relay', async () => {
    const res = await http
      .get(
        '/api/cilium/clusters/democluster1/flows?namespace=tenant-jobs&last=20&policyVerdictsOnly=true',
      )
      .set(AUTH);
    expect(res.status).toBe(200);
    const body = res.body as FlowsResponse;
    expect(body.query).toEqual({
      namespace: 'tenant-jobs',
      last: 20,
      policyVerdictsOnly: true,
    });
    expect(body.error).toBeUndefined();
    expect(body.flows.length).toBeGreaterThan(0);
    for (const f of body.flows) {
      expect(f.isPolicyVerdict).toBe(true);
      expect([f.source.namespace, f.destination.namespace]).toContain(
        'tenant-jobs',
      );
      expect(f.line).toContain('policy-verdict:');
    }
    const total = Object.values(body.verdictCounts).reduce(
      (a, b) => a + (b ?? 0),
      0,
    );
    expect(total).toBe(body.flows.length);
    const [request] = cluster.relay!.getFlowsRequests.slice(-1);
    expect(request.number).toBe('20');
    expect(request.whitelist).toHaveLength(2);
  });

  it('coalesces concurrent status requests into one set of relay calls', async () => {
    const { http: fresh, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { cacheTtlSeconds: 0 },
    });
    try {
      cluster.relay!.resetCalls();
      await Promise.all(
        Array.from({ length: 10 }, () =>
          fresh.get('/api/cilium/clusters/democluster1/status').set(AUTH),
        ),
      );
      expect(cluster.relay!.calls.ServerStatus).toBe(1);
      expect(cluster.relay!.calls.GetNodes).toBe(1);
    } finally {
      await backend.stop();
    }
  });

  it('keeps the Kubernetes sections when the relay hangs, and answers within budget', async () => {
    const { http: fresh, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { timeoutMs: TIMEOUT_MS },
    });
    try {
      cluster.relay!.setFault('*', { type: 'hang' });
      const started = Date.now();
      const res = await fresh
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 700);
      const s = res.body as ClusterStatus;
      expect(s.gatewayCounts?.total).toBe(4);
      expect(s.hubble).toBeUndefined();
      expect(s.errors).toEqual([
        expect.objectContaining({ source: 'hubble', reason: 'timeout' }),
      ]);
      expect(s.clusterMesh!.peers[0]).toMatchObject({
        name: 'democluster2',
        ready: null,
        source: 'none',
      });

      const flows = await fresh
        .get('/api/cilium/clusters/democluster1/flows')
        .set(AUTH);
      expect(flows.body).toMatchObject({
        flows: [],
        error: { source: 'hubble', reason: 'timeout' },
      });
    } finally {
      await backend.stop();
    }
  });
});

describe('cilium backend plugin with a bad Hubble address', () => {
  it('starts and reports the configuration error as the hubble source error', async () => {
    const cluster = await demoCluster('democluster1', {
      hubble: { address: 'http://relay:4245/x' },
    });
    const { http, backend } = await startPlugin({ clusters: [cluster] });
    try {
      const res = await http
        .get('/api/cilium/clusters/democluster1/status')
        .set(AUTH);
      expect(res.status).toBe(200);
      expect(res.body.gatewayCounts.total).toBe(4);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          source: 'hubble',
          reason: 'error',
          message: expect.stringContaining(
            'Invalid Hubble Relay configuration for cluster democluster1',
          ),
        }),
      ]);
    } finally {
      await backend.stop();
      await cluster.close();
    }
  });
});
