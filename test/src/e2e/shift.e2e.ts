import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { Locator, Page } from 'playwright-core';
import yaml from 'yaml';
import { commitToTestRepo, readTree } from '../git/bareRepo';
import { ECHO_ROUTE_FILE, EXAMPLES_DIR } from '../git/echoRoute';
import { DemoPortal, startDemoPortal } from './harness/demoPortal';
import { screenshotDir } from './harness/browser';

jest.setTimeout(420_000);

const ALICE = { name: 'Alice Example', email: 'alice@example.net' };

const section = (page: Page) => page.getByTestId('cilium-section-git-live');
const echoRow = (page: Page) =>
  section(page).getByRole('listitem', { name: 'HTTPRoute echo/echo' });
/** The page (or the Git and live section) in `test-results/screenshots/<name>.png`. */
const shot = async (page: Page, name: string, only?: 'section') => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  if (only) await section(page).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
};

/** Paths whose blobs differ between two commits, read with isomorphic-git. */
async function changedFiles(
  gitdir: string,
  from: string,
  to: string,
): Promise<string[]> {
  const changed: string[] = await git.walk({
    fs,
    gitdir,
    trees: [git.TREE({ ref: from }), git.TREE({ ref: to })],
    map: async (filepath, [a, b]) => {
      if (filepath === '.') return undefined;
      const [ta, tb] = [await a?.type(), await b?.type()];
      if (ta === 'tree' || tb === 'tree') return undefined;
      return (await a?.oid()) === (await b?.oid()) ? undefined : filepath;
    },
  });
  return changed.filter(Boolean).sort();
}

async function fileAt(gitdir: string, oid: string, filepath: string) {
  const { blob } = await git.readBlob({ fs, gitdir, oid, filepath });
  return Buffer.from(blob).toString('utf8');
}

/**
 * The recipe's traffic shift, 100/0 → 50/50 → 0/100, as a user does it in
 * the browser: the "Shift traffic" link of democluster1's Git and live
 * section opens the change template pre-filled, the user sets the weights
 * and creates; the local repository gets one commit; the page shows Git
 * against live until the test Kubernetes API server's route is updated the
 * way Argo CD would, then in sync. democluster1's entity carries a GitHub
 * repo-url annotation: the change must still go to the local repository
 * the page reads (one rule for both, clusterRepo.ts).
 */
