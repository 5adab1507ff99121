import {
  BgpSessionMetric,
  HttpWorkloadSignals,
  MetricSeries,
  RemoteClusterReadiness,
} from '@internal/plugin-cilium-common';
import { MatrixItem, VectorItem } from './PrometheusClient';

const num = (s: string) => Number(s);

/** Range results as chart series named by `label`; points in unix ms. */
export function toSeries(items: MatrixItem[], label: string): MetricSeries[] {
  return items
    .map(i => ({
      name: i.metric[label] || '(none)',
      points: i.values
        .map(([t, v]) => [Math.round(t * 1000), num(v)] as [number, number])
        .filter(([, v]) => Number.isFinite(v)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The tagged parts (`q` label) of MESH_READINESS_QUERY, per remote cluster. */
export function toMeshReadiness(items: VectorItem[]): RemoteClusterReadiness[] {
  const byCluster = new Map<string, Record<string, number>>();
  for (const i of items) {
    const cluster = i.metric.target_cluster;
    const q = i.metric.q;
    if (!cluster || !q) continue;
    const parts = byCluster.get(cluster) ?? {};
    parts[q] = num(i.value[1]);
    byCluster.set(cluster, parts);
  }
  return [...byCluster.entries()]
    .map(([cluster, p]) => {
      const out: RemoteClusterReadiness = {
        cluster,
        readyAgents: p.ready ?? 0,
        agents: p.agents ?? 0,
      };
      if (p.failures !== undefined) out.failures = p.failures;
      if (p.kvstoremesh_ready !== undefined) {
        out.kvstoremesh = { ready: p.kvstoremesh_ready >= 1 };
        if (p.kvstoremesh_failures !== undefined) {
          out.kvstoremesh.failures = p.kvstoremesh_failures;
        }
      }
      return out;
    })
    .sort((a, b) => a.cluster.localeCompare(b.cluster));
}

/** The tagged parts of httpSignalsQuery, per destination workload. */
export function toHttpSignals(items: VectorItem[]): HttpWorkloadSignals[] {
  const byWorkload = new Map<string, HttpWorkloadSignals>();
  for (const i of items) {
    const namespace = i.metric.destination_namespace ?? '';
    const workload = i.metric.destination_workload ?? '';
    if (!workload) continue;
    const key = `${namespace}/${workload}`;
    const row = byWorkload.get(key) ?? { namespace, workload, requestRate: 0 };
    const v = num(i.value[1]);
    if (Number.isFinite(v)) {
      if (i.metric.q === 'rate') row.requestRate = v;
      if (i.metric.q === 'error_ratio') row.errorRatio = v;
      if (i.metric.q === 'p95') row.latencyP95 = v;
    }
    byWorkload.set(key, row);
  }
  return [...byWorkload.values()].sort(
    (a, b) =>
      b.requestRate - a.requestRate || a.workload.localeCompare(b.workload),
  );
}

export function toBgpSessions(items: VectorItem[]): BgpSessionMetric[] {
  return items
    .map(i => ({
      node: i.metric.node || i.metric.pod || '',
      vrouter: i.metric.vrouter ?? '',
      neighbor: i.metric.neighbor ?? '',
      neighborAsn: i.metric.neighbor_asn ?? '',
      up: num(i.value[1]) === 1,
    }))
    .sort(
      (a, b) =>
        a.node.localeCompare(b.node) || a.neighbor.localeCompare(b.neighbor),
    );
}
