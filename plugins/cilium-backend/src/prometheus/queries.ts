import { MetricsRange } from '@internal/plugin-cilium-common';

/**
 * The PromQL the status API sends: fixed text, owned here, with only the
 * time range (from a closed set) substituted. Nothing from a request becomes
 * PromQL.
 *
 * Metric and label names are the upstream ones (cilium/cilium
 * Documentation/observability/metrics.rst, "Metrics Reference"):
 * - agent "Clustermesh": `cilium_clustermesh_remote_cluster_readiness_status`
 *   and `cilium_clustermesh_remote_cluster_failures`, labels
 *   `source_cluster`, `source_node_name`, `target_cluster`;
 * - kvstoremesh "Remote clusters": `cilium_kvstoremesh_remote_cluster_readiness_status`,
 *   `cilium_kvstoremesh_remote_cluster_failures` (`source_cluster`, `target_cluster`);
 * - clustermesh-apiserver "KVstore": `cilium_clustermesh_apiserver_kvstore_sync_errors_total`
 *   (`scope`, `source_cluster`);
 * - agent "BGP Control Plane": `cilium_bgp_control_plane_session_state`
 *   (`vrouter`, `neighbor`, `neighbor_asn`; Up = 1, Down = 0);
 * - Hubble `flow`: `hubble_flows_processed_total` (`type`, `subtype`, `verdict`);
 * - Hubble `drop`: `hubble_drop_total` (`reason`, `protocol`);
 * - Hubble `httpV2`: `hubble_http_requests_total` (`method`, `protocol`,
 *   `status`, `reporter`) and `hubble_http_request_duration_seconds`
 *   (`method`, `reporter`), plus the `labelsContext` labels.
 *
 * The generated clusters enable httpV2 with
 * `labelsContext=source_ip,source_namespace,source_workload,destination_ip,destination_namespace,destination_workload,traffic_direction`
 * (plugins/cilium-gitops/addons/cilium/values.yaml, rendered into
 * gitops/examples/<cluster>/repo/values/cilium.yaml), so the per-workload
 * queries group by `destination_namespace` and `destination_workload`.
 * `reporter="server"` counts each request once, as the server side's proxy
 * saw it (the upstream Hubble L7 HTTP dashboard's default reporter).
 */

/** Step and rate window of the range queries for each selectable range. */
export const RANGE_SETTINGS: Record<
  MetricsRange,
  { seconds: number; stepSeconds: number }
> = {
  '15m': { seconds: 15 * 60, stepSeconds: 15 },
  '1h': { seconds: 3600, stepSeconds: 60 },
  '6h': { seconds: 6 * 3600, stepSeconds: 360 },
};

/**
 * The rate window of the range queries: 5 minutes, at least four scrapes at
 * the Cilium chart's default ServiceMonitor interval (10 s) or
 * kube-prometheus-stack's (30 s).
 */
const RATE_WINDOW = '5m';

/** `q` labels tag the parts of a query that joins several with `or`. */
const tagged = (expr: string, q: string) =>
  `label_replace(${expr}, "q", "${q}", "", "")`;

/** Readiness, agent count and failures per remote cluster, agents and KVStoreMesh, in one query. */
export const MESH_READINESS_QUERY = [
  tagged(
    'sum by (target_cluster) (cilium_clustermesh_remote_cluster_readiness_status)',
    'ready',
  ),
  tagged(
    'count by (target_cluster) (cilium_clustermesh_remote_cluster_readiness_status)',
    'agents',
  ),
  tagged(
    'sum by (target_cluster) (cilium_clustermesh_remote_cluster_failures)',
    'failures',
  ),
  tagged(
    'min by (target_cluster) (cilium_kvstoremesh_remote_cluster_readiness_status)',
    'kvstoremesh_ready',
  ),
  tagged(
    'sum by (target_cluster) (cilium_kvstoremesh_remote_cluster_failures)',
    'kvstoremesh_failures',
  ),
].join(' or ');

export const MESH_APISERVER_SYNC_ERRORS_QUERY = `sum by (scope) (increase(cilium_clustermesh_apiserver_kvstore_sync_errors_total[${RATE_WINDOW}]))`;

export const FLOWS_BY_VERDICT_QUERY = `sum by (verdict) (rate(hubble_flows_processed_total[${RATE_WINDOW}]))`;

export const DROPS_BY_REASON_QUERY = `sum by (reason) (rate(hubble_drop_total[${RATE_WINDOW}]))`;

export const BGP_SESSIONS_QUERY =
  'max by (node, pod, vrouter, neighbor, neighbor_asn) (cilium_bgp_control_plane_session_state)';

/** Request rate, 5xx ratio and p95 latency per destination workload over the range. */
export function httpSignalsQuery(range: MetricsRange): string {
  const by = 'destination_namespace, destination_workload';
  const requests = (match: string) =>
    `sum by (${by}) (rate(hubble_http_requests_total{${match}}[${range}]))`;
  return [
    tagged(requests('reporter="server"'), 'rate'),
    tagged(
      `${requests('reporter="server",status=~"5.."')} / ${requests(
        'reporter="server"',
      )}`,
      'error_ratio',
    ),
    tagged(
      `histogram_quantile(0.95, sum by (${by}, le) (rate(hubble_http_request_duration_seconds_bucket{reporter="server"}[${range}])))`,
      'p95',
    ),
  ].join(' or ');
}
