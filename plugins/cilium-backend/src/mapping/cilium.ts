import {
  BgpInfo,
  BgpPeerState,
  CiliumConfigInfo,
  CiliumNodeInfo,
  ClusterMeshApiserverInfo,
  LbIpPoolInfo,
} from '@internal/plugin-cilium-common';
import type {
  V1ConfigMap,
  V1Deployment,
  V1Service,
} from '@kubernetes/client-node';
import type { KubeObject } from '../kubernetes/ClusterClient';

const arr = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);
const num = (v: string | undefined) => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const bool = (v: string | undefined) =>
  v === undefined ? undefined : ['true', 'strict', 'enabled'].includes(v);

/** What `cilium-config` says, with Cilium's defaults for absent keys. */
export function mapCiliumConfig(cm: V1ConfigMap): CiliumConfigInfo {
  const d = cm.data ?? {};
  const out: CiliumConfigInfo = {
    clusterName: d['cluster-name'] || 'default',
    clusterId: num(d['cluster-id']) ?? 0,
  };
  const optional: Partial<CiliumConfigInfo> = {
    routingMode: d['routing-mode'],
    tunnelProtocol: d['tunnel-protocol'],
    kubeProxyReplacement: bool(d['kube-proxy-replacement']),
    identityAllocationMode: d['identity-allocation-mode'],
    maxConnectedClusters: num(d['max-connected-clusters']),
    enableBgpControlPlane: bool(d['enable-bgp-control-plane']),
    enableGatewayApi: bool(d['enable-gateway-api']),
    enableIngressController: bool(d['enable-ingress-controller']),
    enableHubble: bool(d['enable-hubble']),
    version: d['cilium-version'],
  };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (out as any)[k] = v;
  }
  return out;
}

export function mapCiliumNode(o: KubeObject): CiliumNodeInfo {
  const used = o.status?.ipam?.used;
  return {
    name: o.metadata.name,
    addresses: arr<any>(o.spec?.addresses).map(a => ({
      type: a.type,
      ip: a.ip,
    })),
    podCIDRs: arr<string>(o.spec?.ipam?.podCIDRs),
    ...(o.spec?.['instance-id'] ? { instanceId: o.spec['instance-id'] } : {}),
    ...(used && typeof used === 'object'
      ? { ipsUsed: Object.keys(used).length }
      : {}),
    labels: o.metadata.labels ?? {},
  };
}

export function mapLbIpPool(o: KubeObject): LbIpPoolInfo {
  const conditions = arr<any>(o.status?.conditions);
  const count = (type: string) => {
    const c = conditions.find(x => x.type === type);
    return c ? num(c.message) : undefined;
  };
  const out: LbIpPoolInfo = {
    name: o.metadata.name,
    blocks: arr<any>(o.spec?.blocks ?? o.spec?.cidrs).map(b =>
      b.cidr ? b.cidr : `${b.start}-${b.stop ?? b.start}`,
    ),
    disabled: Boolean(o.spec?.disabled),
    conditions: conditions.map(c => ({
      type: c.type,
      status: c.status,
      ...(c.message ? { message: c.message } : {}),
    })),
  };
  const total = count('cilium.io/IPsTotal');
  const available = count('cilium.io/IPsAvailable');
  const used = count('cilium.io/IPsUsed');
  if (total !== undefined) out.ipsTotal = total;
  if (available !== undefined) out.ipsAvailable = available;
  if (used !== undefined) out.ipsUsed = used;
  return out;
}

/**
 * Seconds from an RFC 3339 time (CiliumBGPNodeConfig's `establishedTime`)
 * to `now`; undefined when the text is not a time.
 */
function secondsSince(v: unknown, now: Date): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - t) / 1000));
}

export function mapBgp(
  clusterConfigs: KubeObject[],
  nodeConfigs: KubeObject[],
  now: Date,
): BgpInfo {
  const peers: BgpPeerState[] = [];
  for (const node of nodeConfigs) {
    for (const instance of arr<any>(node.status?.bgpInstances)) {
      for (const p of arr<any>(instance.peers)) {
        const established = secondsSince(p.establishedTime, now);
        peers.push({
          node: node.metadata.name,
          ...(instance.name ? { instance: instance.name } : {}),
          ...(p.name ? { peerName: p.name } : {}),
          peerAddress: p.peerAddress ?? '',
          ...(p.peerASN !== undefined ? { peerASN: p.peerASN } : {}),
          ...(instance.localASN !== undefined
            ? { localASN: instance.localASN }
            : {}),
          sessionState: p.peeringState ?? 'unknown',
          ...(established !== undefined
            ? {
                establishedAt: p.establishedTime,
                establishedSeconds: established,
              }
            : {}),
        });
      }
    }
  }
  return { clusterConfigs: clusterConfigs.map(c => c.metadata.name), peers };
}

/** Where remote clusters reach the clustermesh-apiserver, as the CLI finds it. */
function apiserverAddress(svc: V1Service): string | undefined {
  const port = svc.spec?.ports?.[0];
  switch (svc.spec?.type) {
    case 'LoadBalancer': {
      const ingress = svc.status?.loadBalancer?.ingress?.[0];
      const host = ingress?.ip ?? ingress?.hostname;
      return host && port ? `${host}:${port.port}` : undefined;
    }
    case 'NodePort':
      return port?.nodePort ? `<node address>:${port.nodePort}` : undefined;
    default:
      return svc.spec?.clusterIP && port
        ? `${svc.spec.clusterIP}:${port.port}`
        : undefined;
  }
}

export function mapClusterMeshApiserver(
  svc: V1Service | undefined,
  dep: V1Deployment | undefined,
): ClusterMeshApiserverInfo | undefined {
  if (!svc && !dep) return undefined;
  const containers = dep?.spec?.template?.spec?.containers ?? [];
  const address = svc ? apiserverAddress(svc) : undefined;
  return {
    serviceType: svc?.spec?.type ?? 'none',
    ...(address ? { address } : {}),
    replicas: dep?.spec?.replicas ?? 0,
    readyReplicas: dep?.status?.readyReplicas ?? 0,
    kvstoremesh: containers.some(c => c.name === 'kvstoremesh'),
  };
}
