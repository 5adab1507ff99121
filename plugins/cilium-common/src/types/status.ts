import {
  BgpInfo,
  CiliumConfigInfo,
  CiliumNodeInfo,
  LbIpPoolInfo,
} from './cilium';
import { SourceError } from './errors';
import {
  GatewayClassInfo,
  GatewayCounts,
  GatewayInfo,
  HttpRouteCounts,
  HttpRouteInfo,
} from './gatewayApi';
import { ItemsPage } from './paging';
import { RemoteClusterReadiness } from './metrics';
import { FlowRecord, FlowsQuery, HubbleStatusInfo, Verdict } from './hubble';

export interface ClusterMeshApiserverInfo {
  /** ClusterIP, NodePort or LoadBalancer. */
  serviceType: string;
  /** Where remote clusters reach it, `host:port`, when known. */
  address?: string;
  replicas: number;
  readyReplicas: number;
  /** A `kvstoremesh` container runs beside the apiserver. */
  kvstoremesh: boolean;
}

export interface MeshPeerInfo {
  name: string;
  /** null: no read-only source could tell. */
  ready: boolean | null;
  /**
   * Which read-only source said so: the cluster's Prometheus (agents'
   * `cilium_clustermesh_remote_cluster_readiness_status`) when configured,
   * else Hubble Relay's view of the peer's nodes.
   */
  source: 'prometheus' | 'hubble' | 'status' | 'none';
  /** Set when Hubble's view stands in for Prometheus: why Prometheus was not used. */
  fallbackReason?: string;
  /** From Prometheus: local agents that report the peer ready, of all that report it. */
  agents?: { ready: number; total: number };
  /** From Prometheus: failures the agents counted for this peer. */
  failures?: number;
  /** Nodes of that cluster the local Hubble Relay sees connected. */
  connectedNodes?: number;
  message?: string;
}

export interface ClusterMeshInfo {
  localName: string;
  localId: number;
  /** name != "default" and id != 0. */
  enabled: boolean;
  maxConnectedClusters?: number;
  apiserver?: ClusterMeshApiserverInfo;
  peers: MeshPeerInfo[];
  /**
   * CiliumExternalWorkload was removed in Cilium 1.18: VMs outside the
   * cluster can no longer join it. False from 1.18 on.
   */
  externalWorkloadsSupported: boolean;
}

export interface ArgoApplicationInfo {
  namespace: string;
  name: string;
  project: string;
  syncStatus: string;
  healthStatus: string;
  healthMessage?: string;
  /** Revision the app is synced to. */
  revision?: string;
  targetRevision?: string;
  repoURL?: string;
  syncWave?: number;
  operationPhase?: string;
  conditions: { type: string; message: string }[];
  /** Deep link into Argo CD, when `argocd.baseUrl` is configured. */
  url?: string;
}

export interface ClusterLink {
  title: string;
  url: string;
}

/** One configured cluster as the clusters route lists it. */
export interface ClusterSummary {
  name: string;
  title?: string;
  /** Whether the Kubernetes API answered `/version`. */
  reachable: boolean;
  kubernetesVersion?: string;
  hubbleConfigured: boolean;
  argocdBaseUrl?: string;
  error?: SourceError;
}

export interface ClustersResponse {
  items: ClusterSummary[];
}

/**
 * Everything the cluster page shows, read in parallel. A section is absent
 * when its source failed; `errors` then says why.
 */
export interface ClusterStatus {
  cluster: string;
  /** ISO 8601, when the reads started. */
  generatedAt: string;
  ciliumConfig?: CiliumConfigInfo;
  gatewayClasses?: GatewayClassInfo[];
  /** Counts; the Gateways are paged (`apiPaths.clusterGateways`). */
  gatewayCounts?: GatewayCounts;
  /** Counts; the HTTPRoutes are paged (`apiPaths.clusterHttpRoutes`). */
  httpRouteCounts?: HttpRouteCounts;
  ciliumNodes?: CiliumNodeInfo[];
  lbIpPools?: LbIpPoolInfo[];
  bgp?: BgpInfo;
  clusterMesh?: ClusterMeshInfo;
  argocd?: { applications: ArgoApplicationInfo[] };
  hubble?: HubbleStatusInfo;
  /** Per remote cluster, from the cluster's Prometheus when configured. */
  meshReadiness?: RemoteClusterReadiness[];
  errors: SourceError[];
}

export interface FlowsResponse {
  cluster: string;
  query: FlowsQuery;
  flows: FlowRecord[];
  /** Counts of the returned flows by verdict (for the chart). */
  verdictCounts: Partial<Record<Verdict, number>>;
  /** Set when the relay could not be read; `flows` is then empty. */
  error?: SourceError;
}

/** A page of a cluster's Gateways. */
export type GatewaysPage = ItemsPage<GatewayInfo>;

/** A page of a cluster's HTTPRoutes. */
export type HttpRoutesPage = ItemsPage<HttpRouteInfo>;

export interface MeshClusterInfo {
  name: string;
  title?: string;
  reachable: boolean;
  clusterId?: number;
  peers: MeshPeerInfo[];
  error?: SourceError;
}

export interface MeshOverview {
  clusters: MeshClusterInfo[];
}
