/**
 * TypeScript types for the Cilium custom resources the renderer writes, after
 * the cilium.io/v2 CRDs (cilium/cilium pkg/k8s/apis/cilium.io/client/crds/v2);
 * `src/schemas/*.json` holds the matching schemas the tests validate against.
 * Only the fields the renderer sets.
 */

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }>;
}

interface CiliumObjectMeta {
  name: string;
  labels?: Record<string, string>;
}

/** `CiliumLoadBalancerIPPool` (cluster-scoped). */
export interface CiliumLoadBalancerIPPool {
  apiVersion: string;
  kind: 'CiliumLoadBalancerIPPool';
  metadata: CiliumObjectMeta;
  spec: {
    blocks: Array<{ cidr: string } | { start: string; stop: string }>;
    serviceSelector?: LabelSelector;
    allowFirstLastIPs?: 'Yes' | 'No';
    disabled?: boolean;
  };
}

export interface CiliumBGPPeer {
  name: string;
  peerASN: number;
  peerAddress: string;
  peerConfigRef?: { name: string };
}

/** `CiliumBGPClusterConfig` (cluster-scoped). */
export interface CiliumBGPClusterConfig {
  apiVersion: string;
  kind: 'CiliumBGPClusterConfig';
  metadata: CiliumObjectMeta;
  spec: {
    nodeSelector?: LabelSelector;
    bgpInstances: Array<{
      name: string;
      localASN: number;
      peers: CiliumBGPPeer[];
    }>;
  };
}

/** `CiliumBGPPeerConfig` (cluster-scoped). */
export interface CiliumBGPPeerConfig {
  apiVersion: string;
  kind: 'CiliumBGPPeerConfig';
  metadata: CiliumObjectMeta;
  spec: {
    timers?: {
      connectRetryTimeSeconds?: number;
      holdTimeSeconds?: number;
      keepAliveTimeSeconds?: number;
    };
    gracefulRestart?: { enabled: boolean; restartTimeSeconds?: number };
    ebgpMultihop?: number;
    families: Array<{
      afi: 'ipv4' | 'ipv6';
      safi: 'unicast';
      advertisements: LabelSelector;
    }>;
  };
}

export type BGPAdvertisement =
  | { advertisementType: 'PodCIDR' }
  | {
      advertisementType: 'Service';
      service: {
        addresses: Array<'LoadBalancerIP' | 'ClusterIP' | 'ExternalIP'>;
      };
      selector: LabelSelector;
    };

/** `CiliumBGPAdvertisement` (cluster-scoped); selected by label from the peer config. */
export interface CiliumBGPAdvertisement {
  apiVersion: string;
  kind: 'CiliumBGPAdvertisement';
  metadata: CiliumObjectMeta & { labels: Record<string, string> };
  spec: { advertisements: BGPAdvertisement[] };
}
