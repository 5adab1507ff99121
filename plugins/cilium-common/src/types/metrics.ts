/**
 * The metrics route's answer: what the status API reads from a cluster's own
 * Prometheus with fixed PromQL (never PromQL from a request).
 */

/** Time ranges the metrics route accepts (`?range=`). */
export const METRICS_RANGES = ['15m', '1h', '6h'] as const;
export type MetricsRange = (typeof METRICS_RANGES)[number];
export const METRICS_RANGE_DEFAULT: MetricsRange = '1h';

/** Why one Prometheus query gave no answer. */
export type MetricErrorReason =
  /** Prometheus refused the query (`errorType: bad_data`, HTTP 400). */
  | 'bad_data'
  /** The query failed while evaluating (`errorType: execution`, HTTP 422). */
  | 'execution'
  /** Prometheus or this backend gave up waiting (`errorType: timeout`, 503). */
  | 'timeout'
  | 'unauthorized'
  | 'unreachable'
  | 'not-configured'
  | 'error';

export interface MetricError {
  reason: MetricErrorReason;
  /** Safe to show: never holds the auth header. */
  message: string;
  statusCode?: number;
}

/**
 * One query's result: a value, or its own error. `promql` is the fixed query
 * the backend sent, for pasting into Grafana or Prometheus.
 */
export type MetricResult<T> = { promql: string } & (
  | { value: T; error?: undefined }
  | { value?: undefined; error: MetricError }
);

/** A time series: points are `[unix milliseconds, value]`. */
export interface MetricSeries {
  /** The label that tells series apart (verdict, reason, …). */
  name: string;
  points: [number, number][];
}

/** Cluster Mesh readiness of one remote cluster as the local agents see it. */
export interface RemoteClusterReadiness {
  /** `target_cluster`. */
  cluster: string;
  /** Agents (`source_node_name`) reporting this remote cluster ready. */
  readyAgents: number;
  /** Agents reporting this remote cluster at all. */
  agents: number;
  /** Sum of `cilium_clustermesh_remote_cluster_failures` over agents. */
  failures?: number;
  /** KVStoreMesh's view, when it runs and exports metrics. */
  kvstoremesh?: { ready: boolean; failures?: number };
}

/** HTTP golden signals of one destination workload (Hubble httpV2). */
export interface HttpWorkloadSignals {
  namespace: string;
  workload: string;
  /** Requests per second over the range. */
  requestRate: number;
  /** 5xx ÷ all, 0..1; undefined without requests. */
  errorRatio?: number;
  /** Seconds; undefined without a histogram sample. */
  latencyP95?: number;
}

/** One BGP session as `cilium_bgp_control_plane_session_state` reports it. */
export interface BgpSessionMetric {
  /** The agent's node or pod (whichever label the scrape adds). */
  node: string;
  vrouter: string;
  neighbor: string;
  neighborAsn: string;
  up: boolean;
}

export interface ClusterMetrics {
  cluster: string;
  range: MetricsRange;
  /** False when `cilium.clusters[].prometheus` is absent: nothing was asked. */
  configured: boolean;
  /** ISO 8601 bounds of the range queries and their step. */
  window: { start: string; end: string; stepSeconds: number };
  meshReadiness: MetricResult<RemoteClusterReadiness[]>;
  /** clustermesh-apiserver kvstore sync errors over the range, by scope. */
  meshApiserverSyncErrors: MetricResult<MetricSeries[]>;
  flowsByVerdict: MetricResult<MetricSeries[]>;
  dropsByReason: MetricResult<MetricSeries[]>;
  http: MetricResult<HttpWorkloadSignals[]>;
  bgpSessions: MetricResult<BgpSessionMetric[]>;
}
