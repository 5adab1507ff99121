/** What the `cilium-config` ConfigMap says about the cluster. */
export interface CiliumConfigInfo {
  clusterName: string;
  clusterId: number;
  /** `tunnel` or `native`. */
  routingMode?: string;
  tunnelProtocol?: string;
  /** `kube-proxy-replacement`: "true" / "false". */
  kubeProxyReplacement?: boolean;
  identityAllocationMode?: string;
  maxConnectedClusters?: number;
  enableBgpControlPlane?: boolean;
  enableGatewayApi?: boolean;
  enableIngressController?: boolean;
  enableHubble?: boolean;
  /** Image tag of the agent DaemonSet, when readable; else from the entity. */
  version?: string;
}

export interface CiliumNodeAddress {
  /** InternalIP, ExternalIP, CiliumInternalIP, Hostname, ... */
  type: string;
  ip: string;
}

export interface CiliumNodeInfo {
  name: string;
  addresses: CiliumNodeAddress[];
  podCIDRs: string[];
  /** `spec.instance-id`, set for nodes outside Kubernetes' own node list. */
  instanceId?: string;
  /** Pod IPs in use (`status.ipam.used` count). */
  ipsUsed?: number;
  labels: Record<string, string>;
}

export interface LbIpPoolInfo {
  name: string;
  /** CIDRs and `start-stop` ranges of `spec.blocks`. */
  blocks: string[];
  disabled: boolean;
  /** From the pool's conditions (`cilium.io/IPsTotal` etc.), when reported. */
  ipsTotal?: number;
  ipsAvailable?: number;
  ipsUsed?: number;
  conditions: { type: string; status: string; message?: string }[];
}

export interface BgpPeerState {
  node: string;
  instance?: string;
  peerName?: string;
  peerAddress: string;
  peerASN?: number;
  localASN?: number;
  /** BGP FSM state, e.g. `established`, `active`, `idle`. */
  sessionState: string;
  /** When the session was established (RFC 3339, UTC, as Cilium reports it). */
  establishedAt?: string;
  /** Seconds from `establishedAt` to when the status was read. */
  establishedSeconds?: number;
}

export interface BgpInfo {
  /** `CiliumBGPClusterConfig` names. */
  clusterConfigs: string[];
  /** Per-node peering from `CiliumBGPNodeConfig.status`, when reported. */
  peers: BgpPeerState[];
}
