import { startHubbleRelayTestServer } from '../hubble';
import type { HubbleRelayTestServer } from '../hubble';
import { demoPrometheusRules, startPrometheusTestServer } from '../prometheus';
import type { PrometheusTestServer } from '../prometheus';
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
    {
      kubernetes: KubernetesTestServer;
      relay?: HubbleRelayTestServer;
      prometheus?: PrometheusTestServer;
    }
  >;
  close(): Promise<void>;
}

const base64 = (pem: string) => Buffer.from(pem).toString('base64');

/**
 * democluster1 and democluster2 as test servers: a Kubernetes API server
 * each and, unless `hubble: false`, a Hubble Relay each, plus the config to
 * reach them. For browser tests and local runs.
 */
export async function startDemoEnvironment(
  opts: {
    hubble?: boolean;
    /** Unless false, a Prometheus test server per cluster. */
    prometheus?: boolean;
    argocdBaseUrl?: (cluster: string) => string;
    /**
     * Serve the Kubernetes API and the Relays over TLS, configured as in
     * production: the CA as base64 `caData`, verification on.
     */
    tls?: boolean;
  } = {},
): Promise<DemoEnvironment> {
  const tls = opts.tls === true;
  const names: DemoClusterName[] = ['democluster1', 'democluster2'];
  const clusters = {} as DemoEnvironment['clusters'];
  for (const name of names) {
    clusters[name] = {
      kubernetes: await startKubernetesTestServer({
        objects: demoClusterObjects(name),
        tls,
      }),
      relay:
        opts.hubble === false
          ? undefined
          : await startHubbleRelayTestServer({ cluster: name, tls }),
      prometheus:
        opts.prometheus === false
          ? undefined
          : await startPrometheusTestServer({
              rules: demoPrometheusRules(name),
              authorization: `Bearer demo-prometheus-${name}`,
            }),
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
            ...(tls
              ? { caData: base64(clusters[name].kubernetes.caPem!) }
              : { skipTLSVerify: true }),
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
                ...(tls
                  ? {
                      tls: {
                        enabled: true,
                        caData: base64(clusters[name].relay!.caPem!),
                      },
                    }
                  : {}),
              },
            }
          : {}),
        ...(clusters[name].prometheus
          ? {
              prometheus: {
                url: clusters[name].prometheus!.url,
                authorization: `Bearer demo-prometheus-${name}`,
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
        await clusters[name].prometheus?.close();
      }
    },
  };
}
