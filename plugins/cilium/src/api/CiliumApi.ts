import { createApiRef } from '@backstage/frontend-plugin-api';
import type { FlowStreamHandlers, StreamFlowsOptions } from './flowStream';
import {
  ClusterStatus,
  ClustersResponse,
  FlowsResponse,
  FlowsSummary,
  GatewaysPage,
  GitLiveResponse,
  HttpRoutesPage,
  MeshOverview,
  ClusterMetrics,
  MetricsRange,
  PolicyReadinessResponse,
  Verdict,
} from '@internal/plugin-cilium-common';

/** Options of {@link CiliumApi.getFlows}; mirror the flows route's query. */
export interface GetFlowsOptions {
  namespace?: string;
  /** 1..1000; the backend defaults to 100. */
  last?: number;
  verdict?: Verdict;
  policyVerdictsOnly?: boolean;
  /** ISO 8601. */
  since?: string;
  signal?: AbortSignal;
}

/** Options of {@link CiliumApi.getFlowsSummary}; mirror the summary route's query. */
export interface GetFlowsSummaryOptions {
  namespace?: string;
  /** 1..10,000; the backend defaults to 10,000. */
  last?: number;
  /** ISO 8601. */
  since?: string;
  signal?: AbortSignal;
}

/**
 * Options of {@link CiliumApi.getGateways} and {@link CiliumApi.getHttpRoutes};
 * mirror the paged routes' query (`ItemsQuery`).
 */
export interface GetItemsOptions {
  /** Whitespace-separated terms, all of which an item must contain; at most 200 characters. */
  q?: string;
  /** 0-based; the backend defaults to 0. */
  offset?: number;
  /** 1..100; the backend defaults to 10. */
  limit?: number;
  signal?: AbortSignal;
}

/** Options of {@link CiliumApi.getPolicyReadiness}; mirror the readiness route's query. */
export interface GetPolicyReadinessOptions {
  namespace: string;
  /** Edge ids to keep (allow) in the proposal; undefined keeps every edge. */
  keep?: string[];
  signal?: AbortSignal;
}

/** Typed client of the Cilium status API (`/api/cilium`). */
export interface CiliumApi {
  getClusters(options?: { signal?: AbortSignal }): Promise<ClustersResponse>;
  getClusterStatus(
    cluster: string,
    options?: { signal?: AbortSignal },
  ): Promise<ClusterStatus>;
  getGateways(
    cluster: string,
    options?: GetItemsOptions,
  ): Promise<GatewaysPage>;
  getHttpRoutes(
    cluster: string,
    options?: GetItemsOptions,
  ): Promise<HttpRoutesPage>;
  getFlows(cluster: string, options?: GetFlowsOptions): Promise<FlowsResponse>;
  /** The service-map graph of up to 10,000 recent flows. */
  getFlowsSummary(
    cluster: string,
    options?: GetFlowsSummaryOptions,
  ): Promise<FlowsSummary>;
  /** Live flows (Server-Sent Events) until the returned function is called. */
  streamFlows(
    cluster: string,
    options: StreamFlowsOptions,
    handlers: FlowStreamHandlers,
  ): () => void;
  getMesh(options?: { signal?: AbortSignal }): Promise<MeshOverview>;
  /** The cluster's metrics from its Prometheus over one of the fixed ranges. */
  getMetrics(
    cluster: string,
    options: { range: MetricsRange; signal?: AbortSignal },
  ): Promise<ClusterMetrics>;
  /** Git (repository head) against live, per HTTPRoute; Argo CD revisions; history. */
  getGitLive(
    cluster: string,
    options?: { signal?: AbortSignal },
  ): Promise<GitLiveResponse>;
  /** Zero-trust readiness of one namespace, with the proposal for the kept edges. */
  getPolicyReadiness(
    cluster: string,
    options: GetPolicyReadinessOptions,
  ): Promise<PolicyReadinessResponse>;
}

/** Reference to the {@link CiliumApi}; owned by the `cilium` plugin. */
export const ciliumApiRef = createApiRef<CiliumApi>().with({
  id: 'plugin.cilium.client',
  pluginId: 'cilium',
});
