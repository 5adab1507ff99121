import { Page } from 'playwright-core';
import { DemoPortal, startDemoPortal } from './harness/demoPortal';

jest.setTimeout(240_000);

/** One section of the Cilium tab, cards or mesh page, by its stable id. */
const section = (page: Page, id: string) =>
  page.getByTestId(`cilium-section-${id}`);

describe('the Cilium tab of democluster1, served by protocol-true test servers', () => {
  let demo: DemoPortal;

  beforeAll(async () => {
    demo = await startDemoPortal();
  });

  afterAll(async () => {
    await demo?.close();
  });

  it('shows every section with what the Kubernetes API and the Hubble Relay serve', async () => {
    const { page } = demo.browser;
    await page.goto(demo.entityUrl('democluster1', 'cilium'));

    // Overview: from the cilium-config ConfigMap and Argo CD.
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const overview = section(page, 'overview');
    await overview.getByText('tunnel').first().waitFor();

    // Gateways: both demo Gateways with their listeners and conditions.
    const gateways = section(page, 'gateways');
    await gateways.getByText('bookinfo/bookinfo-tls').waitFor();
    await gateways.getByText('echo/echo').waitFor();
    await gateways
      .getByText(/https-reviews/)
      .first()
      .waitFor();
    await gateways
      .getByText(/AddressNotAssigned/)
      .first()
      .waitFor();

    // HTTPRoutes: header modifiers spelled out and weights as proportions.
    const routes = section(page, 'httproutes');
    await routes.getByText('bookinfo/bookinfo-reviews').waitFor();
    await routes
      .getByLabel(/Backend weights: reviews-v1.*90%.*reviews-v2.*10%/)
      .waitFor();
    await routes
      .getByText('request: add some-header: This is fantastic')
      .waitFor();
    await routes.getByText(/request: set user-agent: Mozilla/).waitFor();
    await routes
      .getByText(/BackendNotFound/)
      .first()
      .waitFor();

    // Load balancing and BGP: the LB-IPAM pool's usage and the BGP sessions.
    const lb = section(page, 'load-balancing');
    const pool = lb.getByRole('listitem', { name: 'Pool default-pool' });
    await pool.getByText('172.18.1.200/29').waitFor();
    await pool.getByText('3 of 8 IPs used').waitFor();
    const established = lb
      .getByTestId('bgp-peer-row')
      .filter({ hasText: 'democluster1-control-plane' });
    await established.getByText(/established/).waitFor();
    await established.getByText('1d', { exact: true }).waitFor();

    // Hubble: `hubble status` figures and flows with policy names.
    const hubble = section(page, 'hubble');
    // (The figure is also in the collapsed `hubble status` text below it.)
    await hubble
      .getByTestId('hubble-flows')
      .getByText('16,380/16,380 (100.00%)')
      .waitFor();
    await hubble
      .getByText(/democluster2\/worker-2/)
      .first()
      .waitFor();
    await hubble
      .getByText(/tenant-jobs\/allow-/)
      .first()
      .waitFor();

    // Cluster Mesh: the peer is ready, the nodes are listed, the 1.18 note.
    const mesh = section(page, 'cluster-mesh');
    await mesh.getByRole('rowheader', { name: 'democluster2' }).waitFor();
    await mesh.getByText(/ready/).first().waitFor();
    await mesh.getByText('democluster1-edge-vm').waitFor();
    await mesh.getByText(/removed in Cilium 1\.18/).waitFor();

    // Argo CD: every Application, the degraded one visible as such.
    const argocd = section(page, 'argocd');
    await argocd.getByText('cert-manager').first().waitFor();
    await argocd.getByText('OutOfSync').first().waitFor();
    await argocd
      .getByRole('link', { name: 'Open hubble-ui in Argo CD' })
      .waitFor();

    await demo.browser.screenshot('cilium-tab');
  });

  it('pages the routes from the backend and searches them there', async () => {
    const { page } = demo.browser;
    /** The next response of democluster1's routes route with this `q`. */
    const routesResponse = (q: string | null) =>
      page.waitForResponse(res => {
        const url = new URL(res.url());
        return (
          url.pathname.endsWith(
            '/api/cilium/clusters/democluster1/httproutes',
          ) && url.searchParams.get('q') === q
        );
      });
    const firstPage = routesResponse(null);
    await page.goto(demo.entityUrl('democluster1', 'cilium'));
    const first = await firstPage;
    expect([200, 304]).toContain(first.status());
    const routes = section(page, 'httproutes');
    await routes.getByRole('heading', { name: 'echo/echo' }).waitFor();
    await routes.getByTestId('routes-count').getByText('5 routes').waitFor();

    // Typing goes to the server once it pauses; the list shows its answer.
    const searched = routesResponse('reviews');
    await routes
      .getByRole('searchbox', { name: 'Search routes' })
      .fill('Reviews');
    const response = await searched;
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      cluster: 'democluster1',
      query: { q: 'reviews', offset: 0, limit: 10 },
      total: 1,
      count: 5,
    });
    await routes
      .getByTestId('routes-count')
      .getByText('1 of 5 routes match')
      .waitFor();
    await routes
      .getByRole('heading', { name: 'bookinfo/bookinfo-reviews' })
      .waitFor();
    expect(await routes.getByTestId('route-item').count()).toBe(1);
    expect(
      await routes.getByRole('heading', { name: 'echo/echo' }).count(),
    ).toBe(0);
  });

  it("revalidates the status document through the browser's HTTP cache: If-None-Match, no body", async () => {
    const { page } = demo.browser;
    /** The next response of democluster1's status document. */
    const statusResponse = () =>
      page.waitForResponse(res =>
        new URL(res.url()).pathname.endsWith(
          '/api/cilium/clusters/democluster1/status',
        ),
      );
    const first = statusResponse();
    await page.goto(demo.entityUrl('democluster1', 'cilium'));
    const etag = (await first).headers().etag;
    expect(etag).toBeTruthy();
    await section(page, 'gateways').getByText('echo/echo').waitFor();

    // A reload empties SWR's cache, not the browser's: the browser asks
    // conditionally (the client sends no validator of its own); the tab
    // shows the document again.
    const again = statusResponse();
    await page.reload();
    const revalidated = await again;
    const sent = await revalidated.request().allHeaders();
    expect(sent['if-none-match']).toBe(etag);
    // While the backend's snapshot is the same (10 s TTL) the answer is a
    // body-less 304, which Chromium hands to the page as the stored 200:
    // no body bytes came over the wire.
    const sizes = await revalidated.request().sizes();
    // (A new snapshot in between brings a new ETag and its body.)
    expect({ bodiless: sizes.responseBodySize === 0 }).toEqual({
      bodiless: revalidated.headers().etag === etag,
    });
    await section(page, 'gateways').getByText('echo/echo').waitFor();
  });

  it('filters the flows to policy verdicts in tenant-jobs, pushing the filter to the relay', async () => {
    const { page } = demo.browser;
    const relay = demo.env.clusters.democluster1.relay!;
    await page.goto(demo.entityUrl('democluster1', 'cilium'));
    const hubble = section(page, 'hubble');
    await hubble.getByTestId('service-map').waitFor();
    await hubble.getByText('Raw flows').click();
    await hubble.getByTestId('flows-table').waitFor();

    relay.getFlowsRequests.length = 0;
    await hubble.getByLabel('Namespace').fill('tenant-jobs');
    await hubble.getByText('Policy verdicts only').click();

    // Every row left is a policy verdict that touches tenant-jobs.
    await expectEventually(async () => {
      const rows = await flowLines(page);
      return (
        rows.length > 0 &&
        rows.every(
          l => l.includes('policy-verdict') && l.includes('tenant-jobs/'),
        )
      );
    });
    const rows = await flowLines(page);
    expect(rows.some(l => / DENIED /.test(l))).toBe(true);
    expect(
      rows.some(l => / ALLOWED .*BY /.test(l) || / ALLOWED /.test(l)),
    ).toBe(true);

    // The relay received the CLI's filter: two ORed pod-prefix filters with
    // the policy-verdict event type.
    const last = relay.getFlowsRequests[relay.getFlowsRequests.length - 1];
    expect(last.whitelist).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source_pod: ['tenant-jobs/'],
          event_type: [expect.objectContaining({ type: 5 })],
        }),
        expect.objectContaining({
          destination_pod: ['tenant-jobs/'],
          event_type: [expect.objectContaining({ type: 5 })],
        }),
      ]),
    );
    await demo.browser.screenshot('cilium-flows-policy-verdicts-tenant-jobs');
  });

  it('shows the Cluster Mesh and Hubble cards on the entity overview', async () => {
    const { page } = demo.browser;
    await page.goto(demo.entityUrl('democluster1'));
    await section(page, 'mesh-card')
      .getByText('democluster2')
      .first()
      .waitFor();
    await section(page, 'hubble-card')
      .getByText(/16,380/)
      .first()
      .waitFor();
    await demo.browser.screenshot('entity-overview-cards');
  });

  it('opens the mesh overview with both clusters linked', async () => {
    const { page } = demo.browser;
    await page.goto(`${demo.portal.baseUrl}/cilium/mesh`);
    await page
      .getByRole('heading', { name: /Cluster Mesh overview/ })
      .waitFor();
    await page.getByLabel('Open cluster democluster1').waitFor();
    await page.getByLabel('Open cluster democluster2').waitFor();
    const clusters = section(page, 'mesh-clusters');
    await clusters.getByRole('link', { name: 'democluster2' }).waitFor();
    await demo.browser.screenshot('mesh-overview');
  });

  it('keeps gateways and routes when the Hubble Relay is down, and says why Hubble is missing', async () => {
    const { page } = demo.browser;
    const relay = demo.env.clusters.democluster1.relay!;
    relay.setFault('*', {
      type: 'fail',
      code: 14,
      details: 'connection refused',
    });
    try {
      // Let the status cache (cacheTtlSeconds: 5 in the demo config) expire.
      await new Promise(r => setTimeout(r, 5_500));
      await page.goto(demo.entityUrl('democluster1', 'cilium'));
      const hubble = section(page, 'hubble');
      await hubble
        .getByText(/unreachable/i)
        .first()
        .waitFor();
      await hubble
        .getByText(/UNAVAILABLE: connection refused/)
        .first()
        .waitFor();
      expect(await hubble.getByText('16,380/16,380 (100.00%)').count()).toBe(0);
      await section(page, 'gateways')
        .getByText('bookinfo/bookinfo-tls')
        .waitFor();
      await section(page, 'httproutes')
        .getByRole('heading', { name: 'echo/echo' })
        .waitFor();
      await demo.browser.screenshot('cilium-tab-relay-down');
    } finally {
      relay.clearFaults();
    }
  });
});

/** The `hubble observe` lines of the rows in the flows table. */
async function flowLines(page: Page): Promise<string[]> {
  return page
    .getByTestId('flows-table')
    .getByTestId('copy-flow-line')
    .evaluateAll(els => els.map(e => e.getAttribute('data-line') ?? ''));
}

async function expectEventually(
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 250));
  }
}
