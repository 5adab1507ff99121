import {
  ClusterMeshApiserverInfo,
  ClusterMeshInfo,
  CiliumConfigInfo,
  HubbleStatusInfo,
  MeshPeerInfo,
} from '@internal/plugin-cilium-common';

/** `1.19.4` → [1, 19]; undefined when not a version. */
function minor(version: string | undefined): [number, number] | undefined {
  const m = version?.match(/^v?(\d+)\.(\d+)/);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** CiliumExternalWorkload was removed in Cilium 1.18. Unknown → false. */
export function externalWorkloadsSupported(version: string | undefined) {
  const v = minor(version);
  return v ? v[0] < 1 || (v[0] === 1 && v[1] < 18) : false;
}

/**
 * Per-peer readiness from what the local Hubble Relay sees: node names are
 * `cluster/node` in a Cluster Mesh, so a peer with connected nodes is ready.
 * Without Hubble, readiness is unknown (null) and says why.
 */
export function meshPeers(
  expected: string[],
  hubble: HubbleStatusInfo | undefined,
  hubbleError: string | undefined,
): MeshPeerInfo[] {
  const meshNames = hubble?.nodes.some(n => n.name.includes('/')) ?? false;
  return expected.map(name => {
    if (!hubble) {
      return {
        name,
        ready: null,
        source: 'none',
        message: hubbleError
          ? `Hubble Relay unavailable: ${hubbleError}`
          : 'No read-only source configured (Hubble Relay) to tell',
      };
    }
    const nodes = hubble.nodes.filter(n => n.name.startsWith(`${name}/`));
    const connected = nodes.filter(n => n.state === 'NODE_CONNECTED').length;
    if (connected > 0) {
      return { name, ready: true, source: 'hubble', connectedNodes: connected };
    }
    if (nodes.length > 0) {
      return {
        name,
        ready: false,
        source: 'hubble',
        connectedNodes: 0,
        message: `${nodes.length} node(s) of ${name} known to Hubble Relay, none connected`,
      };
    }
    return meshNames
      ? {
          name,
          ready: false,
          source: 'hubble',
          connectedNodes: 0,
          message: `Hubble Relay sees no nodes of ${name}`,
        }
      : {
          name,
          ready: null,
          source: 'none',
          message: 'Hubble Relay does not report cluster-qualified node names',
        };
  });
}

export function clusterMeshInfo(opts: {
  clusterName: string;
  ciliumConfig?: CiliumConfigInfo;
  apiserver?: ClusterMeshApiserverInfo;
  ciliumVersion?: string;
  peers: MeshPeerInfo[];
}): ClusterMeshInfo {
  const localName = opts.ciliumConfig?.clusterName ?? opts.clusterName;
  const localId = opts.ciliumConfig?.clusterId ?? 0;
  return {
    localName,
    localId,
    enabled: localName !== 'default' && localId !== 0,
    ...(opts.ciliumConfig?.maxConnectedClusters !== undefined
      ? { maxConnectedClusters: opts.ciliumConfig.maxConnectedClusters }
      : {}),
    ...(opts.apiserver ? { apiserver: opts.apiserver } : {}),
    peers: opts.peers,
    externalWorkloadsSupported: externalWorkloadsSupported(opts.ciliumVersion),
  };
}
