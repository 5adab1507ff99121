import { Page } from 'playwright-core';
import { DemoPortal, startDemoPortal } from './harness/demoPortal';

jest.setTimeout(240_000);

const hubbleSection = (page: Page) => page.getByTestId('cilium-section-hubble');

/** The `hubble observe` lines of the rows in the raw flows table. */
const flowLines = (page: Page) =>
  page
    .getByTestId('flows-table')
    .getByTestId('copy-flow-line')
    .evaluateAll(els => els.map(e => e.getAttribute('data-line') ?? ''));

describe('the service map of democluster1', () => {
  let demo: DemoPortal;

  beforeAll(async () => {
    demo = await startDemoPortal();
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('draws tenant-jobs with its dropped edges; a click on one filters the flows to that pair (light and dark)', async () => {
    const { page } = demo.browser;
    await page.goto(
      `${demo.entityUrl('democluster1', 'cilium')}?flowsNamespace=tenant-jobs`,
    );
    const hubble = hubbleSection(page);
    const map = hubble.getByTestId('service-map');
    await map.waitFor();
    const edge = (id: string) => map.locator(`[data-edge="${id}"]`);
    await edge('tenant-jobs/scheduler→tenant-jobs/worker').waitFor();
    expect(
      await edge('tenant-jobs/scheduler→tenant-jobs/worker').getAttribute(
        'data-state',
      ),
    ).toBe('forwarded');
    expect(
      await edge('tenant-web/frontend→tenant-jobs/worker').getAttribute(
        'data-state',
      ),
    ).toBe('dropped');
    expect(
      await edge('tenant-jobs/worker→fqdn:downloads.example.org').getAttribute(
        'data-state',
      ),
    ).toBe('dropped');
    await map
      .locator('[data-node="democluster2/tenant-jobs/reporting"]')
      .waitFor();
    await hubble.getByText(/flows from 2026-11-26 10:00:01/).waitFor();
    expect(
      await hubble.getByTestId('flows-hubble-ui').getAttribute('href'),
    ).toBe('https://hubble.democluster1.example.com/?namespace=tenant-jobs');
    await demo.browser.screenshot('service-map-tenant-jobs-light');

    // A click on the dropped edge: the connections, then the raw flows, of that pair only.
    await edge('tenant-web/frontend→tenant-jobs/worker').click({ force: true });
    const selection = hubble.getByTestId('flows-selection');
    await selection
      .getByText('tenant-web/frontend → tenant-jobs/worker')
      .waitFor();
    const verdicts = hubble
      .getByTestId('flows-aggregated-table')
      .getByTestId('edge-verdicts');
    expect(await verdicts.allTextContents()).toEqual(['DROPPED 2']);
    await hubble.getByText('Raw flows').click();
    await hubble.getByTestId('flows-table').waitFor();
    const lines = await flowLines(page);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).toContain('tenant-web/frontend-58d9c7f6d-pq2lm');
      expect(l).toContain('tenant-jobs/worker-7c9f8d5b4-jkq8p');
      expect(l).toMatch(/DROPPED|DENIED/);
    }
    // The filters are in the URL: the same view opens from a link.
    expect(page.url()).toContain('flowsFrom=tenant-web%2Ffrontend');
    expect(page.url()).toContain('flowsView=raw');
    await demo.browser.screenshot('service-map-dropped-edge-flows-light');

    await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
    await page.reload();
    await hubbleSection(page).getByTestId('flows-table').waitFor();
    expect(await flowLines(page)).toEqual(lines);
    await demo.browser.screenshot('service-map-dropped-edge-flows-dark');
    await page.evaluate(() => window.localStorage.removeItem('theme'));
  });
});
