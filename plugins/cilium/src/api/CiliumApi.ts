import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ClusterStatus,
  ClustersResponse,
  FlowsResponse,
  MeshOverview,
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

/** Typed client of the Cilium status API (`/api/cilium`). */
export interface CiliumApi {
  getClusters(options?: { signal?: AbortSignal }): Promise<ClustersResponse>;
  getClusterStatus(
    cluster: string,
    options?: { signal?: AbortSignal },
  ): Promise<ClusterStatus>;
  getFlows(cluster: string, options?: GetFlowsOptions): Promise<FlowsResponse>;
  getMesh(options?: { signal?: AbortSignal }): Promise<MeshOverview>;
}

/** Reference to the {@link CiliumApi}; owned by the `cilium` plugin. */
export const ciliumApiRef = createApiRef<CiliumApi>().with({
  id: 'plugin.cilium.client',
  pluginId: 'cilium',
});
