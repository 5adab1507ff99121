/** Backend plugin id; routes are served under `/api/cilium`. */
export const CILIUM_PLUGIN_ID = 'cilium';

/** Route paths relative to the plugin's base URL. */
export const apiPaths = {
  clusters: () => '/clusters',
  clusterStatus: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/status`,
  clusterFlows: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/flows`,
  clusterFlowsSummary: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/flows/summary`,
  clusterFlowsStream: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/flows/stream`,
  clusterGateways: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/gateways`,
  clusterHttpRoutes: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/httproutes`,
  clusterMetrics: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/metrics`,
  clusterGitLive: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/git`,
  clusterPolicyReadiness: (cluster: string) =>
    `/clusters/${encodeURIComponent(cluster)}/policy-readiness`,
  mesh: () => '/mesh',
} as const;

/** Bounds of the `last` query parameter of the flows route. */
export const FLOWS_LAST_MIN = 1;
export const FLOWS_LAST_MAX = 1000;
export const FLOWS_LAST_DEFAULT = 100;
