import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Page } from 'playwright-core';
import { commitToTestRepo, readTree } from '../git/bareRepo';
import { ECHO_ROUTE_FILE, echoRouteYaml, EXAMPLES_DIR } from '../git/echoRoute';
import { DemoPortal, startDemoPortal } from './harness/demoPortal';
import { screenshotDir } from './harness/browser';
import { recentEchoFlows } from '../hubble/fixtures/echoFlows';

jest.setTimeout(240_000);

const ALICE = { name: 'Alice Example', email: 'alice@example.net' };
const BOB = { name: 'Bob Example', email: 'bob@example.net' };

const section = (page: Page) => page.getByTestId('cilium-section-git-live');
/** The section alone, in `test-results/screenshots/<name>.png`. */
const sectionShot = async (page: Page, name: string) => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await section(page).screenshot({
    path: path.join(screenshotDir, `${name}.png`),
  });
};
const echoRow = (page: Page) =>
  section(page).getByRole('listitem', { name: 'HTTPRoute echo/echo' });

/**
 * democluster1's repository in the scaffolder's local publish target,
 * rendered from the example and then shifted to 50/50 in Git, while the
 * test Kubernetes API server still serves the echo route at 100/0 and the
 * echo Application synced to an older revision.
 */
describe('the Git and live section of democluster1', () => {
  let demo: DemoPortal;
  let reposDir: string;
  let head: string;

  beforeAll(async () => {
    reposDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-git-repos-'));
    const gitdir = path.join(reposDir, 'democluster1.git');
    const now = Math.floor(Date.now() / 1000);
    await commitToTestRepo(
      gitdir,
      readTree(path.join(EXAMPLES_DIR, 'democluster1', 'repo')),
      {
        message: 'Cluster GitOps repository rendered by Backstage',
        author: ALICE,
        timestamp: now - 3600,
      },
    );
    demo = await startDemoPortal({
      config: { ciliumGitops: { localPublish: { baseDir: reposDir } } },
    });
    // Committed once the portal runs, two minutes back: "(2 min)" below.
    head = await commitToTestRepo(
      gitdir,
      { [ECHO_ROUTE_FILE]: echoRouteYaml('democluster1', [50, 50]) },
      {
        message: 'Shift echo/echo to echo-1:50, echo-2:50',
        author: BOB,
        timestamp: Math.floor(Date.now() / 1000) - 120,
      },
    );
  });

  afterAll(async () => {
    await demo?.close();
    fs.rmSync(reposDir, { recursive: true, force: true });
  });

  it('shows Git 50/50 against live 100/0 until Argo CD syncs, then in sync', async () => {
    const { page } = demo.browser;
    // Hubble sees the traffic the cluster really sends: all to echo-1.
    const relay = demo.env.clusters.democluster1.relay!;
    relay.setFlows(recentEchoFlows('democluster1', { 'echo-1': 40 }));
    await page.goto(demo.entityUrl('democluster1', 'cilium'));
    const git = section(page);
    await git.getByRole('heading', { name: 'Git and live' }).waitFor();
    await git.getByText(`main at ${head.slice(0, 7)}`).waitFor();

    const row = echoRow(page);
    await row
      .getByTestId('drift-badge')
      .getByText('Git 50/50, live 100/0 — not yet synced')
      .waitFor();
    await row
      .getByText(
        'Git 50/50 · live 100/0 · observed 100/0 (40 flows in the last 5 min)',
        { exact: false },
      )
      .waitFor();
    await git
      .getByTestId('git-argocd-revision')
      .filter({ hasText: 'echo' })
      .getByText(`head ${head.slice(0, 7)} not yet synced (2 min)`, {
        exact: false,
      })
      .waitFor();
    const commits = git.getByTestId('git-commit');
    await commits
      .first()
      .getByText('Shift echo/echo to echo-1:50, echo-2:50')
      .waitFor();
    await commits.first().getByText(ECHO_ROUTE_FILE).waitFor();
    const href = await row
      .getByRole('link', { name: 'Shift traffic of echo/echo' })
      .getAttribute('href');
    const formData = new URL(href!, demo.portal.baseUrl).searchParams.get(
      'formData',
    );
    expect(JSON.parse(formData!)).toEqual({
      cluster: 'resource:default/democluster1',
      changeKind: 'split',
      route: 'echo/echo',
      backends: [
        { name: 'echo-1', weight: 50 },
        { name: 'echo-2', weight: 50 },
      ],
      expectedHead: head,
    });
    await sectionShot(page, 'git-live-not-synced');

    // What Argo CD does once it syncs the head: the route as Git says, the
    // Application's synced revision moved to the head.
    const store = demo.env.clusters.democluster1.kubernetes.store;
    const routeType = store.type(
      'gateway.networking.k8s.io',
      'v1',
      'httproutes',
    )!;
    const appType = store.type('argoproj.io', 'v1alpha1', 'applications')!;
    const route = structuredClone(store.get(routeType, 'echo', 'echo')!);
    route.spec.rules[0].backendRefs[0].weight = 50;
    route.spec.rules[0].backendRefs[1].weight = 50;
    store.put(route);
    const app = structuredClone(store.get(appType, 'argocd', 'echo')!);
    app.status.sync.revision = head;
    app.status.operationState.syncResult.revision = head;
    store.put(app);
    relay.setFlows(
      recentEchoFlows('democluster1', { 'echo-1': 22, 'echo-2': 18 }),
    );

    // The backend caches for cacheTtlSeconds (5 s): reload until it reads again.
    const inSync = row.getByTestId('drift-badge').getByText('in sync with Git');
    for (let i = 0; i < 20 && !(await inSync.isVisible()); i++) {
      await page.waitForTimeout(1000);
      await git.getByTestId('git-live-reload').click();
    }
    await inSync.waitFor();
    await row
      .getByText(
        'Git 50/50 · live 50/50 · observed 55/45 (40 flows in the last 5 min)',
        { exact: false },
      )
      .waitFor();
    await git
      .getByTestId('git-argocd-revision')
      .filter({ hasText: 'echo' })
      .getByText(`in sync with ${head.slice(0, 7)}`)
      .waitFor();
    await sectionShot(page, 'git-live-in-sync');
  });
});
