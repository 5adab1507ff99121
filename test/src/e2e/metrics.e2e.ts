import path from 'node:path';
import { Page } from 'playwright-core';
import { screenshotDir } from './harness/browser';
import { DemoPortal, startDemoPortal } from './harness/demoPortal';
import { useTheme } from './harness/themeCheck';

jest.setTimeout(240_000);

const section = (page: Page, id: string) =>
  page.getByTestId(`cilium-section-${id}`);

describe('metrics from the cluster Prometheus on the Cilium tab of democluster1', () => {
  let demo: DemoPortal;

  beforeAll(async () => {
    demo = await startDemoPortal();
  });

  afterAll(async () => {
    await demo?.close();
  });

  it.each(['light', 'dark'] as const)(
    'reads mesh readiness from Prometheus and charts flows (%s)',
    async theme => {
      const { page } = demo.browser;
      await useTheme(page, theme);
      await page.goto(demo.entityUrl('democluster1', 'cilium'));

      // Cluster Mesh: readiness from the agents' metric, 3 of 3 agents.
      const mesh = section(page, 'cluster-mesh');
      const source = mesh
        .getByTestId('mesh-peers')
        .getByText('via Prometheus (3/3 agents ready, 1 failure)');
      await source.waitFor();

      // Metrics: the flows chart draws a line per verdict of the demo flows.
      const metrics = section(page, 'metrics');
      const flows = metrics.getByTestId('metrics-flows-chart');
      await flows.waitFor();
      expect(await flows.getAttribute('aria-label')).toMatch(
        /^Flows per second by verdict: DROPPED [\d.]+\/s, FORWARDED [\d.]+\/s$/,
      );
      await flows.locator('path.recharts-curve').first().waitFor();
      expect(await flows.locator('path.recharts-curve').count()).toBe(2);
      await metrics.getByTestId('metrics-drops-chart').waitFor();
      await metrics.getByTestId('metrics-http').getByText('details').waitFor();
      await metrics.getByTestId('metrics-bgp').getByText('✗ down').waitFor();

      // The range picker asks the backend for 6 h.
      const answer = page.waitForResponse(r =>
        r.url().includes('/api/cilium/clusters/democluster1/metrics?range=6h'),
      );
      await metrics.getByRole('radio', { name: '6 h' }).click();
      expect((await answer).status()).toBe(200);
      await metrics.getByText('one point per 360 s').waitFor();

      // In dark mode the chart's lines take the theme's colours.
      const stroke = await flows
        .locator('path.recharts-curve')
        .first()
        .evaluate(el => getComputedStyle(el).stroke);
      expect(stroke).toMatch(/^rgb/);

      await page.mouse.move(0, 0);
      await demo.browser.screenshot(`cilium-metrics-${theme}`);
      // The two sections alone, legible at full size.
      await metrics.screenshot({
        path: path.join(screenshotDir, `cilium-metrics-section-${theme}.png`),
      });
      await mesh.screenshot({
        path: path.join(screenshotDir, `cilium-mesh-prometheus-${theme}.png`),
      });
    },
  );

  it('shows readiness from Prometheus on the entity overview card', async () => {
    const { page } = demo.browser;
    await page.goto(demo.entityUrl('democluster1'));
    await section(page, 'mesh-card')
      .getByTestId('peer-readiness-source')
      .getByText('via Prometheus (3/3 agents ready, 1 failure)')
      .waitFor();
  });
});
