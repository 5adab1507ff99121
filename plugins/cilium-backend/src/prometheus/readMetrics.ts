import {
  ClusterMetrics,
  MetricError,
  MetricResult,
  MetricsRange,
  RemoteClusterReadiness,
} from '@internal/plugin-cilium-common';
import { PrometheusClient, PrometheusQueryError } from './PrometheusClient';
import {
  BGP_SESSIONS_QUERY,
  DROPS_BY_REASON_QUERY,
  FLOWS_BY_VERDICT_QUERY,
  httpSignalsQuery,
  MESH_APISERVER_SYNC_ERRORS_QUERY,
  MESH_READINESS_QUERY,
  RANGE_SETTINGS,
} from './queries';
import {
  toBgpSessions,
  toHttpSignals,
  toMeshReadiness,
  toSeries,
} from './parse';

function asMetricError(e: unknown): MetricError {
  if (e instanceof PrometheusQueryError) return e.detail;
  return { reason: 'error', message: (e as Error)?.message ?? String(e) };
}

/** Runs one query; its failure is a value, never a throw. */
async function run<T>(
  promql: string,
  read: () => Promise<T>,
): Promise<MetricResult<T>> {
  try {
    return { promql, value: await read() };
  } catch (e) {
    return { promql, error: asMetricError(e) };
  }
}

/** Readiness per remote cluster (the status document's primary mesh source). */
export function readMeshReadiness(
  client: PrometheusClient,
  signal?: AbortSignal,
): Promise<MetricResult<RemoteClusterReadiness[]>> {
  return run(MESH_READINESS_QUERY, async () =>
    toMeshReadiness(await client.instant(MESH_READINESS_QUERY, { signal })),
  );
}

/**
 * Every metric of the metrics route for one range, all queries in
 * parallel, each with its own timeout (the client's) and error.
 */
export async function readClusterMetrics(
  cluster: string,
  client: PrometheusClient,
  range: MetricsRange,
  nowMs = Date.now(),
): Promise<ClusterMetrics> {
  const { seconds, stepSeconds } = RANGE_SETTINGS[range];
  // Align to the step so repeated reads within a step ask the same thing.
  const end = Math.floor(nowMs / 1000 / stepSeconds) * stepSeconds;
  const start = end - seconds;
  const span = { start, end, step: stepSeconds };
  const httpQuery = httpSignalsQuery(range);
  const [mesh, syncErrors, flows, drops, httpSignals, bgp] = await Promise.all([
    readMeshReadiness(client),
    run(MESH_APISERVER_SYNC_ERRORS_QUERY, async () =>
      toSeries(
        await client.range(MESH_APISERVER_SYNC_ERRORS_QUERY, span),
        'scope',
      ),
    ),
    run(FLOWS_BY_VERDICT_QUERY, async () =>
      toSeries(await client.range(FLOWS_BY_VERDICT_QUERY, span), 'verdict'),
    ),
    run(DROPS_BY_REASON_QUERY, async () =>
      toSeries(await client.range(DROPS_BY_REASON_QUERY, span), 'reason'),
    ),
    run(httpQuery, async () =>
      toHttpSignals(await client.instant(httpQuery, { time: end })),
    ),
    run(BGP_SESSIONS_QUERY, async () =>
      toBgpSessions(await client.instant(BGP_SESSIONS_QUERY, { time: end })),
    ),
  ]);
  return {
    cluster,
    range,
    configured: true,
    window: {
      start: new Date(start * 1000).toISOString(),
      end: new Date(end * 1000).toISOString(),
      stepSeconds,
    },
    meshReadiness: mesh,
    meshApiserverSyncErrors: syncErrors,
    flowsByVerdict: flows,
    dropsByReason: drops,
    http: httpSignals,
    bgpSessions: bgp,
  };
}

/** The answer for a cluster without `prometheus`: every part says so. */
export function notConfiguredMetrics(
  cluster: string,
  range: MetricsRange,
  nowMs = Date.now(),
): ClusterMetrics {
  const { seconds, stepSeconds } = RANGE_SETTINGS[range];
  const end = Math.floor(nowMs / 1000 / stepSeconds) * stepSeconds;
  const error: MetricError = {
    reason: 'not-configured',
    message: `No Prometheus configured for cluster ${cluster} (cilium.clusters[].prometheus.url)`,
  };
  const none = (promql: string) => ({ promql, error });
  return {
    cluster,
    range,
    configured: false,
    window: {
      start: new Date((end - seconds) * 1000).toISOString(),
      end: new Date(end * 1000).toISOString(),
      stepSeconds,
    },
    meshReadiness: none(MESH_READINESS_QUERY),
    meshApiserverSyncErrors: none(MESH_APISERVER_SYNC_ERRORS_QUERY),
    flowsByVerdict: none(FLOWS_BY_VERDICT_QUERY),
    dropsByReason: none(DROPS_BY_REASON_QUERY),
    http: none(httpSignalsQuery(range)),
    bgpSessions: none(BGP_SESSIONS_QUERY),
  };
}
