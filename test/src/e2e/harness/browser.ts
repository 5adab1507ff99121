import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { repoRoot } from './portal';

/** Where screenshots go (git-ignored). */
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

/** The system Chromium (Debian's `chromium` package); never a download. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find(p => fs.existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (tried ${candidates.join(
        ', ',
      )}): install Debian's "chromium" package or set CHROMIUM_PATH`,
    );
  }
  return found;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile and no background networking. */
export async function launchBrowser(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  return {
    context,
    page,
    async screenshot(name: string) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the portal and signs in with the guest provider. */
export async function signInAsGuest(page: Page, baseUrl: string) {
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: /enter/i });
  await enter.waitFor();
  await enter.click();
  // The sign-in card is gone once the app shell renders its sidebar.
  await enter.waitFor({ state: 'detached' });
}
