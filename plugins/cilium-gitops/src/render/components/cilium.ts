import type { ClusterSpec } from '../../spec/types';
import type {
  ComponentRenderer,
  RenderContext,
  SecretReference,
} from '../types';
import { namespaceOf } from './clusterFacts';
import { clusterMeshValues } from './clusterMeshValues';

/**
 * Cilium Helm values from the spec. Static choices (KPR, masquerade, BGP
 * control plane, Ingress, Gateway API, Hubble, ServiceMonitors with
 * `trustCRDsExist`, `hubble.tls.auto.method: cronJob`) are in
 * `addons/cilium/values.yaml`; this adds what depends on the cluster.
 * Keys checked against the 1.20.1 chart values.
 */

/** The Hubble metric for Kafka, only while the Cilium minor still has it. */
const KAFKA_METRIC =
  'kafka:labelsContext=source_namespace,source_workload,destination_namespace,destination_workload,traffic_direction;sourceContext=workload-name|reserved-identity;destinationContext=workload-name|reserved-identity';

function routingValues(spec: ClusterSpec): Record<string, unknown> {
  const { routingMode, podCIDR } = spec.spec.network;
  if (routingMode === 'native') {
    return {
      routingMode: 'native',
      ipv4NativeRoutingCIDR: podCIDR,
      autoDirectNodeRoutes: true,
    };
  }
  return { routingMode: 'tunnel', tunnelProtocol: 'vxlan' };
}

function hubbleMetrics(ctx: RenderContext): string[] {
  const defaults = (
    ctx.addon.defaultValues as { hubble?: { metrics?: { enabled?: string[] } } }
  ).hubble?.metrics?.enabled;
  const metrics = [...(defaults ?? [])];
  if (ctx.pins.hubbleKafkaMetrics === 'true') metrics.push(KAFKA_METRIC);
  return metrics;
}

/** Grafana dashboards as ConfigMaps in the monitoring namespace, with folders. */
function dashboards(
  ctx: RenderContext,
  folder: string,
): Record<string, unknown> {
  if (!ctx.spec.spec.addons.observability) return { enabled: false };
  return {
    enabled: true,
    label: 'grafana_dashboard',
    labelValue: '1',
    namespace: namespaceOf(ctx, 'kube-prometheus-stack', 'monitoring'),
    annotations: { grafana_folder: folder },
  };
}

function meshSecrets(ctx: RenderContext): SecretReference[] {
  if (ctx.spec.spec.clusterMesh.peers.length === 0) return [];
  const ca = ctx.spec.spec.clusterMesh.caName;
  const description = `Cilium CA shared by every cluster of the mesh${
    ca ? ` (mesh CA ${ca})` : ''
  }: made once per mesh, the same value in each cluster; create it before bootstrap so the certgen job reuses it.`;
  return ['ca.crt', 'ca.key'].map(key => ({
    namespace: ctx.addon.namespace,
    name: 'cilium-ca',
    key,
    description,
  }));
}

export const renderCilium: ComponentRenderer = ctx => {
  const { spec } = ctx;
  const { controlPlane } = spec.spec;
  const values: Record<string, unknown> = {
    cluster: { name: spec.metadata.name, id: spec.spec.clusterId },
    // Explicit: `auto` and `k8sServiceHostRef` use Helm lookup, which Argo CD never runs.
    k8sServiceHost: controlPlane.apiServerHost,
    k8sServicePort: controlPlane.apiServerPort,
    ...routingValues(spec),
    dashboards: dashboards(ctx, 'Cilium'),
    operator: { dashboards: dashboards(ctx, 'Cilium') },
    hubble: {
      metrics: {
        enabled: hubbleMetrics(ctx),
        dashboards: dashboards(ctx, 'Hubble'),
      },
    },
  };
  if (controlPlane.external) values.bpf = { lbExternalClusterIP: true };
  const clustermesh = clusterMeshValues(ctx);
  if (clustermesh) values.clustermesh = clustermesh;
  return { values, secrets: meshSecrets(ctx) };
};
