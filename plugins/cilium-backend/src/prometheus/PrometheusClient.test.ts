import {
  demoPrometheusRules,
  PrometheusTestServer,
  startPrometheusTestServer,
} from '@internal/cilium-test-servers';
import { PrometheusClient, PrometheusQueryError } from './PrometheusClient';
import { readClusterMetrics } from './readMetrics';
import { FLOWS_BY_VERDICT_QUERY, MESH_READINESS_QUERY } from './queries';

const NOW = 1_800_000_000;

function client(
  server: PrometheusTestServer,
  extra: Record<string, unknown> = {},
) {
  return new PrometheusClient({
    url: server.url,
    timeoutMs: 500,
    insecureSkipVerify: false,
    authorization: 'Bearer token-1',
    ...extra,
  });
}

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PrometheusQueryError);
    return (e as PrometheusQueryError).detail;
  }
  throw new Error('expected the query to fail');
}

describe('PrometheusClient against the Prometheus test server', () => {
  let server: PrometheusTestServer;
  let c: PrometheusClient;
  beforeAll(async () => {
    server = await startPrometheusTestServer({
      rules: demoPrometheusRules('democluster1'),
      authorization: 'Bearer token-1',
      now: () => NOW,
    });
    c = client(server);
  });
  afterAll(async () => {
    c.close();
    await server.close();
  });
  afterEach(() => server.setFault(undefined));

  it('sends the fixed query as a form-encoded POST with the auth header and a timeout', async () => {
    const before = server.requests.length;
    const vector = await c.instant(MESH_READINESS_QUERY);
    const req = server.requests[before];
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/v1/query');
    expect(req.params.query).toBe(MESH_READINESS_QUERY);
    expect(req.params.timeout).toBe('1s');
    expect(req.authorization).toBe('Bearer token-1');
    expect(
      vector.find(v => v.metric.q === 'ready')?.metric.target_cluster,
    ).toBe('democluster2');
  });

  it('reads a matrix over a range', async () => {
    const matrix = await c.range(FLOWS_BY_VERDICT_QUERY, {
      start: NOW - 900,
      end: NOW,
      step: 15,
    });
    expect(matrix.map(m => m.metric.verdict).sort()).toEqual([
      'DROPPED',
      'FORWARDED',
    ]);
    expect(matrix[0].values).toHaveLength(61);
  });

  it('reports bad_data (400) with the message Prometheus gave', async () => {
    const e = await errorOf(c.instant('sum(rate(x[5m])'));
    expect(e).toEqual({
      reason: 'bad_data',
      statusCode: 400,
      message: expect.stringContaining(
        'bad_data: 1:15: parse error: unclosed left parenthesis',
      ),
    });
  });

  it('reports execution (422)', async () => {
    server.setFault({ kind: 'execution' });
    const e = await errorOf(c.instant(MESH_READINESS_QUERY));
    expect(e.reason).toBe('execution');
    expect(e.statusCode).toBe(422);
    expect(e.message).toContain('too many samples');
  });

  it('reports a Prometheus timeout (503, errorType timeout)', async () => {
    server.setFault({ kind: 'timeout' });
    const e = await errorOf(c.instant(MESH_READINESS_QUERY));
    expect(e).toMatchObject({ reason: 'timeout', statusCode: 503 });
  });

  it('gives up on a hung server at its own timeout', async () => {
    server.setFault({ kind: 'hang' });
    const started = Date.now();
    const e = await errorOf(c.instant(MESH_READINESS_QUERY));
    expect(e).toEqual({
      reason: 'timeout',
      message: 'Prometheus did not answer within 500 ms',
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a wrong auth header as unauthorized, without echoing it', async () => {
    const wrong = client(server, { authorization: 'Bearer nope' });
    try {
      const e = await errorOf(wrong.instant('up'));
      expect(e.reason).toBe('unauthorized');
      expect(e.statusCode).toBe(401);
      expect(e.message).not.toContain('nope');
    } finally {
      wrong.close();
    }
  });

  it('reports an unreachable server', async () => {
    const gone = await startPrometheusTestServer();
    const url = gone.url;
    await gone.close();
    const c2 = new PrometheusClient({
      url,
      timeoutMs: 500,
      insecureSkipVerify: false,
    });
    const e = await errorOf(c2.instant('up'));
    expect(e).toEqual({
      reason: 'unreachable',
      message: 'Could not reach Prometheus: ECONNREFUSED',
    });
    c2.close();
  });

  it('reads every metric of a range, each query with its own error', async () => {
    server.setFault({ kind: 'execution', match: 'hubble_drop_total' });
    const m = await readClusterMetrics('democluster1', c, '15m', NOW * 1000);
    expect(m.window).toEqual({
      start: new Date((NOW - 900) * 1000).toISOString(),
      end: new Date(NOW * 1000).toISOString(),
      stepSeconds: 15,
    });
    expect(m.meshReadiness.value).toEqual([
      {
        cluster: 'democluster2',
        readyAgents: 3,
        agents: 3,
        failures: 1,
        kvstoremesh: { ready: true, failures: 0 },
      },
    ]);
    expect(m.flowsByVerdict.value!.map(s => s.name)).toEqual([
      'DROPPED',
      'FORWARDED',
    ]);
    expect(m.flowsByVerdict.value![0].points[0][0]).toBe((NOW - 900) * 1000);
    expect(m.dropsByReason.error).toMatchObject({
      reason: 'execution',
      statusCode: 422,
    });
    expect(m.dropsByReason.promql).toContain('hubble_drop_total');
    // bookinfo productpage → details over HTTP: one request per 10 s cycle, a 200 in 3 ms.
    expect(m.http.value).toEqual([
      {
        namespace: 'bookinfo',
        workload: 'details',
        requestRate: 0.1,
        errorRatio: 0,
        latencyP95: 0.003,
      },
    ]);
    expect(m.bgpSessions.value).toEqual([
      {
        node: 'democluster1-control-plane',
        vrouter: '65001',
        neighbor: '172.18.0.1',
        neighborAsn: '65000',
        up: true,
      },
      {
        node: 'democluster1-worker',
        vrouter: '65001',
        neighbor: '172.18.0.1',
        neighborAsn: '65000',
        up: false,
      },
    ]);
  });
});

describe('PrometheusClient over TLS', () => {
  it('trusts the configured CA and refuses an unknown one', async () => {
    const server = await startPrometheusTestServer({ tls: true });
    const trusted = client(server, { ca: server.ca, authorization: undefined });
    const untrusted = client(server, { authorization: undefined });
    try {
      expect(await trusted.instant('up')).toEqual([]);
      const e = await errorOf(untrusted.instant('up'));
      expect(e.reason).toBe('unreachable');
      expect(e.message).toContain('tls.caData or caFile');
    } finally {
      trusted.close();
      untrusted.close();
      await server.close();
    }
  });
});
