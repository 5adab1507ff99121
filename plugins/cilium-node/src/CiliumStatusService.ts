import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ClustersResponse,
  ClusterStatus,
  FlowsQuery,
  FlowsResponse,
  FlowsSummary,
  FlowsSummaryQuery,
  GatewayInfo,
  HttpRouteInfo,
  ItemsPage,
  ItemsQuery,
  MeshOverview,
} from '@internal/plugin-cilium-common';

/** The large sections of a cluster's status, read page by page. */
export interface CiliumPagedSections {
  gateways: GatewayInfo;
  httpRoutes: HttpRouteInfo;
}

/** Who asks: the mesh peers may come from catalog entities they can read. */
export interface CiliumCallerOptions {
  credentials: BackstageCredentials;
}

/**
 * The status of the configured Cilium clusters: what the `/api/cilium`
 * routes serve, for the router, for actions and for other backend plugins.
 *
 * Every method answers typed documents from `@internal/plugin-cilium-common`;
 * a cluster name that is not configured is a `NotFoundError`, and a source
 * that fails (Kubernetes, Hubble Relay, Prometheus) is an entry in the
 * document's `errors`/`error`, never an exception. Answers are cached for
 * `cilium.cacheTtlSeconds` and concurrent equal calls share one read; a
 * cached answer is the same object until it expires (do not mutate it).
 *
 * Permissions are the caller's business: check `cilium.cluster.read` /
 * `cilium.flows.read` on the cluster's entity before calling.
 */
export interface CiliumStatusService {
  /** The configured clusters, each with its reachability. */
  listClusters(): Promise<ClustersResponse>;

  /** One cluster's status document (Gateway API, Cilium, mesh, Argo CD, Hubble). */
  getClusterStatus(
    cluster: string,
    options: CiliumCallerOptions,
  ): Promise<ClusterStatus>;

  /** A page of a cluster's Gateways or HTTPRoutes, searched with `query.q`. */
  getItems<S extends keyof CiliumPagedSections>(
    cluster: string,
    section: S,
    query: ItemsQuery,
  ): Promise<ItemsPage<CiliumPagedSections[S]>>;

  /** Recent flows from the cluster's Hubble Relay, newest last. */
  getFlows(cluster: string, query: FlowsQuery): Promise<FlowsResponse>;

  /** Up to 10,000 flows aggregated into a service map. */
  getFlowsSummary(
    cluster: string,
    query: FlowsSummaryQuery,
  ): Promise<FlowsSummary>;

  /** Every cluster's mesh peers and their state. */
  getMesh(options: CiliumCallerOptions): Promise<MeshOverview>;
}
