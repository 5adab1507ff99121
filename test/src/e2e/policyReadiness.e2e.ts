import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { Page } from 'playwright-core';
import yaml from 'yaml';
import { commitToTestRepo, readTree } from '../git/bareRepo';
import { EXAMPLES_DIR } from '../git/echoRoute';
import { DemoPortal, startDemoPortal } from './harness/demoPortal';
import { screenshotDir } from './harness/browser';

jest.setTimeout(420_000);

const ALICE = { name: 'Alice Example', email: 'alice@example.net' };
const POLICY_DIR = 'manifests/policies/tenant-jobs/';

const section = (page: Page) =>
  page.getByTestId('cilium-section-policy-readiness');
/** The page (or the readiness section) in `test-results/screenshots/<name>.png`. */
const shot = async (page: Page, name: string, only?: 'section') => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  if (only) await section(page).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
};

/** Every file of the commit `oid` under `dir`, with its text. */
async function filesUnder(gitdir: string, oid: string, dir: string) {
  const files: Record<string, string> = {};
  await git.walk({
    fs,
    gitdir,
    trees: [git.TREE({ ref: oid })],
    map: async (filepath, [entry]) => {
      if (filepath === '.') return true;
      const inside = filepath.startsWith(dir);
      // null: do not descend into folders off the way to `dir`.
      if (!inside && !dir.startsWith(`${filepath}/`)) return null;
      if (inside && (await entry?.type()) === 'blob') {
        files[filepath] = Buffer.from((await entry!.content())!).toString(
          'utf8',
        );
      }
      return true;
    },
  });
  return files;
}

/**
 * Zero-trust readiness as a user does it in the browser: democluster1's
 * Cilium tab, the readiness of tenant-jobs from the Relay's demo flows and
 * the demo policies, one would-drop edge unticked, the replay with 0 newly
 * dropped kept edges, "Propose policies" through the proposal template, and
 * one commit with the policies in the local repository.
 */
describe('zero-trust readiness of tenant-jobs on democluster1', () => {
  let demo: DemoPortal;
  let reposDir: string;
  let gitdir: string;

  beforeAll(async () => {
    reposDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-readiness-repos-'));
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

  it('untick one edge, replay shows 0 newly dropped, propose: a commit with the policies', async () => {
    const { page } = demo.browser;
    const before = await git.resolveRef({ fs, gitdir, ref: 'main' });

    await page.goto(
      `${demo.entityUrl(
        'democluster1',
        'cilium',
      )}?readinessNamespace=tenant-jobs`,
    );
    await section(page)
      .getByRole('heading', { name: 'Zero-trust readiness' })
      .waitFor();
    const egress = section(page).getByTestId('readiness-egress');
    await egress.getByText('Would drop on egress (2)').waitFor();
    const rows = egress.getByTestId('readiness-edge');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(
      'tenant-jobs/reporting:8443/TCP',
    );
    expect(await rows.nth(1).textContent()).toContain(
      'tenant-jobs/worker:8080/TCP',
    );
    const replay = section(page).getByTestId('readiness-replay');
    await replay.getByText(/0 newly dropped for kept edges/).waitFor();
    await section(page).scrollIntoViewIfNeeded();
    await shot(page, 'readiness-1-all-kept', 'section');

    // Untick scheduler → reporting: the proposal is recomputed without it.
    await section(page)
      .getByRole('checkbox', {
        name: /Keep tenant-jobs\/scheduler → tenant-jobs\/reporting/,
      })
      .dispatchEvent('click');
    await replay
      .getByText(
        /0 newly dropped for kept edges, 1 unticked edge\(s\) dropped as chosen/,
      )
      .waitFor();
    await section(page)
      .getByText('Proposal: 1 CiliumNetworkPolicy for 1 kept edge', {
        exact: false,
      })
      .waitFor();
    await shot(page, 'readiness-2-unticked', 'section');

    // Propose through the template, pre-filled.
    await section(page).getByTestId('propose-policies').click();
    const next = page.getByRole('button', { name: /^next/i });
    await next.waitFor();
    await shot(page, 'readiness-3-form');
    await next.click();
    await page.getByRole('button', { name: /^review/i }).click();
    await shot(page, 'readiness-4-review');
    await page.getByRole('button', { name: /^create/i }).click();

    // One new commit on the previous head, with the policies.
    let head = before;
    for (let i = 0; i < 120 && head === before; i++) {
      await page.waitForTimeout(1000);
      head = await git.resolveRef({ fs, gitdir, ref: 'main' });
    }
    await shot(page, 'readiness-5-task');
    if (head === before) {
      throw new Error(
        `no commit landed\n--- backend output (tail) ---\n${demo.portal
          .output()
          .slice(-4000)}`,
      );
    }
    const [commit] = await git.log({ fs, gitdir, ref: 'main', depth: 1 });
    expect(commit.commit.parent).toEqual([before]);
    const files = await filesUnder(gitdir, head, POLICY_DIR);
    const policies = Object.values(files).map(text => yaml.parse(text));
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) {
      expect(p).toMatchObject({
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumNetworkPolicy',
        metadata: { namespace: 'tenant-jobs' },
      });
    }
    // The kept edge is allowed, the unticked one is not.
    const text = Object.values(files).join('\n');
    expect(text).toContain('8080');
    expect(text).not.toContain('8443');
  });
});
