import {
  DemoEnvironment,
  startDemoEnvironment,
} from '../../kubernetes/demoEnvironment';
import { Browser, launchBrowser, signInAsGuest } from './browser';
import { Portal, startPortal } from './portal';

export interface DemoPortal {
  env: DemoEnvironment;
  portal: Portal;
  browser: Browser;
  /** URL of a cluster entity's page, optionally a tab (`cilium`). */
  entityUrl(cluster: string, tab?: string): string;
  close(): Promise<void>;
}

/**
 * The real app (backend serving the built frontend) configured to the
 * protocol-true Kubernetes API and Hubble Relay test servers of
 * democluster1/2 (over TLS with `caData` with `tls`), and a Chromium signed
 * in as guest.
 */
export async function startDemoPortal(
  opts: {
    /** Other top-level config merged over the test servers' (e.g. `ciliumGitops`). */
    config?: Record<string, unknown>;
    /** Serve the Kubernetes API and the Relays over TLS (CA as `caData`). */
    tls?: boolean;
  } = {},
): Promise<DemoPortal> {
  const env = await startDemoEnvironment({ tls: opts.tls });
  let portal: Portal | undefined;
  let browser: Browser | undefined;
  try {
    portal = await startPortal({ config: { ...env.config, ...opts.config } });
    browser = await launchBrowser();
    await signInAsGuest(browser.page, portal.baseUrl);
  } catch (e) {
    await browser?.close();
    await portal?.stop();
    await env.close();
    throw e;
  }
  const p = portal;
  const b = browser;
  return {
    env,
    portal: p,
    browser: b,
    entityUrl: (cluster, tab) =>
      `${p.baseUrl}/catalog/default/resource/${cluster}${tab ? `/${tab}` : ''}`,
    async close() {
      await b.close();
      await p.stop();
      await env.close();
    },
  };
}
