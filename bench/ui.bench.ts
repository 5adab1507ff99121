/**
 * UI benchmark (yarn bench:ui): time from navigation to the HTTPRoutes
 * section of the Cilium tab being interactive, in headless Chromium, against
 * the real app and a protocol-true Kubernetes API test server.
 *
 * democluster2 is served with 5,000 HTTPRoutes (200 Gateways); democluster1
 * with the 5 routes of the demo fixtures is the baseline measured in the same
 * run. "Interactive" means the first page of routes is rendered and the
 * search box answers: a search for one route narrows the list to it.
 * Target: <= 1 s with 5,000 routes on a 2-core machine.
 *
 * Needs the built frontend (`yarn workspace app build`) and Chromium.
 */
import { Page } from 'playwright-core';
import {
  demoClusterObjects,
  generateClusterObjects,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import {
  launchBrowser,
  signInAsGuest,
} from '../test/src/e2e/harness/browser';
import { startPortal } from '../test/src/e2e/harness/portal';

const ROUTES = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Sample {
  /** Full page load of the tab's URL until routes are interactive. */
  loadMs: number;
  /** In-app navigation: click the Cilium tab on the entity page. */
  interactiveMs: number;
  searchMs: number;
}

/** ms until the routes of the tab are rendered and the search box exists. */
async function untilRoutesInteractive(page: Page) {
  const routes = page.getByTestId('cilium-section-httproutes');
  await routes.getByRole('heading').first().waitFor();
  await routes.getByRole('searchbox', { name: 'Search routes' }).waitFor();
}

/** One sample: full load, in-app navigation, then a search. */
async function measure(
  page: Page,
  entityUrl: string,
  probe: string,
): Promise<Sample> {
  await page.goto('about:blank');
  const loadStart = Date.now();
  await page.goto(`${entityUrl}/cilium`);
  await untilRoutesInteractive(page);
  const loadMs = Date.now() - loadStart;

  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByTestId('cilium-section-httproutes').waitFor({ state: 'detached' });
  const start = Date.now();
  await page.getByRole('link', { name: 'Cilium', exact: true }).click();
  await untilRoutesInteractive(page);
  const interactiveMs = Date.now() - start;

  const routes = page.getByTestId('cilium-section-httproutes');
  const search = routes.getByRole('searchbox', { name: 'Search routes' });
  const searchStart = Date.now();
  await search.fill(probe);
  await routes
    .getByRole('heading', { name: new RegExp(`/${probe}$`) })
    .waitFor();
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(sel).length <= n,
    ['[data-testid="cilium-section-httproutes"] h3', 1] as const,
  );
  return { loadMs, interactiveMs, searchMs: Date.now() - searchStart };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function main() {
  const big = await startKubernetesTestServer({
    objects: generateClusterObjects('democluster2', 2, {
      gateways: 200,
      routes: ROUTES,
      nodes: 50,
    }),
  });
  const small = await startKubernetesTestServer({
    objects: demoClusterObjects('democluster1'),
  });
  const servers = { democluster1: small, democluster2: big };
  const portal = await startPortal({
    config: {
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: Object.entries(servers).map(([name, s]) => ({
              name,
              url: s.url,
              authProvider: 'serviceAccount',
              serviceAccountToken: s.token,
              skipTLSVerify: true,
              skipMetricsLookup: true,
            })),
          },
        ],
      },
      cilium: {
        timeoutMs: 10000,
        cacheTtlSeconds: 60,
        clusters: Object.keys(servers).map(name => ({ name })),
      },
    },
  });
  const browser = await launchBrowser();
  try {
    await signInAsGuest(browser.page, portal.baseUrl);
    const url = (c: string) =>
      `${portal.baseUrl}/catalog/default/resource/${c}`;
    const run = async (cluster: string, probe: string) => {
      await measure(browser.page, url(cluster), probe); // warm-up: caches, chunks
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        samples.push(await measure(browser.page, url(cluster), probe));
      }
      return samples;
    };
    const baseline = await run('democluster1', 'echo');
    const large = await run('democluster2', `route-${ROUTES - 1}`);
    await browser.screenshot('bench-ui-5000-routes');

    const f = (s: Sample[], k: keyof Sample, p: number) => pct(s.map(x => x[k]), p);
    const ratio = f(large, 'interactiveMs', 50) / Math.max(1, f(baseline, 'interactiveMs', 50));
    for (const [label, s] of [
      ['baseline, 5 routes', baseline],
      [`${ROUTES} routes`, large],
    ] as const) {
      console.log(
        `${label}: tab click -> interactive p50=${f(s, 'interactiveMs', 50)} ms p95=${f(s, 'interactiveMs', 95)} ms; ` +
          `full page load p50=${f(s, 'loadMs', 50)} ms; search p50=${f(s, 'searchMs', 50)} ms`,
      );
    }
    console.log(
      `ui-bench routes=${ROUTES} runs=${RUNS} interactive_p50_ms=${f(large, 'interactiveMs', 50)} interactive_p95_ms=${f(large, 'interactiveMs', 95)} page_load_p50_ms=${f(large, 'loadMs', 50)} search_p50_ms=${f(large, 'searchMs', 50)} vs_5_routes=${ratio.toFixed(2)} target_ms=1000`,
    );
  } finally {
    await browser.close();
    await portal.stop();
    await big.close();
    await small.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
