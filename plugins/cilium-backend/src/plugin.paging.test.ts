import {
  ClusterStatus,
  HttpRoutesPage,
  GatewaysPage,
} from '@internal/plugin-cilium-common';
import {
  generateClusterObjects,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import {
  AUTH,
  demoCluster,
  REQUESTS_PER_STATUS,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

const names = (page: HttpRoutesPage | GatewaysPage) =>
  page.items.map(i => `${i.namespace}/${i.name}`);

describe('paged Gateways and HTTPRoutes', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await demoCluster('democluster1');
  });
  afterEach(() => cluster.close());

  it('cuts the pages from the cached snapshot of the status document', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { cacheTtlSeconds: 30 },
    });
    try {
      const status = (
        await http.get('/api/cilium/clusters/democluster1/status').set(AUTH)
      ).body as ClusterStatus;
      const routes = (
        await http.get('/api/cilium/clusters/democluster1/httproutes').set(AUTH)
      ).body as HttpRoutesPage;
      const gateways = (
        await http.get('/api/cilium/clusters/democluster1/gateways').set(AUTH)
      ).body as GatewaysPage;
      // One set of reads for the document and its pages, which agree.
      expect(cluster.server.totalRequests()).toBe(REQUESTS_PER_STATUS);
      expect(routes.generatedAt).toBe(status.generatedAt);
      expect(gateways.generatedAt).toBe(status.generatedAt);
      expect(routes.count).toBe(status.httpRouteCounts!.total);
      expect(gateways.count).toBe(status.gatewayCounts!.total);
      expect(names(routes)).toEqual([
        'bookinfo/bookinfo-productpage',
        'bookinfo/bookinfo-reviews',
        'echo/echo',
        'kube-system/hubble-ui',
        'tenant-jobs/jobs-app',
      ]);
      expect(names(gateways)).toEqual([
        'bookinfo/bookinfo-tls',
        'echo/echo',
        'kube-system/hubble-ui',
        'tenant-jobs/jobs-app',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('searches by every term, case-insensitively, over names, hostnames, gateways and backends', async () => {
    const { http, backend } = await startPlugin({ clusters: [cluster] });
    const search = async (q: string) =>
      (
        await http
          .get('/api/cilium/clusters/democluster1/httproutes')
          .query({ q })
          .set(AUTH)
      ).body as HttpRoutesPage;
    try {
      const echo = await search('ECHO-2');
      expect(names(echo)).toEqual(['echo/echo']);
      expect(echo).toMatchObject({
        total: 1,
        count: 5,
        query: { q: 'ECHO-2' },
      });
      expect(names(await search('bookinfo reviews'))).toEqual([
        'bookinfo/bookinfo-reviews',
      ]);
      expect(names(await search('reviews.democluster1.example.com'))).toEqual([
        'bookinfo/bookinfo-reviews',
      ]);
      const none = await search('bookinfo jobs');
      expect(none).toMatchObject({ items: [], total: 0, count: 5 });

      const gw = (
        await http
          .get('/api/cilium/clusters/democluster1/gateways?q=172.18.1.200')
          .set(AUTH)
      ).body as GatewaysPage;
      expect(names(gw)).toEqual(['bookinfo/bookinfo-tls']);
    } finally {
      await backend.stop();
    }
  });

  it('pages with offset and limit, every item exactly once', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { cacheTtlSeconds: 30 },
    });
    try {
      const seen: string[] = [];
      for (let offset = 0; offset < 6; offset += 2) {
        const page = (
          await http
            .get(
              `/api/cilium/clusters/democluster1/httproutes?offset=${offset}&limit=2`,
            )
            .set(AUTH)
        ).body as HttpRoutesPage;
        expect(page.query).toEqual({ offset, limit: 2 });
        expect(page.total).toBe(5);
        seen.push(...names(page));
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      const beyond = (
        await http
          .get('/api/cilium/clusters/democluster1/httproutes?offset=50')
          .set(AUTH)
      ).body as HttpRoutesPage;
      expect(beyond).toMatchObject({ items: [], total: 5 });
    } finally {
      await backend.stop();
    }
  });

  it('answers 304 to a page revalidation while the snapshot is unchanged', async () => {
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      cilium: { cacheTtlSeconds: 30 },
    });
    try {
      const url = '/api/cilium/clusters/democluster1/httproutes?q=echo';
      const first = await http.get(url).set(AUTH);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const again = await http
        .get(url)
        .set(AUTH)
        .set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
      // Another query is another page: its ETag differs.
      const other = await http
        .get('/api/cilium/clusters/democluster1/httproutes?q=bookinfo')
        .set(AUTH)
        .set('If-None-Match', first.headers.etag);
      expect(other.status).toBe(200);
      expect(other.headers.etag).not.toBe(first.headers.etag);
    } finally {
      await backend.stop();
    }
  });

  it('reports a failed read on the page, and the document keeps the other section', async () => {
    cluster.server.setFault('/apis/gateway.networking.k8s.io/v1/httproutes', {
      type: 'fail',
      status: 403,
      message:
        'httproutes.gateway.networking.k8s.io is forbidden: User "system:serviceaccount:backstage:cilium-reader" cannot list resource "httproutes"',
    });
    const { http, backend } = await startPlugin({ clusters: [cluster] });
    try {
      const status = (
        await http.get('/api/cilium/clusters/democluster1/status').set(AUTH)
      ).body as ClusterStatus;
      expect(status.httpRouteCounts).toBeUndefined();
      expect(status.gatewayCounts?.total).toBe(4);
      const res = await http
        .get('/api/cilium/clusters/democluster1/httproutes')
        .set(AUTH);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        items: [],
        total: 0,
        count: 0,
        error: { source: 'httpRoutes', reason: 'forbidden' },
      });
      expect(res.body.error.message).toContain('cannot list resource');
      const gw = await http
        .get('/api/cilium/clusters/democluster1/gateways')
        .set(AUTH);
      expect(gw.body.error).toBeUndefined();
      expect(gw.body.total).toBe(4);
    } finally {
      await backend.stop();
    }
  });

  it('answers 404 for the pages of a cluster that is not configured', async () => {
    const { http, backend } = await startPlugin({ clusters: [cluster] });
    try {
      for (const section of ['gateways', 'httproutes']) {
        const res = await http
          .get(`/api/cilium/clusters/nope/${section}`)
          .set(AUTH);
        expect(res.status).toBe(404);
        expect(res.body.error.message).toBe(
          "No cluster named 'nope' is configured",
        );
      }
    } finally {
      await backend.stop();
    }
  });
});

