/**
 * @jest-environment node
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ResponseError } from '@backstage/errors';
import { CiliumClient } from './CiliumClient';
import { clusterStatus } from '../__fixtures__/clusterStatus';
import { flowsResponse } from '../__fixtures__/flows';

/** A real HTTP server on 127.0.0.1 that answers like the cilium backend. */
describe('CiliumClient', () => {
  let server: http.Server;
  let baseUrl: string;
  const requests: { url: string; auth?: string; ifNoneMatch?: string }[] = [];
  /** The ETag of prod-eu-1's status document; change it to "update" it. */
  let statusEtag = 'W/"status-1"';
  let statusFails = false;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push({
        url: req.url ?? '',
        auth: req.headers.authorization,
        ifNoneMatch: req.headers['if-none-match'],
      });
      const url = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/api/cilium/clusters') {
        return send(200, {
          items: [
            { name: 'prod-eu-1', reachable: true, hubbleConfigured: true },
          ],
        });
      }
      if (url.pathname === '/api/cilium/clusters/prod-eu-1/status') {
        if (statusFails) {
          return send(500, {
            error: { name: 'Error', message: 'boom' },
            request: { method: 'GET', url: req.url },
            response: { statusCode: 500 },
          });
        }
        if (req.headers['if-none-match'] === statusEtag) {
          res.writeHead(304, { etag: statusEtag });
          return res.end();
        }
        res.setHeader('etag', statusEtag);
        return send(200, { ...clusterStatus, generatedAt: statusEtag });
      }
      if (url.pathname === '/api/cilium/clusters/prod-eu-1/flows') {
        return send(200, flowsResponse);
      }
      if (url.pathname === '/api/cilium/mesh') {
        return send(403, {
          error: {
            name: 'NotAllowedError',
            message: 'cilium.cluster.read denied',
          },
          request: { method: 'GET', url: req.url },
          response: { statusCode: 403 },
        });
      }
      return send(404, {
        error: {
          name: 'NotFoundError',
          message: 'Cluster "nope" is not configured',
        },
        request: { method: 'GET', url: req.url },
        response: { statusCode: 404 },
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/cilium`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    requests.length = 0;
    statusEtag = 'W/"status-1"';
    statusFails = false;
  });

  const client = () =>
    new CiliumClient({
      discoveryApi: {
        getBaseUrl: async pluginId => baseUrl.replace('cilium', pluginId),
      },
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: {
              ...(init?.headers as Record<string, string>),
              authorization: 'Bearer t0ken',
            },
          }),
      },
    });

  it('reads the cluster list, a status document and the flows', async () => {
    await expect(client().getClusters()).resolves.toEqual({
      items: [{ name: 'prod-eu-1', reachable: true, hubbleConfigured: true }],
    });
    const status = await client().getClusterStatus('prod-eu-1');
    expect(status.gateways?.map(g => g.name)).toEqual(['public', 'internal']);
    const flows = await client().getFlows('prod-eu-1', {
      namespace: 'tenant-jobs',
      last: 50,
      verdict: 'DROPPED',
      policyVerdictsOnly: true,
    });
    expect(flows.flows).toHaveLength(3);
    expect(requests.map(r => r.url)).toEqual([
      '/api/cilium/clusters',
      '/api/cilium/clusters/prod-eu-1/status',
      '/api/cilium/clusters/prod-eu-1/flows?namespace=tenant-jobs&last=50&verdict=DROPPED&policyVerdictsOnly=true',
    ]);
    expect(requests.every(r => r.auth === 'Bearer t0ken')).toBe(true);
  });

  it('leaves out unset flow filters', async () => {
    await client().getFlows('prod-eu-1', { policyVerdictsOnly: false });
    expect(requests[0].url).toBe('/api/cilium/clusters/prod-eu-1/flows');
  });

  it('encodes the cluster name', async () => {
    await expect(client().getClusterStatus('a/b')).rejects.toBeInstanceOf(
      ResponseError,
    );
    expect(requests[0].url).toBe('/api/cilium/clusters/a%2Fb/status');
  });

  it('throws a ResponseError carrying the backend error body', async () => {
    const error = await client()
      .getMesh()
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error).toEqual({
      name: 'NotAllowedError',
      message: 'cilium.cluster.read denied',
    });

    const notFound = await client()
      .getClusterStatus('nope')
      .catch(e => e);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body.error.message).toBe(
      'Cluster "nope" is not configured',
    );
  });

  it('revalidates a status document it holds: 304 answers with the same document, a new ETag with the new one', async () => {
    const c = client();
    const first = await c.getClusterStatus('prod-eu-1');
    expect(first.generatedAt).toBe('W/"status-1"');
    expect(requests[0].ifNoneMatch).toBeUndefined();

    const again = await c.getClusterStatus('prod-eu-1');
    expect(requests[1].ifNoneMatch).toBe('W/"status-1"');
    expect(again).toBe(first);

    statusEtag = 'W/"status-2"';
    const changed = await c.getClusterStatus('prod-eu-1');
    expect(changed).not.toBe(first);
    expect(changed.generatedAt).toBe('W/"status-2"');

    // Another client (another app) holds nothing: an unconditional request.
    await client().getClusterStatus('prod-eu-1');
    expect(requests[3].ifNoneMatch).toBeUndefined();
  });

  it('forgets a document whose request then failed', async () => {
    const c = client();
    await c.getClusterStatus('prod-eu-1');
    statusFails = true;
    const error = await c.getClusterStatus('prod-eu-1').catch(e => e);
    expect(error.statusCode).toBe(500);
    statusFails = false;
    await c.getClusterStatus('prod-eu-1');
    expect(requests.map(r => r.ifNoneMatch)).toEqual([
      undefined,
      'W/"status-1"',
      undefined,
    ]);
  });
});
