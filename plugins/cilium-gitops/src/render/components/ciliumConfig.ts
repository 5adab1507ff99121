import type { ClusterSpec } from '../../spec/types';
import type { ComponentRenderer, KubeObject, RenderContext } from '../types';
import type {
  CiliumBGPAdvertisement,
  CiliumBGPClusterConfig,
  CiliumBGPPeerConfig,
  CiliumLoadBalancerIPPool,
} from './ciliumTypes';
import { frrConfFile } from './frrConf';
import { toKubeObject } from './kubeObject';

/** Label that ties the peer config's families to the advertisements. */
const ADVERTISE_LABEL = { advertise: 'bgp' };
/** Label a Service sets to take its IP from a pool other than the first. */
export const LB_POOL_LABEL = 'lb-pool';
const PEER_CONFIG_NAME = 'peer-config';

/**
 * One pool per spec pool. The first serves every Service; the others only
 * Services labelled `lb-pool: <name>`.
 */
export function lbIpamPools(ctx: RenderContext): CiliumLoadBalancerIPPool[] {
  const apiVersion = ctx.pins.lbIpamApiVersion ?? 'cilium.io/v2';
  return ctx.spec.spec.network.loadBalancerPools.map((pool, i) => ({
    apiVersion,
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name: pool.name },
    spec: {
      blocks: [{ cidr: pool.cidr }],
      // CRD default, written so Git and the live object agree (src/schemas/defaults/).
      disabled: false,
      ...(i > 0 && {
        serviceSelector: { matchLabels: { [LB_POOL_LABEL]: pool.name } },
      }),
    },
  }));
}

/**
 * BGP control plane (v2 API): one instance with the spec's peers on the
 * selected nodes, a peer config whose IPv4 family announces what the
 * advertisement selects: pod CIDRs and every LoadBalancer IP.
 */
export function bgpObjects(
  ctx: RenderContext,
  bgp: NonNullable<ClusterSpec['spec']['bgp']>,
): [CiliumBGPClusterConfig, CiliumBGPPeerConfig, CiliumBGPAdvertisement] {
  const apiVersion = ctx.pins.bgpApiVersion ?? 'cilium.io/v2';
  return [
    {
      apiVersion,
      kind: 'CiliumBGPClusterConfig',
      metadata: { name: 'bgp' },
      spec: {
        nodeSelector: { matchLabels: { ...bgp.nodeSelector } },
        bgpInstances: [
          {
            name: `instance-${bgp.localASN}`,
            localASN: bgp.localASN,
            peers: bgp.peers.map(peer => ({
              name: peer.name,
              peerASN: peer.asn,
              peerAddress: peer.address,
              peerConfigRef: { name: PEER_CONFIG_NAME },
            })),
          },
        ],
      },
    },
    {
      apiVersion,
      kind: 'CiliumBGPPeerConfig',
      metadata: { name: PEER_CONFIG_NAME },
      spec: {
        // connectRetryTimeSeconds and ebgpMultihop are the CRD defaults, written
        // out so Git and the live object agree (src/schemas/defaults/).
        timers: {
          connectRetryTimeSeconds: 120,
          holdTimeSeconds: 9,
          keepAliveTimeSeconds: 3,
        },
        ebgpMultihop: 1,
        gracefulRestart: { enabled: true, restartTimeSeconds: 15 },
        families: [
          {
            afi: 'ipv4',
            safi: 'unicast',
            advertisements: { matchLabels: ADVERTISE_LABEL },
          },
        ],
      },
    },
    {
      apiVersion,
      kind: 'CiliumBGPAdvertisement',
      metadata: { name: 'bgp-advertisements', labels: ADVERTISE_LABEL },
      spec: {
        advertisements: [
          { advertisementType: 'PodCIDR' },
          {
            advertisementType: 'Service',
            service: { addresses: ['LoadBalancerIP'] },
            // Matches every Service: a NotIn on a value nobody uses.
            selector: {
              matchExpressions: [
                {
                  key: 'somekey',
                  operator: 'NotIn',
                  values: ['never-used-value'],
                },
              ],
            },
          },
        ],
      },
    },
  ];
}

/**
 * `cilium-config`: LB-IPAM pools and BGP objects as manifests, plus
 * `router/frr.conf` for the upstream FRR router when the spec describes it.
 */
export const renderCiliumConfig: ComponentRenderer = ctx => {
  const bgp = ctx.spec.spec.bgp;
  const manifests: KubeObject[] = lbIpamPools(ctx).map(toKubeObject);
  if (bgp) manifests.push(...bgpObjects(ctx, bgp).map(toKubeObject));
  const files = bgp?.router ? [frrConfFile(ctx.spec, bgp.router)] : [];
  return { manifests, files };
};