describe('paged HTTPRoutes of a large cluster', () => {
  it('keeps thousands of routes out of the status document and pages them', async () => {
    const server = await startKubernetesTestServer({
      objects: generateClusterObjects('big', 7, {
        gateways: 200,
        routes: 2000,
        nodes: 10,
      }),
    });
    const big: TestCluster = {
      name: 'big',
      server,
      extras: { meshPeers: [] },
      close: () => server.close(),
    };
    const { http, backend } = await startPlugin({
      clusters: [big],
      cilium: { cacheTtlSeconds: 30, timeoutMs: 10000 },
    });
    try {
      const status = await http
        .get('/api/cilium/clusters/big/status')
        .set(AUTH);
      expect(status.body.httpRouteCounts).toEqual({
        total: 2000,
        notAccepted: 0,
        unresolvedRefs: 0,
      });
      expect(status.body.gatewayCounts.total).toBe(200);
      // Counts, not routes: the document stays small.
      expect(status.text.length).toBeLessThan(32 * 1024);

      const page = (
        await http
          .get('/api/cilium/clusters/big/httproutes?limit=100&offset=1900')
          .set(AUTH)
      ).body as HttpRoutesPage;
      expect(page.items).toHaveLength(100);
      expect(page.total).toBe(2000);

      const one = (
        await http
          .get('/api/cilium/clusters/big/httproutes?q=svc-1234-canary')
          .set(AUTH)
      ).body as HttpRoutesPage;
      expect(names(one)).toEqual(['team-14/route-1234']);
      expect(one.items[0].rules[0].backendRefs).toEqual([
        expect.objectContaining({ name: 'svc-1234', weight: 90 }),
        expect.objectContaining({ name: 'svc-1234-canary', weight: 10 }),
      ]);
    } finally {
      await backend.stop();
      await big.close();
    }
  });
});