describe('shifting echo/echo on democluster1 through the change template', () => {
  let demo: DemoPortal;
  let reposDir: string;
  let gitdir: string;

  beforeAll(async () => {
    reposDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-shift-repos-'));
    gitdir = path.join(reposDir, 'democluster1.git');
    await commitToTestRepo(
      gitdir,
      readTree(path.join(EXAMPLES_DIR, 'democluster1', 'repo')),
      {
        message: 'Cluster GitOps repository rendered by Backstage',
        author: ALICE,
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      },
    );
    demo = await startDemoPortal({
      config: { ciliumGitops: { localPublish: { baseDir: reposDir } } },
    });
  });

  afterAll(async () => {
    await demo?.close();
    fs.rmSync(reposDir, { recursive: true, force: true });
  });

  /**
   * Presses the section's Reload until `target` shows. The backend keeps a
   * cluster's Git and live view for `cilium.cacheTtlSeconds` (10 s by
   * default), so a commit or a sync shows within one TTL, as for a user.
   */
  async function reloadUntil(page: Page, target: Locator) {
    for (let i = 0; i < 30 && !(await target.isVisible()); i++) {
      await page.waitForTimeout(1000);
      await section(page).getByTestId('git-live-reload').click();
    }
    await target.waitFor();
  }

  /** Reloads the section until `text` shows in the echo row's drift badge. */
  const waitForBadge = (page: Page, text: string) =>
    reloadUntil(
      page,
      echoRow(page).getByTestId('drift-badge').getByText(text),
    );

  /** Reloads the section until it shows `main` at `oid`. */
  const waitForHead = (page: Page, oid: string) =>
    reloadUntil(page, section(page).getByText(`main at ${oid.slice(0, 7)}`));

  /** What Argo CD does once it syncs `head`: the live route as Git says. */
  function argoSyncs(weights: [number, number], head: string) {
    const store = demo.env.clusters.democluster1.kubernetes.store;
    const routeType = store.type(
      'gateway.networking.k8s.io',
      'v1',
      'httproutes',
    )!;
    const appType = store.type('argoproj.io', 'v1alpha1', 'applications')!;
    const route = structuredClone(store.get(routeType, 'echo', 'echo')!);
    route.spec.rules[0].backendRefs[0].weight = weights[0];
    route.spec.rules[0].backendRefs[1].weight = weights[1];
    store.put(route);
    const app = structuredClone(store.get(appType, 'argocd', 'echo')!);
    app.status.sync.revision = head;
    app.status.operationState.syncResult.revision = head;
    store.put(app);
  }

  const steps: Array<{ from: [number, number]; to: [number, number] }> = [
    { from: [100, 0], to: [50, 50] },
    { from: [50, 50], to: [0, 100] },
  ];

  it('100/0 → 50/50 → 0/100: one commit each, drift until synced, then in sync', async () => {
    const { page } = demo.browser;
    for (const { from, to } of steps) {
      const label = `${to[0]}-${to[1]}`;
      const before = await git.resolveRef({ fs, gitdir, ref: 'main' });

      // The page, in sync at `from`; its "Shift traffic" link.
      await page.goto(demo.entityUrl('democluster1', 'cilium'));
      await section(page)
        .getByRole('heading', { name: 'Git and live' })
        .waitFor();
      await waitForHead(page, before);
      await waitForBadge(page, 'in sync with Git');
      await echoRow(page)
        .getByRole('link', { name: 'Shift traffic of echo/echo' })
        .click();

      // The template, pre-filled with the current weights.
      const weights = page.getByLabel(/^Weight/);
      await weights.first().waitFor();
      expect(await weights.nth(0).inputValue()).toBe(String(from[0]));
      expect(await weights.nth(1).inputValue()).toBe(String(from[1]));
      await weights.nth(0).fill(String(to[0]));
      await weights.nth(1).fill(String(to[1]));
      await shot(page, `shift-${label}-1-form`);
      await page.getByRole('button', { name: /^next/i }).click();
      await page.getByRole('button', { name: /^review/i }).click();
      await shot(page, `shift-${label}-2-review`);
      await page.getByRole('button', { name: /^create/i }).click();
      const committed = page.getByText(/^Committed [0-9a-f]{40}$/);
      try {
        await committed.waitFor({ timeout: 120_000 });
      } catch (e) {
        await shot(page, `shift-${label}-task-failed`);
        throw new Error(
          `${e}\n--- backend output (tail) ---\n${demo.portal
            .output()
            .slice(-4000)}`,
        );
      }
      await shot(page, `shift-${label}-3-task`);

      // Exactly one new commit on the previous head, touching only the
      // route's weights and cluster.yaml's split.
      const head = await git.resolveRef({ fs, gitdir, ref: 'main' });
      expect(await committed.textContent()).toBe(`Committed ${head}`);
      const log = await git.log({ fs, gitdir, ref: 'main', depth: 2 });
      expect(log[0].oid).toBe(head);
      expect(log[0].commit.parent).toEqual([before]);
      expect(await changedFiles(gitdir, before, head)).toEqual([
        'cluster.yaml',
        ECHO_ROUTE_FILE,
      ]);
      const oldRoute = (await fileAt(gitdir, before, ECHO_ROUTE_FILE)).split(
        '\n',
      );
      const newRoute = (await fileAt(gitdir, head, ECHO_ROUTE_FILE)).split(
        '\n',
      );
      expect(newRoute).toHaveLength(oldRoute.length);
      const changedLines = newRoute.filter((l, i) => l !== oldRoute[i]);
      expect(changedLines.length).toBeGreaterThan(0);
      expect(changedLines.every(l => /^ +weight: \d+$/.test(l))).toBe(true);
      const route = yaml.parse(newRoute.join('\n'));
      expect(
        route.spec.rules[0].backendRefs.map((b: any) => [b.name, b.weight]),
      ).toEqual([
        ['echo-1', to[0]],
        ['echo-2', to[1]],
      ]);
      const oldSpec = yaml.parse(await fileAt(gitdir, before, 'cluster.yaml'));
      const newSpec = yaml.parse(await fileAt(gitdir, head, 'cluster.yaml'));
      expect(newSpec.spec.traffic.splits).toContainEqual({
        route: 'echo/echo',
        backends: { 'echo-1': to[0], 'echo-2': to[1] },
      });
      delete oldSpec.spec.traffic;
      delete newSpec.spec.traffic;
      expect(newSpec).toEqual(oldSpec);

      // The page: Git `to` against live `from`, not yet synced.
      await page.goto(demo.entityUrl('democluster1', 'cilium'));
      await waitForHead(page, head);
      await waitForBadge(
        page,
        `Git ${to[0]}/${to[1]}, live ${from[0]}/${from[1]} — not yet synced`,
      );
      await shot(page, `shift-${label}-4-not-synced`, 'section');

      // Argo CD syncs: the page shows in sync.
      argoSyncs(to, head);
      await waitForBadge(page, 'in sync with Git');
      await echoRow(page)
        .getByText(`Git ${to[0]}/${to[1]} · live ${to[0]}/${to[1]}`, {
          exact: false,
        })
        .waitFor();
      await shot(page, `shift-${label}-5-in-sync`, 'section');
    }
  });
});
