import {
  FlowsSummary,
  totalVerdicts,
  Verdict,
} from '@internal/plugin-cilium-common';
import { demoRelayFixtures, meshFlows } from '@internal/cilium-test-servers';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

describe('flows summary route', () => {
  let cluster: TestCluster;
  let started: Awaited<ReturnType<typeof startPlugin>>;

  beforeAll(async () => {
    cluster = await demoCluster('democluster1', {}, { hubble: true });
    cluster.extras!.hubble = {
      address: cluster.relay!.address,
      uiUrl: 'https://hubble.democluster1.example.com/',
    };
    started = await startPlugin({
      clusters: [cluster],
      cilium: { timeoutMs: 60_000 },
    });
  });
  afterAll(async () => {
    await started.backend.stop();
    await cluster.close();
  }, 30_000);
  afterEach(() => {
    cluster.relay!.setFixtures(demoRelayFixtures('democluster1'));
    cluster.relay!.resetCalls();
  });

  const get = (query: string) =>
    started.http
      .get(`/api/cilium/clusters/democluster1/flows/summary${query}`)
      .set(AUTH);

  it('draws tenant-jobs: workloads, the FQDN, the dropped edges with reasons and policies', async () => {
    const res = await get('?namespace=tenant-jobs');
    expect(res.status).toBe(200);
    const s = res.body as FlowsSummary;
    expect(s.error).toBeUndefined();
    expect(s.query).toEqual({ namespace: 'tenant-jobs', last: 10000 });
    expect(s.hubbleUiUrl).toBe('https://hubble.democluster1.example.com');

    // The filters went to the relay, not applied afterwards.
    const [request] = cluster.relay!.getFlowsRequests.slice(-1);
    expect(request.number).toBe('10000');
    expect(
      request.whitelist.map(w => [w.source_pod, w.destination_pod]),
    ).toEqual([
      [['tenant-jobs/'], []],
      [[], ['tenant-jobs/']],
    ]);

    // A direct count of the same flows.
    const flows = cluster
      .relay!.fixtures()
      .flows.filter(f =>
        [f.source.namespace, f.destination.namespace].includes('tenant-jobs'),
      );
    expect(s.flowsRead).toBe(flows.length);
    expect(totalVerdicts(s.edges)).toBe(flows.length);
    const direct: Partial<Record<Verdict, number>> = {};
    for (const f of flows) direct[f.verdict] = (direct[f.verdict] ?? 0) + 1;
    const summed: Partial<Record<Verdict, number>> = {};
    for (const e of s.edges)
      for (const [v, n] of Object.entries(e.verdicts))
        summed[v as Verdict] = (summed[v as Verdict] ?? 0) + n!;
    expect(summed).toEqual(direct);

    const ids = s.nodes.map(n => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'tenant-jobs/scheduler',
        'tenant-jobs/worker',
        'tenant-web/frontend',
        'kube-system/kube-dns',
        'fqdn:downloads.example.org',
        'democluster2/tenant-jobs/reporting',
      ]),
    );
    expect(
      s.nodes.find(n => n.id === 'democluster2/tenant-jobs/reporting'),
    ).toMatchObject({
      cluster: 'democluster2',
      kind: 'workload',
      workloadKind: 'Deployment',
    });

    const edge = (id: string) => s.edges.find(e => e.id === id);
    expect(
      edge('tenant-web/frontend→tenant-jobs/worker:8080/TCP'),
    ).toMatchObject({
      flows: 2,
      verdicts: { DROPPED: 2 },
      dropReasons: { POLICY_DENIED: 1, POLICY_DENY: 1 },
      policies: [
        {
          name: 'deny-cross-tenant',
          kind: 'CiliumClusterwideNetworkPolicy',
          verdict: 'denied',
          count: 1,
        },
      ],
      firstSeen: '2026-11-26T10:00:04.000Z',
      lastSeen: '2026-11-26T10:00:04.001Z',
    });
    expect(
      edge('tenant-jobs/worker→fqdn:downloads.example.org:443/TCP'),
    ).toMatchObject({
      verdicts: { DROPPED: 2 },
    });
    // The DNS answer is a reply: it is counted on the query's edge.
    expect(
      edge('tenant-jobs/scheduler→kube-system/kube-dns:53/UDP'),
    ).toMatchObject({
      flows: 3,
      verdicts: { FORWARDED: 3 },
      l7: { dns: { queries: { 'downloads.example.org.': 2 } } },
      policies: [
        expect.objectContaining({ name: 'allow-kube-dns', verdict: 'allowed' }),
      ],
    });

    expect(s.window).toEqual({
      oldest: '2026-11-26T10:00:01.000Z',
      newest: '2026-11-26T10:00:07.000Z',
    });
    expect(s.truncated).toBe(false);
    expect(s.lostEvents).toEqual({
      inStream: 3,
      bySource: { HUBBLE_RING_BUFFER: 3 },
      evictedFromBuffers: 215_320 - 16_380,
      numFlows: 16_380,
      maxFlows: 16_380,
    });
  });

  it('summarises HTTP by method and status class on the request edge', async () => {
    const s = (await get('?namespace=bookinfo')).body as FlowsSummary;
    expect(
      s.edges.find(
        e => e.id === 'bookinfo/productpage→bookinfo/details:9080/TCP',
      ),
    ).toMatchObject({
      flows: 3,
      l7: { http: { methods: { GET: 1 }, statusClasses: { '2xx': 1 } } },
    });
  });

  it('aggregates 4,000 flows of 200 workloads over 1,000 edges; counts equal a direct count', async () => {
    const flows = meshFlows({ flows: 4000 });
    cluster.relay!.setFlows(flows);
    const s = (await get('')).body as FlowsSummary;
    expect(s.error).toBeUndefined();
    expect(s.flowsRead).toBe(4000);
    expect(totalVerdicts(s.edges)).toBe(4000);
    expect(s.nodes).toHaveLength(200);
    expect(s.edges).toHaveLength(1000);
    const dropped = flows.filter(f => f.verdict === 'DROPPED').length;
    expect(s.edges.reduce((n, e) => n + (e.verdicts.DROPPED ?? 0), 0)).toBe(
      dropped,
    );
    expect(s.window.oldest).toBe('2026-11-26T11:00:00.000Z');
    expect(s.window.newest).toBe('2026-11-26T11:00:39.990Z');
    expect(s.truncated).toBe(false);

    // `last` keeps the newest flows and says the window is cut.
    const cut = (await get('?last=1500')).body as FlowsSummary;
    expect(cut.flowsRead).toBe(1500);
    expect(cut.truncated).toBe(true);
    expect(cut.window.oldest).toBe('2026-11-26T11:00:25.000Z');
  }, 120_000);

  it('rejects bad queries naming the parameter, and unknown clusters', async () => {
    const bad = await get('?last=10001');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      "Invalid query parameter 'last': must be an integer from 1 to 10000",
    );
    const unknown = await started.http
      .get('/api/cilium/clusters/nope/flows/summary')
      .set(AUTH);
    expect(unknown.status).toBe(404);
    const anonymous = await started.http.get(
      '/api/cilium/clusters/democluster1/flows/summary',
    );
    expect(anonymous.status).toBe(401);
  });

  it('reports a failing relay as the hubble error with an empty graph', async () => {
    cluster.relay!.setFault('GetFlows', {
      type: 'fail',
      code: 14,
      details: 'relay down',
    });
    try {
      const s = (await get('?namespace=tenant-web')).body as FlowsSummary;
      expect(s).toMatchObject({
        flowsRead: 0,
        nodes: [],
        edges: [],
        error: { source: 'hubble', reason: 'unreachable' },
      });
    } finally {
      cluster.relay!.clearFaults();
    }
  });
});
