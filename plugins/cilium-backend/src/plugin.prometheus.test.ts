import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ClusterMetrics,
  ClusterStatus,
  MeshOverview,
} from '@internal/plugin-cilium-common';
import {
  demoPrometheusRules,
  PrometheusTestServer,
  startPrometheusTestServer,
} from '@internal/cilium-test-servers';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

const TOKEN = 'Bearer prom-token';

describe('cilium backend plugin with Prometheus', () => {
  let prom: PrometheusTestServer;
  let cluster: TestCluster;
  let other: TestCluster;
  let http: Awaited<ReturnType<typeof startPlugin>>['http'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    prom = await startPrometheusTestServer({
      rules: demoPrometheusRules('democluster1'),
      authorization: TOKEN,
      tls: true,
    });
    cluster = await demoCluster(
      'democluster1',
      {
        prometheus: {
          url: `${prom.url}/`,
          authorization: TOKEN,
          timeoutMs: 500,
          tls: { caData: prom.ca },
        },
      },
      { hubble: true },
    );
    // democluster2 has Hubble but no Prometheus: the fallback.
    other = await demoCluster('democluster2', {}, { hubble: true });
    const started = await startPlugin({ clusters: [cluster, other] });
    http = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(async () => {
    await stop();
    await cluster.close();
    await other.close();
    await prom.close();
  });
  afterEach(() => prom.setFault(undefined));

  it('reads mesh readiness from Prometheus, Hubble being the labelled fallback', async () => {
    const s = (
      await http.get('/api/cilium/clusters/democluster1/status').set(AUTH)
    ).body as ClusterStatus;
    expect(s.errors).toEqual([]);
    expect(s.meshReadiness).toEqual([
      expect.objectContaining({
        cluster: 'democluster2',
        readyAgents: 3,
        agents: 3,
      }),
    ]);
    expect(s.clusterMesh!.peers).toEqual([
      {
        name: 'democluster2',
        ready: true,
        source: 'prometheus',
        connectedNodes: 1,
        agents: { ready: 3, total: 3 },
        failures: 1,
      },
    ]);
    const mesh = (await http.get('/api/cilium/mesh').set(AUTH))
      .body as MeshOverview;
    const byName = Object.fromEntries(
      mesh.clusters.map(c => [c.name, c.peers[0]]),
    );
    expect(byName.democluster1.source).toBe('prometheus');
    expect(byName.democluster2).toMatchObject({
      source: 'hubble',
      fallbackReason: 'No Prometheus configured (cilium.clusters[].prometheus)',
    });
  });

  it('falls back to Hubble when Prometheus fails, saying why', async () => {
    prom.setFault({ kind: 'execution' });
    const s = (
      await http.get('/api/cilium/clusters/democluster1/status').set(AUTH)
    ).body as ClusterStatus;
    expect(s.errors).toEqual([
      expect.objectContaining({
        source: 'prometheus',
        reason: 'error',
        statusCode: 422,
      }),
    ]);
    expect(s.clusterMesh!.peers[0]).toMatchObject({
      ready: true,
      source: 'hubble',
      fallbackReason: expect.stringContaining(
        'Prometheus unavailable: Prometheus: execution',
      ),
    });
  });

  it('serves the metrics of a range, each query with its own error', async () => {
    prom.setFault({ kind: 'timeout', match: 'hubble_drop_total' });
    const res = await http
      .get('/api/cilium/clusters/democluster1/metrics?range=6h')
      .set(AUTH);
    expect(res.status).toBe(200);
    const m = res.body as ClusterMetrics;
    expect(m).toMatchObject({
      cluster: 'democluster1',
      range: '6h',
      configured: true,
    });
    expect(m.window.stepSeconds).toBe(360);
    expect(m.flowsByVerdict.value!.map(s => s.name)).toEqual([
      'DROPPED',
      'FORWARDED',
    ]);
    expect(m.flowsByVerdict.value![0].points).toHaveLength(61);
    expect(m.dropsByReason.error).toEqual({
      reason: 'timeout',
      statusCode: 503,
      message: 'Prometheus: timeout: query timed out in expression evaluation',
    });
    expect(m.http.value![0]).toMatchObject({
      namespace: 'bookinfo',
      workload: 'details',
    });
    // The 6h range is substituted into the fixed HTTP query, nothing else.
    expect(m.http.promql).toContain(
      'hubble_http_requests_total{reporter="server"}[6h]',
    );
    // Every request carried the configured header; none leaked into the body.
    expect(prom.requests.every(r => r.authorization === TOKEN)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('prom-token');
  });

  it('says "not configured" for a cluster without Prometheus and contacts nothing', async () => {
    const before = prom.requests.length;
    const res = await http
      .get('/api/cilium/clusters/democluster2/metrics')
      .set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      range: '1h',
      configured: false,
      flowsByVerdict: { error: { reason: 'not-configured' } },
    });
    expect(prom.requests.length).toBe(before);
  });

  it('validates the range and the cluster name', async () => {
    const bad = await http
      .get('/api/cilium/clusters/democluster1/metrics?range=2d')
      .set(AUTH);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      "Invalid query parameter 'range': must be one of 15m, 1h, 6h",
    );
    const promql = await http
      .get('/api/cilium/clusters/democluster1/metrics?query=up')
      .set(AUTH);
    expect(promql.status).toBe(400);
    expect(promql.body.error.message).toContain(
      "Unknown query parameter(s) 'query'",
    );
    const unknown = await http
      .get('/api/cilium/clusters/nope/metrics')
      .set(AUTH);
    expect(unknown.status).toBe(404);
    const anonymous = await http.get(
      '/api/cilium/clusters/democluster1/metrics',
    );
    expect(anonymous.status).toBe(401);
  });
});

describe('the metrics route without cilium.cluster.read', () => {
  it('answers 403', async () => {
    const cluster = await demoCluster('democluster1');
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    try {
      const res = await http
        .get('/api/cilium/clusters/democluster1/metrics')
        .set(AUTH);
      expect(res.status).toBe(403);
    } finally {
      await backend.stop();
      await cluster.close();
    }
  });
});

describe('a bad prometheus block', () => {
  it('starts and reports the rule it breaks', async () => {
    const cluster = await demoCluster('democluster1', {
      prometheus: { url: 'https://user:pw@prometheus.example.net' },
    });
    const { http, backend } = await startPlugin({ clusters: [cluster] });
    try {
      const res = await http
        .get('/api/cilium/clusters/democluster1/metrics')
        .set(AUTH);
      expect(res.body.meshReadiness.error.message).toBe(
        'Invalid Prometheus configuration for cluster democluster1: cilium.clusters[democluster1].prometheus.url must not carry credentials, a query or a fragment; put credentials in cilium.clusters[democluster1].prometheus.authorization',
      );
      expect(JSON.stringify(res.body)).not.toContain('pw@');
    } finally {
      await backend.stop();
      await cluster.close();
    }
  });
});
