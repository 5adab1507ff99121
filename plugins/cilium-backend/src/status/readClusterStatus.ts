import { ClusterStatus, SourceError } from '@internal/plugin-cilium-common';
import { ClusterConnection } from '../connections/ClusterConnections';
import { clusterMeshInfo, meshPeers } from '../mapping/clusterMesh';
import { withPrometheusReadiness } from '../prometheus/meshPeers';
import { ClusterSnapshot } from './clusterSnapshot';
import { STATUS_SOURCES, StatusDraft } from './statusSources';

export type { ClusterSnapshot } from './clusterSnapshot';

/** The Kubernetes-side reasons that mean the whole cluster is out of reach. */
const CLUSTER_WIDE: SourceError['reason'][] = [
  'unreachable',
  'timeout',
  'unauthorized',
];

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
  const { cluster } = conn;
  const generatedAt = new Date().toISOString();
  const results = await Promise.all(
    STATUS_SOURCES.map(source => source.run(conn, timeoutMs)),
  );

  const status: ClusterStatus = {
    cluster: cluster.name,
    generatedAt,
    errors: [],
  };
  const draft: StatusDraft = { status, snapshot: { status } };
  const kubeFailures: SourceError[] = [];
  let kubeSources = 0;
  STATUS_SOURCES.forEach((source, i) => {
    const result = results[i];
    if (source.kubernetes) kubeSources++;
    if (!result) return;
    if (result.ok) {
      source.map(result.value, draft);
      return;
    }
    if (source.kubernetes) kubeFailures.push(result.error);
    // The mesh section is made below; its error follows it.
    if (source.name !== 'clusterMesh') status.errors.push(result.error);
  });

  const meshApiserver = draft.meshApiserver;
  if (meshApiserver || status.ciliumConfig) {
    status.clusterMesh = clusterMeshInfo({
      clusterName: cluster.name,
      ciliumConfig: status.ciliumConfig,
      apiserver: meshApiserver?.apiserver,
      ciliumVersion: meshApiserver?.ciliumVersion,
      peers: [],
    });
    const version = meshApiserver?.ciliumVersion;
    if (status.ciliumConfig && !status.ciliumConfig.version && version) {
      status.ciliumConfig.version = version;
    }
  }
  const meshError = kubeFailures.find(e => e.source === 'clusterMesh');
  if (meshError) status.errors.push(meshError);

  // Every Kubernetes read failed the same way: say so once, for the cluster.
  if (
    kubeFailures.length === kubeSources &&
    CLUSTER_WIDE.includes(kubeFailures[0].reason) &&
    kubeFailures.every(f => f.reason === kubeFailures[0].reason)
  ) {
    status.errors.unshift({ ...kubeFailures[0], source: 'cluster' });
  }
  const snapshot = draft.snapshot;
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
