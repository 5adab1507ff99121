import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

/** A server nobody configured: any request reaching it is a failure. */
async function startTrap() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end('{}');
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    hits,
    hostPort: `127.0.0.1:${port}`,
    close: () => new Promise<void>(r => server.close(() => r())),
  };
}

describe('cilium backend plugin input handling', () => {
  let cluster: TestCluster;
  let trap: Awaited<ReturnType<typeof startTrap>>;
  let client: Awaited<ReturnType<typeof startPlugin>>['http'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    cluster = await demoCluster('democluster1');
    trap = await startTrap();
    const started = await startPlugin({ clusters: [cluster] });
    client = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(async () => {
    await stop();
    await cluster.close();
    await trap.close();
  });

  it.each([
    ['namespace=Not_A_Label', 'namespace', 'DNS-1123'],
    [
      'namespace=kube-system&namespace=default',
      'namespace',
      'must be given once',
    ],
    ['last=0', 'last', 'from 1 to 1000'],
    ['last=1001', 'last', 'from 1 to 1000'],
    ['last=ten', 'last', 'from 1 to 1000'],
    ['verdict=ALLOWED', 'verdict', 'must be one of'],
    ['policyVerdictsOnly=1', 'policyVerdictsOnly', 'true or false'],
    ['since=2026-13-45', 'since', 'ISO 8601'],
    ['since=2026-11-26T10:00:00%2B24:00', 'since', 'UTC offset'],
  ])(
    'answers 400 for flows?%s naming the parameter and the rule',
    async (qs, param, rule) => {
      const res = await client
        .get(`/api/cilium/clusters/democluster1/flows?${qs}`)
        .set(AUTH);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(`'${param}'`);
      expect(res.body.error.message).toContain(rule);
    },
  );

  it.each([
    ['limit=0', 'limit', 'from 1 to 100'],
    ['limit=101', 'limit', 'from 1 to 100'],
    ['offset=-3', 'offset', 'from 0 to 1000000'],
    ['offset=1&offset=2', 'offset', 'must be given once'],
    [`q=${'a'.repeat(201)}`, 'q', 'at most 200 characters'],
  ])(
    'answers 400 for httproutes?%s and gateways?%s naming the parameter and the rule',
    async (qs, param, rule) => {
      for (const section of ['httproutes', 'gateways']) {
        const res = await client
          .get(`/api/cilium/clusters/democluster1/${section}?${qs}`)
          .set(AUTH);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain(`'${param}'`);
        expect(res.body.error.message).toContain(rule);
      }
    },
  );

  it('answers 400 for unknown flows parameters', async () => {
    const res = await client
      .get(`/api/cilium/clusters/democluster1/flows?server=${trap.hostPort}`)
      .set(AUTH);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      "Unknown query parameter(s) 'server'",
    );
  });

  it('never contacts an address taken from a request', async () => {
    const attempts = [
      `/api/cilium/clusters/${encodeURIComponent(
        `http://${trap.hostPort}`,
      )}/status`,
      `/api/cilium/clusters/${encodeURIComponent(trap.hostPort)}/status`,
      `/api/cilium/clusters/${encodeURIComponent(trap.hostPort)}/flows`,
      `/api/cilium/clusters/${encodeURIComponent(trap.hostPort)}/httproutes`,
      `/api/cilium/clusters/${encodeURIComponent(trap.hostPort)}/gateways`,
      `/api/cilium/clusters/democluster1/status?url=http://${trap.hostPort}&server=${trap.hostPort}`,
      `/api/cilium/clusters/democluster1%2F..%2F..%2F${encodeURIComponent(
        trap.hostPort,
      )}/status`,
      `/api/cilium/clusters/..%2F..%2Fversion/status`,
      `/api/cilium/clusters?cluster=http://${trap.hostPort}`,
      `/api/cilium/mesh?url=http://${trap.hostPort}`,
    ];
    const statuses: number[] = [];
    for (const path of attempts) {
      const res = await client
        .get(path)
        .set(AUTH)
        .set('Backstage-Kubernetes-Cluster', trap.hostPort)
        .set('X-Forwarded-Host', trap.hostPort);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([
      404, 404, 404, 404, 404, 200, 404, 404, 200, 200,
    ]);
    expect(trap.hits).toEqual([]);
    // And the configured cluster only ever saw API paths, never a request's
    // address or path fragments.
    expect(
      cluster.server.requests.every(
        p => p.startsWith('/api') || p.startsWith('/version'),
      ),
    ).toBe(true);
  });
});
