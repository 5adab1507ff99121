import type { ComponentRenderer, RenderContext } from '../types';
import { mergeHelmValues } from '../../catalog/mergeValues';
import { apiServerScrape } from './apiServerScrape';
import {
  kubeProxyReplaced,
  storageClassName,
  tempoQueryURL,
} from './clusterFacts';

/** Secret of Grafana's Ingress certificate (cert-manager's ingress-shim names the Certificate alike). */
export const GRAFANA_TLS_SECRET = 'grafana-tls';

/** Key of the Grafana admin user name in the admin Secret (the spec names the password key). */
export const GRAFANA_ADMIN_USER_KEY = 'admin-user';

/** Grafana's Tempo datasource: traces to metrics, service map and node graph on Prometheus. */
function tempoDatasource(ctx: RenderContext): Record<string, unknown> {
  return {
    name: 'Tempo',
    type: 'tempo',
    uid: 'tempo',
    url: tempoQueryURL(ctx),
    access: 'proxy',
    jsonData: {
      httpMethod: 'GET',
      tracesToMetrics: {
        datasourceUid: 'prometheus',
        tags: [{ key: 'service.name', value: 'service' }, { key: 'job' }],
        queries: [
          {
            name: 'Request rate',
            query: 'sum(rate(traces_spanmetrics_calls_total{$$__tags}[5m]))',
          },
        ],
      },
      serviceMap: { datasourceUid: 'prometheus' },
      nodeGraph: { enabled: true },
      search: { hide: false },
    },
  };
}

/**
 * kube-prometheus-stack: Grafana behind a Cilium Ingress with a cert-manager
 * certificate, its admin credentials from the user's Secret, the Tempo
 * datasource. Exemplar storage, the remote-write receiver, selectors that pick
 * up Cilium's ServiceMonitors and the sidecar dashboards are catalog defaults.
 */
export const renderKubePrometheusStack: ComponentRenderer = ctx => {
  const { observability, tls } = ctx.spec.spec;
  if (!observability) return {};
  const host = observability.grafanaHost;
  const admin = observability.grafanaAdminSecretRef;
  const annotations: Record<string, string> = {};
  if (tls) annotations['cert-manager.io/cluster-issuer'] = tls.clusterIssuer;
  const storage = storageClassName(ctx);
  const scrape = apiServerScrape(
    observability.apiServerScrape,
    ctx.addon.namespace,
  );
  // With kube-proxy replacement there is no kube-proxy to scrape or alert on
  // (chart 88.5.3 values: `kubeProxy.enabled`, `defaultRules.rules.kubeProxy`).
  const kubeProxy = !kubeProxyReplaced(ctx);
  const values = {
    kubeProxy: { enabled: kubeProxy },
    defaultRules: { rules: { kubeProxy } },
    prometheus: {
      prometheusSpec: {
        // Every series carries the cluster name, as in the recipe, so a
        // mesh's metrics stay apart when they meet (remote write, federation).
        externalLabels: { cluster: ctx.spec.metadata.name },
        storageSpec: {
          volumeClaimTemplate: { spec: { storageClassName: storage } },
        },
      },
    },
    grafana: {
      persistence: { storageClassName: storage },
      admin: {
        existingSecret: admin.name,
        userKey: GRAFANA_ADMIN_USER_KEY,
        passwordKey: admin.key,
      },
      'grafana.ini': {
        server: { domain: host, root_url: `https://${host}` },
      },
      ingress: {
        enabled: true,
        ingressClassName: 'cilium',
        annotations,
        hosts: [host],
        tls: [{ secretName: GRAFANA_TLS_SECRET, hosts: [host] }],
      },
      additionalDataSources: [tempoDatasource(ctx)],
    },
  };
  return {
    values: mergeHelmValues(values, scrape.values),
    manifests: scrape.manifests,
    secrets: [
      ...scrape.secrets,
      {
        namespace: ctx.addon.namespace,
        name: admin.name,
        key: GRAFANA_ADMIN_USER_KEY,
        description: 'Grafana admin user name.',
      },
      {
        namespace: ctx.addon.namespace,
        name: admin.name,
        key: admin.key,
        description: 'Grafana admin password.',
      },
    ],
  };
};
