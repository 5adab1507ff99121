import { Page } from 'playwright-core';
import { DemoPortal, startDemoPortal } from './harness/demoPortal';

jest.setTimeout(240_000);

const section = (page: Page, id: string) =>
  page.getByTestId(`cilium-section-${id}`);

/**
 * The production setup: the Kubernetes API and the Hubble Relays over TLS,
 * verified against their CAs given as base64 `caData`.
 */
describe('the Cilium tab of a cluster reached over HTTPS with caData', () => {
  let demo: DemoPortal;

  beforeAll(async () => {
    demo = await startDemoPortal({ tls: true });
  });

  afterAll(async () => {
    await demo?.close();
  });

  it('shows every section filled and no section with an error', async () => {
    const { page } = demo.browser;
    await page.goto(demo.entityUrl('democluster1', 'cilium'));

    await section(page, 'overview').getByText('tunnel').first().waitFor();
    await section(page, 'gateways')
      .getByText('bookinfo/bookinfo-tls')
      .waitFor();
    await section(page, 'httproutes')
      .getByText('bookinfo/bookinfo-reviews')
      .waitFor();
    await section(page, 'load-balancing')
      .getByText('172.18.1.200/29')
      .waitFor();
    await section(page, 'hubble')
      .getByTestId('hubble-flows')
      .getByText('16,380/16,380 (100.00%)')
      .waitFor();
    await section(page, 'cluster-mesh')
      .getByRole('rowheader', { name: 'democluster2' })
      .waitFor();
    await section(page, 'argocd').getByText('cert-manager').first().waitFor();

    // No source failed: no error alert anywhere on the tab.
    expect(await page.getByTestId(/^cilium-source-error-/).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await demo.browser.screenshot('cilium-tab-tls');
  });
});
