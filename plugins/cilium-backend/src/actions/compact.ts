import {
  ClusterStatus,
  FlowsResponse,
  MeshOverview,
} from '@internal/plugin-cilium-common';

/**
 * Compact views of the status documents for AI assistants: the counts,
 * states and errors an answer needs, without the per-object detail the
 * page shows (an assistant's context is small).
 */
export function compactClusterStatus(status: ClusterStatus) {
  const nodes = status.ciliumNodes;
  const apps = status.argocd?.applications;
  return {
    cluster: status.cluster,
    generatedAt: status.generatedAt,
    ciliumVersion: status.ciliumConfig?.version,
    clusterId: status.ciliumConfig?.clusterId,
    gateways: status.gatewayCounts,
    httpRoutes: status.httpRouteCounts,
    ciliumNodes: nodes ? { total: nodes.length } : undefined,
    hubble: status.hubble
      ? {
          healthy: status.hubble.healthy,
          numFlows: status.hubble.numFlows,
          maxFlows: status.hubble.maxFlows,
        }
      : undefined,
    meshPeers: status.clusterMesh?.peers.map(p => ({
      name: p.name,
      ready: p.ready,
    })),
    argocdApplications: apps?.map(a => ({
      name: a.name,
      sync: a.syncStatus,
      health: a.healthStatus,
    })),
    errors: status.errors.map(e => ({
      source: e.source,
      reason: e.reason,
      message: e.message,
    })),
  };
}

/** Flows as `hubble observe` prints them, with the verdict counts. */
export function compactFlows(response: FlowsResponse) {
  return {
    cluster: response.cluster,
    flows: response.flows.map(f => ({
      time: f.time,
      verdict: f.verdict,
      line: f.line,
    })),
    verdictCounts: response.verdictCounts,
    error: response.error?.message,
  };
}

export function compactMesh(mesh: MeshOverview) {
  return {
    clusters: mesh.clusters.map(c => ({
      name: c.name,
      clusterId: c.clusterId,
      reachable: c.reachable,
      peers: c.peers.map(p => ({ name: p.name, ready: p.ready })),
      error: c.error?.message,
    })),
  };
}
