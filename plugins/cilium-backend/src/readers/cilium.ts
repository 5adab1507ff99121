import {
  BgpInfo,
  CiliumConfigInfo,
  CiliumNodeInfo,
  LbIpPoolInfo,
} from '@internal/plugin-cilium-common';
import { ClusterClient } from '../kubernetes/ClusterClient';
import {
  mapBgp,
  mapCiliumConfig,
  mapCiliumNode,
  mapLbIpPool,
} from '../mapping/cilium';

const GROUP = 'cilium.io';
const VERSION = 'v2';

export async function readCiliumConfig(
  client: ClusterClient,
  namespace: string,
  signal: AbortSignal,
): Promise<CiliumConfigInfo> {
  const cm = await client.configMap(namespace, 'cilium-config', { signal });
  return mapCiliumConfig(cm);
}

export async function readCiliumNodes(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<CiliumNodeInfo[]> {
  return client.list(GROUP, VERSION, 'ciliumnodes', { signal }, mapCiliumNode);
}

export async function readLbIpPools(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<LbIpPoolInfo[]> {
  return client.list(
    GROUP,
    VERSION,
    'ciliumloadbalancerippools',
    { signal },
    mapLbIpPool,
  );
}

/** BGP cluster configs and per-node peering (CiliumBGPNodeConfig status). */
export async function readBgp(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<BgpInfo> {
  const [clusterConfigs, nodeConfigs] = await Promise.all([
    client.list(GROUP, VERSION, 'ciliumbgpclusterconfigs', { signal }),
    client.list(GROUP, VERSION, 'ciliumbgpnodeconfigs', { signal }),
  ]);
  return mapBgp(clusterConfigs, nodeConfigs, new Date());
}
