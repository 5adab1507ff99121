import {
  ClusterStatus,
  GatewayInfo,
  HttpRouteInfo,
  HubbleStatusInfo,
  SourceError,
} from '@internal/plugin-cilium-common';
import { ItemIndex } from '../readers/ItemIndex';
import { ClusterConnection } from '../connections/ClusterConnections';
import {
  readGatewayClasses,
  readGateways,
  readHttpRoutes,
} from '../readers/gatewayApi';
import {
  readBgp,
  readCiliumConfig,
  readCiliumNodes,
  readLbIpPools,
} from '../readers/cilium';
import { readClusterMeshApiserver } from '../readers/clusterMesh';
import { readArgoApplications } from '../readers/argocd';
import { clusterMeshInfo, meshPeers } from '../mapping/clusterMesh';
import { runSource, SourceResult } from '../sources/runSource';
import {
  readMeshReadinessSource,
  withPrometheusReadiness,
} from '../prometheus/meshPeers';

/** The Kubernetes-side reasons that mean the whole cluster is out of reach. */
const CLUSTER_WIDE: SourceError['reason'][] = [
  'unreachable',
  'timeout',
  'unauthorized',
];

/**
 * One read of a cluster: the status document, with counts for the large
 * sections, and those sections indexed for paging. Pages and document come
 * from the same snapshot, so they agree.
 */
export interface ClusterSnapshot {
  status: ClusterStatus;
  gateways?: ItemIndex<GatewayInfo>;
  httpRoutes?: ItemIndex<HttpRouteInfo>;
}

/**
 * Reads every source of one cluster in parallel, each with its own timeout
 * and error, and assembles the status document. A failed source leaves its
 * section out and adds an entry to `errors`; nothing here throws.
 * Mesh peers are those from configuration; see `withMeshPeers` for others.
 */
export async function readClusterStatus(
  conn: ClusterConnection,
  timeoutMs: number,
): Promise<ClusterSnapshot> {
  const { cluster, kubernetes: k8s } = conn;
  const ns = cluster.ciliumNamespace;
  const generatedAt = new Date().toISOString();
  const hubble = conn.hubble;

  const [
    ciliumConfig,
    gatewayClasses,
    gateways,
    httpRoutes,
    ciliumNodes,
    lbIpPools,
    bgp,
    meshApiserver,
    argocd,
    hubbleStatus,
    meshReadiness,
  ] = await Promise.all([
    runSource('ciliumConfig', timeoutMs, s => readCiliumConfig(k8s, ns, s)),
    runSource('gatewayClasses', timeoutMs, s => readGatewayClasses(k8s, s)),
    runSource('gateways', timeoutMs, s => readGateways(k8s, s)),
    runSource('httpRoutes', timeoutMs, s => readHttpRoutes(k8s, s)),
    runSource('ciliumNodes', timeoutMs, s => readCiliumNodes(k8s, s)),
    runSource('lbIpPools', timeoutMs, s => readLbIpPools(k8s, s)),
    runSource('bgp', timeoutMs, s => readBgp(k8s, s)),
    runSource('clusterMesh', timeoutMs, s =>
      readClusterMeshApiserver(k8s, ns, s),
    ),
    runSource('argocd', timeoutMs, s =>
      readArgoApplications(conn.argocd, cluster.argocd, s),
    ),
    hubble
      ? runSource('hubble', timeoutMs, signal =>
          hubble.serverStatus({ signal }),
        )
      : Promise.resolve<SourceResult<HubbleStatusInfo>>({
          ok: false,
          error: {
            source: 'hubble',
            reason: 'not-configured',
            message: `No Hubble Relay configured for cluster ${cluster.name} (cilium.clusters[].hubble.address)`,
          },
        }),
    readMeshReadinessSource(conn.prometheus, conn.prometheusConfigError),
  ]);

  const status: ClusterStatus = {
    cluster: cluster.name,
    generatedAt,
    errors: [],
  };
  const kubeSources: SourceResult<unknown>[] = [
    ciliumConfig,
    gatewayClasses,
    gateways,
    httpRoutes,
    ciliumNodes,
    lbIpPools,
    bgp,
    meshApiserver,
  ];
  const set = <K extends keyof ClusterStatus>(
    key: K,
    r: SourceResult<ClusterStatus[K]>,
  ) => {
    if (r.ok) status[key] = r.value;
    else status.errors.push(r.error);
  };
  set('ciliumConfig', ciliumConfig);
  set('gatewayClasses', gatewayClasses);
  const snapshot: ClusterSnapshot = { status };
  if (gateways.ok) {
    status.gatewayCounts = gateways.value.counts;
    snapshot.gateways = gateways.value.index;
  } else status.errors.push(gateways.error);
  if (httpRoutes.ok) {
    status.httpRouteCounts = httpRoutes.value.counts;
    snapshot.httpRoutes = httpRoutes.value.index;
  } else status.errors.push(httpRoutes.error);
  set('ciliumNodes', ciliumNodes);
  set('lbIpPools', lbIpPools);
  set('bgp', bgp);
  if (argocd.ok) status.argocd = { applications: argocd.value };
  else status.errors.push(argocd.error);
  set('hubble', hubbleStatus);
  if (meshReadiness) set('meshReadiness', meshReadiness);

  if (meshApiserver.ok || ciliumConfig.ok) {
    status.clusterMesh = clusterMeshInfo({
      clusterName: cluster.name,
      ciliumConfig: ciliumConfig.ok ? ciliumConfig.value : undefined,
      apiserver: meshApiserver.ok ? meshApiserver.value.apiserver : undefined,
      ciliumVersion: meshApiserver.ok
        ? meshApiserver.value.ciliumVersion
        : undefined,
      peers: [],
    });
    if (
      status.ciliumConfig &&
      !status.ciliumConfig.version &&
      meshApiserver.ok
    ) {
      const version = meshApiserver.value.ciliumVersion;
      if (version) status.ciliumConfig.version = version;
    }
  }
  if (!meshApiserver.ok) status.errors.push(meshApiserver.error);

  // Every Kubernetes read failed the same way: say so once, for the cluster.
  const failures = kubeSources.filter(r => !r.ok) as {
    ok: false;
    error: SourceError;
  }[];
  if (
    failures.length === kubeSources.length &&
    CLUSTER_WIDE.includes(failures[0].error.reason) &&
    failures.every(f => f.error.reason === failures[0].error.reason)
  ) {
    status.errors.unshift({ ...failures[0].error, source: 'cluster' });
  }
  snapshot.status = withMeshPeers(status, cluster.meshPeers ?? []);
  return snapshot;
}

/** The document with `clusterMesh.peers` computed for these expected peers. */
export function withMeshPeers(
  status: ClusterStatus,
  expected: string[],
): ClusterStatus {
  if (!status.clusterMesh) return status;
  const hubbleError = status.errors.find(e => e.source === 'hubble')?.message;
  return {
    ...status,
    clusterMesh: {
      ...status.clusterMesh,
      peers: withPrometheusReadiness(
        meshPeers(expected, status.hubble, hubbleError),
        status.meshReadiness,
        status.errors.find(e => e.source === 'prometheus'),
      ),
    },
  };
}
