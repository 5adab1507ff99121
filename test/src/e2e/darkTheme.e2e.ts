import path from 'node:path';
import { Locator, Page } from 'playwright-core';
import { screenshotDir } from './harness/browser';
import { DemoPortal, startDemoPortal } from './harness/demoPortal';
import {
  TextContrast,
  textContrasts,
  useTheme,
  waitForThemeMode,
  whiteBackgrounds,
} from './harness/themeCheck';

jest.setTimeout(240_000);

const section = (page: Page, id: string) =>
  page.getByTestId(`cilium-section-${id}`);

/** WCAG AA for normal text. */
const AA = 4.5;
/** The floor for any text, secondary and status colours included (WCAG large text). */
const LEGIBLE = 3;

/** What a user of the dark theme sees in one section: legible text, no white panels. */
async function expectDark(root: Locator, keyTexts: RegExp) {
  const texts = await textContrasts(root);
  expect(texts.length).toBeGreaterThan(0);
  const key = texts.filter(t => keyTexts.test(t.text));
  expect(key.length).toBeGreaterThan(0);
  const low = (min: number) => (t: TextContrast) => t.ratio < min;
  expect(key.filter(low(AA))).toEqual([]);
  expect(texts.filter(low(LEGIBLE))).toEqual([]);
  expect(await whiteBackgrounds(root)).toEqual([]);
}

async function shot(root: Locator, name: string) {
  await root.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

describe('the Cilium tab, cards and mesh page in the dark theme', () => {
  let demo: DemoPortal;

  beforeAll(async () => {
    demo = await startDemoPortal();
    await useTheme(demo.browser.page, 'dark');
  });

  afterAll(async () => {
    await demo?.close();
  });

  it('draws the Cilium tab with light text on dark cards', async () => {
    const { page } = demo.browser;
    await page.goto(demo.entityUrl('democluster1', 'cilium'));
    await waitForThemeMode(page, 'dark');

    const routes = section(page, 'httproutes');
    await routes.getByText('bookinfo/bookinfo-reviews').waitFor();
    const gateways = section(page, 'gateways');
    await gateways.getByText('bookinfo/bookinfo-tls').waitFor();
    const hubble = section(page, 'hubble');
    await hubble
      .getByText(/tenant-jobs\/allow-/)
      .first()
      .waitFor();
    const lb = section(page, 'load-balancing');
    await lb.getByText('3 of 8 IPs used').waitFor();

    await expectDark(routes, /^(HTTP routes|bookinfo\/bookinfo-reviews)$/);
    await expectDark(gateways, /^(Gateways|bookinfo\/bookinfo-tls)$/);
    await expectDark(hubble, /^Hubble$|^16,380\/16,380/);
    await expectDark(lb, /^(Load balancing|3 of 8 IPs used)$/);

    // The weight bar's track is visible on the card (it was white on white).
    const bar = routes.getByRole('img', { name: /^Backend weights/ }).first();
    const [track, card] = await bar.evaluate(el => [
      getComputedStyle(el).backgroundColor,
      getComputedStyle(el.closest('section')!.firstElementChild!)
        .backgroundColor,
    ]);
    expect(track).not.toBe(card);

    await page.mouse.move(0, 0);
    await demo.browser.screenshot('dark-cilium-tab');
    await shot(routes, 'dark-cilium-httproutes');
    await shot(hubble, 'dark-cilium-hubble');
  });

  it('draws the Cluster Mesh and Hubble cards of the entity overview in the dark theme', async () => {
    const { page } = demo.browser;
    await page.goto(demo.entityUrl('democluster1'));
    const mesh = section(page, 'mesh-card');
    await mesh.getByText('democluster2').first().waitFor();
    const hubble = section(page, 'hubble-card');
    await hubble
      .getByText(/16,380/)
      .first()
      .waitFor();
    await waitForThemeMode(page, 'dark');

    await expectDark(mesh, /^(Cluster Mesh|democluster2)$/);
    await expectDark(hubble, /^Hubble$|16,380/);

    await demo.browser.screenshot('dark-entity-overview-cards');
    await shot(mesh, 'dark-mesh-card');
    await shot(hubble, 'dark-hubble-card');
  });

  it('draws the mesh page in the dark theme and opens a cluster without reloading', async () => {
    const { page } = demo.browser;
    await page.goto(`${demo.portal.baseUrl}/cilium/mesh`);
    await waitForThemeMode(page, 'dark');
    const graph = section(page, 'mesh-graph');
    await graph.getByLabel('Open cluster democluster2').waitFor();
    const clusters = section(page, 'mesh-clusters');
    await clusters.getByRole('link', { name: 'democluster2' }).waitFor();

    // Node labels in the graph are SVG text: measured against the card.
    await expectDark(graph, /^democluster[12]/);
    await expectDark(clusters, /^(Clusters|democluster2)$/);
    await demo.browser.screenshot('dark-mesh-overview');
    await shot(graph, 'dark-mesh-graph');

    // A node is a router link: the app navigates without a page load.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await graph.getByLabel('Open cluster democluster2').click();
    await page.waitForURL(/\/catalog\/default\/resource\/democluster2/);
    expect(
      await page.evaluate(
        () => (window as unknown as { stillHere?: boolean }).stillHere,
      ),
    ).toBe(true);
  });
});
