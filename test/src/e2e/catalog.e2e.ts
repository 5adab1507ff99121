import { Browser, launchBrowser, signInAsGuest } from './harness/browser';
import { Portal, startPortal } from './harness/portal';

jest.setTimeout(180_000);

describe('the portal as a new user sees it', () => {
  let portal: Portal;
  let browser: Browser;

  beforeAll(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('signs in as guest and lists the cluster template and the example clusters', async () => {
    const { page } = browser;
    await signInAsGuest(page, portal.baseUrl);

    await page.goto(
      `${portal.baseUrl}/?filters[kind]=template&filters[user]=all`,
    );
    await page.getByRole('link', { name: /^Cilium cluster/ }).waitFor();
    await browser.screenshot('catalog-templates');

    await page.goto(
      `${portal.baseUrl}/?filters[kind]=resource&filters[user]=all`,
    );
    await page.getByRole('link', { name: 'democluster1' }).waitFor();
    await page.getByRole('link', { name: 'democluster2' }).waitFor();
    await browser.screenshot('catalog-clusters');
  });

  it('offers the template on the create page', async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/create`);
    await page
      .getByText(/^Cilium cluster/)
      .first()
      .waitFor();
    await browser.screenshot('create-page');
  });
});
