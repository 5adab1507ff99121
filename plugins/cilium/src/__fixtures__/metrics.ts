import {
  ClusterMetrics,
  MetricsRange,
  MetricSeries,
} from '@internal/plugin-cilium-common';

const END = Date.parse('2026-11-26T10:00:00.000Z');
const STEP: Record<MetricsRange, number> = { '15m': 15, '1h': 60, '6h': 360 };

function series(name: string, base: number, range: MetricsRange): MetricSeries {
  const step = STEP[range];
  return {
    name,
    points: Array.from({ length: 61 }, (_, i) => [
      END - (60 - i) * step * 1000,
      base + (i % 10) / 10,
    ]),
  };
}

/** A ClusterMetrics answer as the backend sends it for `range`. */
export function clusterMetrics(range: MetricsRange = '1h'): ClusterMetrics {
  return {
    cluster: 'prod-eu-1',
    range,
    configured: true,
    window: {
      start: new Date(END - 60 * STEP[range] * 1000).toISOString(),
      end: new Date(END).toISOString(),
      stepSeconds: STEP[range],
    },
    meshReadiness: {
      promql:
        'sum by (target_cluster) (cilium_clustermesh_remote_cluster_readiness_status)',
      value: [{ cluster: 'prod-us-1', readyAgents: 3, agents: 3, failures: 0 }],
    },
    meshApiserverSyncErrors: {
      promql:
        'sum by (scope) (increase(cilium_clustermesh_apiserver_kvstore_sync_errors_total[5m]))',
      value: [],
    },
    flowsByVerdict: {
      promql: 'sum by (verdict) (rate(hubble_flows_processed_total[5m]))',
      value: [series('DROPPED', 0.2, range), series('FORWARDED', 1.5, range)],
    },
    dropsByReason: {
      promql: 'sum by (reason) (rate(hubble_drop_total[5m]))',
      value: [series('POLICY_DENIED', 0.1, range)],
    },
    http: {
      promql:
        'sum by (destination_namespace, destination_workload) (rate(hubble_http_requests_total[1h]))',
      value: [
        {
          namespace: 'bookinfo',
          workload: 'details',
          requestRate: 0.1,
          errorRatio: 0.02,
          latencyP95: 0.003,
        },
      ],
    },
    bgpSessions: {
      promql:
        'max by (node, pod, vrouter, neighbor, neighbor_asn) (cilium_bgp_control_plane_session_state)',
      error: {
        reason: 'execution',
        statusCode: 422,
        message:
          'Prometheus: execution: query processing would load too many samples into memory in query execution',
      },
    },
  };
}

/** The answer for a cluster without Prometheus. */
export function unconfiguredMetrics(
  range: MetricsRange = '1h',
): ClusterMetrics {
  const m = clusterMetrics(range);
  const error = {
    reason: 'not-configured' as const,
    message:
      'No Prometheus configured for cluster prod-eu-1 (cilium.clusters[].prometheus.url)',
  };
  return {
    ...m,
    configured: false,
    meshReadiness: { promql: m.meshReadiness.promql, error },
    meshApiserverSyncErrors: {
      promql: m.meshApiserverSyncErrors.promql,
      error,
    },
    flowsByVerdict: { promql: m.flowsByVerdict.promql, error },
    dropsByReason: { promql: m.dropsByReason.promql, error },
    http: { promql: m.http.promql, error },
    bgpSessions: { promql: m.bgpSessions.promql, error },
  };
}
