/**
 * @jest-environment node
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ResponseError } from '@backstage/errors';
import { CiliumClient } from './CiliumClient';
import {
  gatewaySearchText,
  httpRouteSearchText,
} from '@internal/plugin-cilium-common';
import {
  clusterStatus,
  gateways,
  manyRoutes,
} from '../__fixtures__/clusterStatus';
import { flowsResponse } from '../__fixtures__/flows';
import { servePages } from '../__fixtures__/mockCiliumApi';

/** A real HTTP server on 127.0.0.1 that answers like the cilium backend. */
describe('CiliumClient', () => {
  let server: http.Server;
  let baseUrl: string;
  const requests: { url: string; auth?: string; ifNoneMatch?: string }[] = [];
  /** The ETag of prod-eu-1's status document; change it to "update" it. */
  let statusEtag = 'W/"status-1"';
  /** The snapshot the pages are cut from; change it to "update" them. */
  let snapshot = 's1';
  const routePages = servePages(manyRoutes(30), httpRouteSearchText);
  const gatewayPages = servePages(gateways, gatewaySearchText);

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
        if (req.headers['if-none-match'] === statusEtag) {
          res.writeHead(304, { etag: statusEtag });
          return res.end();
        }
        res.setHeader('etag', statusEtag);
        return send(200, { ...clusterStatus, generatedAt: statusEtag });
      }
      const pages =
        (url.pathname === '/api/cilium/clusters/prod-eu-1/httproutes' &&
          routePages) ||
        (url.pathname === '/api/cilium/clusters/prod-eu-1/gateways' &&
          gatewayPages);
      if (pages) {
        const limit = url.searchParams.get('limit') ?? '10';
        if (!/^\d+$/.test(limit) || +limit < 1 || +limit > 100) {
          return send(400, {
            error: { name: 'InputError', message: `Invalid limit "${limit}"` },
            request: { method: 'GET', url: req.url },
            response: { statusCode: 400 },
          });
        }
        // Weak ETag of the snapshot and the query, as the backend's.
        const etag = `W/"${snapshot}${url.search}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          return res.end();
        }
        return pages('prod-eu-1', {
          q: url.searchParams.get('q') ?? undefined,
          offset: Number(url.searchParams.get('offset') ?? 0),
          limit: Number(limit),
        }).then(page => {
          res.setHeader('etag', etag);
          send(200, { ...page, generatedAt: snapshot });
        });
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
    snapshot = 's1';
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
    expect(status.gatewayCounts).toEqual({
      total: 2,
      notAccepted: 0,
      notProgrammed: 1,
    });
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

  it('reads pages of Gateways and HTTPRoutes with the query it is given', async () => {
    const c = client();
    const gw = await c.getGateways('prod-eu-1');
    expect(gw.items.map(g => g.name)).toEqual(['public', 'internal']);
    expect(gw.count).toBe(2);

    const routes = await c.getHttpRoutes('prod-eu-1', {
      q: '  team-1/ route ',
      offset: 0,
      limit: 25,
    });
    expect(routes.total).toBe(1);
    expect(routes.items.map(r => r.name)).toEqual(['route-00002']);
    // Blank q is left out; offset 0 is sent.
    await c.getHttpRoutes('prod-eu-1', { q: '   ', offset: 0 });
    await c.getHttpRoutes('a/b', { q: 'x&y=1' }).catch(() => undefined);
    expect(requests.map(r => r.url)).toEqual([
      '/api/cilium/clusters/prod-eu-1/gateways',
      '/api/cilium/clusters/prod-eu-1/httproutes?q=team-1%2F+route&offset=0&limit=25',
      '/api/cilium/clusters/prod-eu-1/httproutes?offset=0',
      '/api/cilium/clusters/a%2Fb/httproutes?q=x%26y%3D1',
    ]);
    expect(requests.every(r => r.auth === 'Bearer t0ken')).toBe(true);
  });

  it('keeps no answers: it sends no validator of its own and reads each answer afresh (the browser revalidates)', async () => {
    const c = client();
    const first = await c.getClusterStatus('prod-eu-1');
    statusEtag = 'W/"status-2"';
    const changed = await c.getClusterStatus('prod-eu-1');
    expect(changed.generatedAt).toBe('W/"status-2"');
    expect(first.generatedAt).toBe('W/"status-1"');
    snapshot = 's2';
    const page = await c.getHttpRoutes('prod-eu-1', { offset: 0, limit: 10 });
    expect(page.generatedAt).toBe('s2');
    expect(requests.map(r => r.ifNoneMatch)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('throws the backend 400 naming the bad parameter', async () => {
    const c = client();
    const error = await c
      .getHttpRoutes('prod-eu-1', { limit: 500 })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe('Invalid limit "500"');
  });

  it('passes the abort signal on: an aborted page request rejects', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client().getGateways('prod-eu-1', { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
