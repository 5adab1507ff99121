import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Browser, launchBrowser, signInAsGuest } from '../e2e/harness/browser';
import { Portal, startPortal } from '../e2e/harness/portal';

jest.setTimeout(300_000);

/** Fills a text field of the scaffolder form by its label. */
async function fill(page: Page, label: string | RegExp, value: string) {
  const field = page.getByLabel(label).first();
  await field.fill(value);
}

/**
 * The create-a-cluster flow as a user clicks it: the five form pages, the
 * local publish target, the task page with its links, the new entity in the
 * catalog and a clonable repository on the host.
 */
describe('creating a cluster from the cilium-cluster template in the browser', () => {
  let portal: Portal;
  let browser: Browser;
  const reposDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-e2e-repos-'));

  beforeAll(async () => {
    portal = await startPortal({
      config: { ciliumGitops: { localPublish: { baseDir: reposDir } } },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    fs.rmSync(reposDir, { recursive: true, force: true });
  });

  it('fills the form, publishes locally and registers the cluster', async () => {
    const { page } = browser;
    await signInAsGuest(page, portal.baseUrl);
    await page.goto(
      `${portal.baseUrl}/create/templates/default/cilium-cluster`,
    );
    const next = page.getByRole('button', { name: /^next/i });

    // 1. Cluster
    await fill(page, /^Cluster name/, 'e2ecluster');
    await fill(page, /^Owner/, 'group:default/platform-team');
    await page.keyboard.press('Tab');
    await browser.screenshot('template-1-cluster');
    await next.click();

    // 2. Network & BGP
    await fill(page, /^API server host/, '10.12.13.14');
    await fill(page, /^BGP peer address/, '172.22.5.1');
    await fill(page, /^BGP peer ASN/, '64513');
    await browser.screenshot('template-2-network');
    await next.click();

    // 3. DNS & TLS
    await fill(page, /^Cluster DNS domain/, 'e2e.example.net');
    await fill(page, /^RFC2136 DNS server/, '10.53.0.2');
    await fill(page, /^DNS zone/, 'example.net');
    await fill(page, /^ACME account e-mail/, 'ops@example.net');
    await browser.screenshot('template-3-dns');
    await next.click();

    // 4. Add-ons & demo apps: the defaults
    await browser.screenshot('template-4-addons');
    await next.click();

    // 5. Repository: the local target (default)
    await fill(page, /^Repository name/, 'e2ecluster-gitops');
    await fill(
      page,
      /^Repository URL for Argo CD/,
      'https://git.example.net/platform/e2ecluster-gitops.git',
    );
    await browser.screenshot('template-5-repository');
    await page.getByRole('button', { name: /^review/i }).click();
    await browser.screenshot('template-review');
    await page.getByRole('button', { name: /^create/i }).click();

    // The task page: every step done, then the output links.
    const entityLink = page.getByRole('link', {
      name: /Open the cluster in the catalog/i,
    });
    try {
      await entityLink.waitFor({ timeout: 120_000 });
    } catch (e) {
      await browser.screenshot('template-task-failed');
      fs.writeFileSync(
        path.join(os.tmpdir(), 'cilium-template-e2e-backend.log'),
        portal.output(),
      );
      throw new Error(
        `${e}\n--- backend output (tail) ---\n${portal.output().slice(-4000)}`,
      );
    }
    await page.getByRole('link', { name: /^Repository/ }).waitFor();
    await browser.screenshot('template-task-done');

    // The repository on the host clones to the rendered tree.
    const clone = path.join(reposDir, 'clone');
    execFileSync('git', [
      'clone',
      '--quiet',
      path.join(reposDir, 'e2ecluster-gitops.git'),
      clone,
    ]);
    for (const file of [
      'cluster.yaml',
      'catalog-info.yaml',
      'apps/cilium.yaml',
      'values/cilium.yaml',
    ]) {
      expect(fs.existsSync(path.join(clone, file))).toBe(true);
    }

    // The new entity, as the catalog read it back (it processes the new
    // location within seconds; reload until it is there).
    await entityLink.click();
    await page.waitForURL(/\/catalog\/default\/resource\/e2ecluster/);
    // Each round waits until the page has decided (the entity or "Entity not
    // found"), then reloads only in the second case.
    const found = page.getByText('kubernetes-cluster').first();
    const notFound = page.getByText('Entity not found');
    const deadline = Date.now() + 90_000;
    for (;;) {
      await found.or(notFound).first().waitFor({ timeout: 30_000 });
      if ((await found.count()) > 0) break;
      if (Date.now() > deadline) {
        await browser.screenshot('template-entity-failed');
        throw new Error('the new entity never appeared in the catalog');
      }
      await page.waitForTimeout(1000);
      await page.reload();
    }
    await browser.screenshot('template-entity');
  });
});
