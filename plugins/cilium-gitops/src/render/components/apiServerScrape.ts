import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import type { ApiServerScrape } from '../../spec/types';
import type { KubeObject, SecretReference } from '../types';
import { toKubeObject } from './kubeObject';

/**
 * How Prometheus scrapes an API server that runs outside the cluster, as the
 * spec chooses (`observability.apiServerScrape`):
 *
 * - skip verification (the recipe's `insecureSkipVerify: true`; the default
 *   without a CA), or verify against the cluster CA with `serverName`: the
 *   chart's own ServiceMonitor (kube-prometheus-stack 88.5.3
 *   templates/exporters/kube-api-server/servicemonitor.yaml takes
 *   `kubeApiServer.tlsConfig.{serverName, insecureSkipVerify}` and always the
 *   service account's `ca.crt` as `caFile`);
 * - a CA from a Secret: that template cannot take one, so its ServiceMonitor
 *   is off and this one replaces it, with the chart's selector, job label and
 *   port (`component: apiserver, provider: kubernetes`, `jobLabel: component`
 *   so rules and dashboards still see `job="apiserver"`) and `tlsConfig.ca`
 *   from the Secret in the monitoring namespace.
 */
export interface ApiServerScrapeOutput {
  values: Record<string, unknown>;
  manifests: KubeObject[];
  secrets: SecretReference[];
}

export function apiServerScrape(
  scrape: ApiServerScrape,
  namespace: string,
): ApiServerScrapeOutput {
  const skip = scrape.insecureSkipVerify ?? !scrape.caSecretRef;
  const tlsConfig = { serverName: scrape.serverName, insecureSkipVerify: skip };
  const ca = scrape.caSecretRef;
  if (!ca) {
    return {
      values: { kubeApiServer: { tlsConfig } },
      manifests: [],
      secrets: [],
    };
  }
  const monitor: IServiceMonitor = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: {
      name: 'apiserver-with-ca',
      namespace,
      labels: { app: 'kube-prometheus-stack-apiserver' },
    },
    spec: {
      jobLabel: 'component',
      namespaceSelector: { matchNames: ['default'] },
      selector: {
        matchLabels: { component: 'apiserver', provider: 'kubernetes' },
      },
      endpoints: [
        {
          port: 'https',
          scheme: 'https',
          bearerTokenFile:
            '/var/run/secrets/kubernetes.io/serviceaccount/token',
          tlsConfig: {
            ca: { secret: { name: ca.name, key: ca.key } },
            serverName: scrape.serverName,
            insecureSkipVerify: false,
          },
        },
      ],
    },
  };
  return {
    values: {
      kubeApiServer: { tlsConfig, serviceMonitor: { enabled: false } },
    },
    manifests: [toKubeObject(monitor)],
    secrets: [
      {
        namespace,
        name: ca.name,
        key: ca.key,
        description: `CA certificate (PEM) that signed the API server's certificate, so Prometheus can verify it (server name ${scrape.serverName}).`,
      },
    ],
  };
}
