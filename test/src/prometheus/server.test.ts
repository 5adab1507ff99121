import https from 'node:https';
import { demoRelayFixtures } from '../hubble/fixtures/demoRelay';
import { demoPrometheusRules } from './fixtures/demoMetrics';
import { PrometheusTestServer, startPrometheusTestServer } from './server';

const FLOWS = 'sum by (verdict) (rate(hubble_flows_processed_total[5m]))';

async function post(
  server: PrometheusTestServer,
  path: string,
  form: Record<string, string>,
) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: await res.json() };
}

describe('Prometheus test server', () => {
  let server: PrometheusTestServer;
  beforeAll(async () => {
    server = await startPrometheusTestServer({
      rules: demoPrometheusRules('democluster1'),
      now: () => 1_800_000_000,
    });
  });
  afterAll(() => server.close());
  afterEach(() => server.setFault(undefined));

  it('answers an instant query (GET) with a vector of [seconds, "value"] samples', async () => {
    const res = await fetch(
      `${server.url}/api/v1/query?query=${encodeURIComponent(
        FLOWS,
      )}&time=1800000000.5`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = await res.json();
    expect(body.status).toBe('success');
    expect(body.data.resultType).toBe('vector');
    const verdicts = body.data.result.map((r: any) => r.metric.verdict).sort();
    // Derived from the demo relay's flows: one series per verdict they carry.
    const relayVerdicts = new Set(
      demoRelayFixtures('democluster1').flows.map(f => f.verdict),
    );
    expect(verdicts).toEqual([...relayVerdicts].sort());
    expect(verdicts).toEqual(['DROPPED', 'FORWARDED']);
    for (const r of body.data.result) {
      expect(r.value[0]).toBe(1800000000.5);
      expect(typeof r.value[1]).toBe('string');
      expect(Number(r.value[1])).toBeGreaterThan(0);
    }
  });

  it('answers a range query (POST, form-encoded) with a matrix, one sample per step', async () => {
    const { status, body } = await post(server, '/api/v1/query_range', {
      query: FLOWS,
      start: '1800000000',
      end: '1800000600',
      step: '60s',
    });
    expect(status).toBe(200);
    expect(body.data.resultType).toBe('matrix');
    const values = body.data.result[0].values;
    expect(values).toHaveLength(11);
    expect(values[0][0]).toBe(1800000000);
    expect(values[10][0]).toBe(1800000600);
  });

  it('answers an unknown metric with an empty result, as Prometheus does', async () => {
    const { status, body } = await post(server, '/api/v1/query', {
      query: 'no_such_metric_total',
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [] },
    });
  });

  it('rejects unparsable queries and bad parameters with bad_data (400)', async () => {
    const unparsable = await post(server, '/api/v1/query', {
      query: 'sum(rate(x[5m])',
    });
    expect(unparsable.status).toBe(400);
    expect(unparsable.body).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: expect.stringContaining('parse error: unclosed left parenthesis'),
    });
    const backwards = await post(server, '/api/v1/query_range', {
      query: FLOWS,
      start: '200',
      end: '100',
      step: '15',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toContain(
      'end timestamp must not be before start time',
    );
    const tooMany = await post(server, '/api/v1/query_range', {
      query: FLOWS,
      start: '0',
      end: '1000000',
      step: '1',
    });
    expect(tooMany.body.error).toContain(
      'exceeded maximum resolution of 11,000 points',
    );
  });

  it('fails queries with execution (422) and timeout (503) when told to', async () => {
    server.setFault({
      kind: 'execution',
      match: 'hubble_flows_processed_total',
    });
    const exec = await post(server, '/api/v1/query', { query: FLOWS });
    expect(exec.status).toBe(422);
    expect(exec.body.errorType).toBe('execution');
    // Other queries are not affected by a matching fault.
    expect((await post(server, '/api/v1/query', { query: 'up' })).status).toBe(
      200,
    );
    server.setFault({ kind: 'timeout' });
    const timeout = await post(server, '/api/v1/query', { query: FLOWS });
    expect(timeout.status).toBe(503);
    expect(timeout.body).toEqual({
      status: 'error',
      errorType: 'timeout',
      error: 'query timed out in expression evaluation',
    });
  });

  it('checks the Authorization header and serves TLS', async () => {
    const secure = await startPrometheusTestServer({
      authorization: 'Bearer s3cret',
      tls: true,
    });
    try {
      const get = (auth?: string) =>
        new Promise<number>((resolve, reject) => {
          https
            .get(
              `${secure.url}/api/v1/query?query=up`,
              { ca: secure.ca, headers: auth ? { Authorization: auth } : {} },
              res => {
                res.resume();
                resolve(res.statusCode!);
              },
            )
            .on('error', reject);
        });
      expect(await get()).toBe(401);
      expect(await get('Bearer wrong')).toBe(401);
      expect(await get('Bearer s3cret')).toBe(200);
      expect(secure.requests).toHaveLength(1);
    } finally {
      await secure.close();
    }
  });
});
