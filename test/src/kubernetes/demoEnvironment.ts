import { startHubbleRelayTestServer } from '../hubble';
import type { HubbleRelayTestServer } from '../hubble';
import { demoClusterObjects, DemoClusterName } from './fixtures/demoClusters';
import { KubernetesTestServer, startKubernetesTestServer } from './server';

export interface DemoEnvironment {
  /**
   * App-config (`kubernetes` + `cilium`) that points the Cilium status API
   * (and Backstage's Kubernetes plugin) at the test servers.
   */
  config: Record<string, unknown>;
  clusters: Record<
    DemoClusterName,
    { kubernetes: KubernetesTestServer; relay?: HubbleRelayTestServer }
  >;
  close(): Promise<void>;
}

/**
 * democluster1 and democluster2 as test servers: a Kubernetes API server
 * each and, unless `hubble: false`, a Hubble Relay each, plus the config to
 * reach them. For browser tests and local runs.
 */
export async function startDemoEnvironment(
  opts: { hubble?: boolean; argocdBaseUrl?: (cluster: string) => string } = {},
): Promise<DemoEnvironment> {
  const names: DemoClusterName[] = ['democluster1', 'democluster2'];
  const clusters = {} as DemoEnvironment['clusters'];
  for (const name of names) {
    clusters[name] = {
      kubernetes: await startKubernetesTestServer({
        objects: demoClusterObjects(name),
      }),
      relay:
        opts.hubble === false
          ? undefined
          : await startHubbleRelayTestServer({ cluster: name }),
    };
  }
  const argocdBaseUrl =
    opts.argocdBaseUrl ?? ((c: string) => `https://argocd.${c}.example.com`);
  const config = {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: names.map(name => ({
            name,
            url: clusters[name].kubernetes.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: clusters[name].kubernetes.token,
            skipTLSVerify: true,
            skipMetricsLookup: true,
          })),
        },
      ],
    },
    cilium: {
      timeoutMs: 5000,
      cacheTtlSeconds: 5,
      clusters: names.map(name => ({
        name,
        ...(clusters[name].relay
          ? {
              hubble: {
                address: clusters[name].relay!.address,
                uiUrl: `https://hubble.${name}.example.com`,
              },
            }
          : {}),
        argocd: { baseUrl: argocdBaseUrl(name) },
        meshPeers: names.filter(n => n !== name),
      })),
    },
  };
  return {
    config,
    clusters,
    close: async () => {
      for (const name of names) {
        await clusters[name].kubernetes.close();
        await clusters[name].relay?.close();
      }
    },
  };
}
