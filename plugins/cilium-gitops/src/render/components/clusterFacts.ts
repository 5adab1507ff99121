import type { RenderContext } from '../types';
import type { ClusterSpec, TsigAlgorithm } from '../../spec/types';

/**
 * Facts several components derive from the spec and the catalog, kept in one
 * place so that, e.g., the Tempo URL in Grafana and the collector agree.
 */

/** Namespace of an addon from the catalog, or `fallback` when it is absent. */
export function namespaceOf(
  ctx: RenderContext,
  id: string,
  fallback: string,
): string {
  return ctx.catalog.addons[id]?.namespace ?? fallback;
}

/** Helm release name of an addon (its `releaseName`, else its id). */
export function releaseOf(ctx: RenderContext, id: string): string {
  return ctx.catalog.addons[id]?.releaseName ?? id;
}

/** Prometheus of kube-prometheus-stack, in-cluster. */
export function prometheusURL(ctx: RenderContext): string {
  const release = releaseOf(ctx, 'kube-prometheus-stack');
  const ns = namespaceOf(ctx, 'kube-prometheus-stack', 'monitoring');
  return `http://${release}-prometheus.${ns}.svc:9090`;
}

/** Tempo's service (the tempo addon sets `fullnameOverride: tempo`). */
export function tempoHost(ctx: RenderContext): string {
  return `tempo.${namespaceOf(ctx, 'tempo', 'tempo')}.svc`;
}

/** Tempo's query API (port 3200 since chart 1.21.1). */
export function tempoQueryURL(ctx: RenderContext): string {
  return `http://${tempoHost(ctx)}:3200`;
}

/** DNS suffix of the Cluster Mesh API servers (one home: the spec's mesh facts). */
export { meshDomain } from '../../spec/clusterMesh';

/** `host:port`, with brackets around an IPv6 host. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** cert-manager's spelling of a TSIG algorithm (`hmac-sha256` → `HMACSHA256`). */
export function certManagerTsigAlgorithm(alg: TsigAlgorithm): string {
  return alg.replace('-', '').toUpperCase();
}

/** A host name under the cluster's DNS domain. */
export function hostInDomain(spec: ClusterSpec, label: string): string {
  return `${label}.${spec.spec.dns.domain}`;
}

/**
 * StorageClass for persistent volumes: OpenEBS hostpath when that addon is on;
 * otherwise `null`, which deletes the catalog default in Helm and leaves the
 * cluster's default StorageClass.
 */
export function storageClassName(ctx: RenderContext): string | null {
  return ctx.spec.spec.addons.openebs ? 'openebs-hostpath' : null;
}

/**
 * Does Cilium replace kube-proxy? (`kubeProxyReplacement` of the cilium
 * addon's values.) Then nothing in the cluster is kube-proxy: its
 * ServiceMonitor and alert rules must be off, or KubeProxyDown fires forever.
 */
export function kubeProxyReplaced(ctx: RenderContext): boolean {
  const values = ctx.catalog.addons.cilium?.defaultValues as
    | { kubeProxyReplacement?: unknown }
    | undefined;
  return (
    values?.kubeProxyReplacement === true ||
    values?.kubeProxyReplacement === 'true'
  );
}
