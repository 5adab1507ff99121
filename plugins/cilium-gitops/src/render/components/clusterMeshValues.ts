/**
 * Cilium Helm values of the Cluster Mesh (chart `clustermesh.*`), checked
 * against the 1.20.1 chart (giantswarm/cilium-app@cilium-v1.20.1
 * helm/cilium/values.yaml; cilium/cilium
 * install/kubernetes/cilium/templates/clustermesh-config/_helpers.tpl):
 *
 * - The clustermesh-apiserver is a LoadBalancer Service whose address is pinned
 *   with LB-IPAM's `lbipam.cilium.io/ips` annotation (and, for a pool other
 *   than the first, the pool's `lb-pool` label), so its DNS name and the
 *   peers' configuration never drift. ExternalDNS publishes
 *   `<cluster>.<mesh domain>` for it.
 * - Its server certificate (certgen cronJob) carries that name and address as
 *   extra SANs; the key moved from `tls.server` (1.18/1.19) to
 *   `tls.auto.server` (1.20, cilium/cilium#46464): the catalog pin
 *   `clustermeshServerSans` says which.
 * - `config.domain` only matters for clusters listed with `ips`: the agents
 *   then dial `https://<peer>.<domain>:<port>` and resolve it through
 *   `cilium-host-aliases`. Peers with a known address are listed that way;
 *   the others by `address: <peer>.<domain>` (resolved through DNS). Either
 *   way the name dialled is the SAN above.
 */
import {
  CLUSTERMESH_PORT,
  clustermeshApiserverIP,
  clustermeshServerName,
  meshDomain,
} from '../../spec/clusterMesh';
import { cidrContains, parseIpv4, parseIpv4Cidr } from '../../spec/ipv4';
import type { ClusterSpec } from '../../spec/types';
import type { RenderContext } from '../types';
import { LB_POOL_LABEL } from './ciliumConfig';

/** `lbipam.cilium.io/ips`: the addresses LB-IPAM must give a Service (Cilium LB IPAM docs, "Requesting IPs"). */
export const LBIPAM_IPS_ANNOTATION = 'lbipam.cilium.io/ips';
const EXTERNAL_DNS_HOSTNAME = 'external-dns.alpha.kubernetes.io/hostname';

/** The `lb-pool` label the pinned address needs: none for the first pool (it serves every Service). */
function poolLabels(spec: ClusterSpec, ip: string): Record<string, string> {
  const address = parseIpv4(ip)!;
  const pools = spec.spec.network.loadBalancerPools;
  const index = pools.findIndex(p =>
    cidrContains(parseIpv4Cidr(p.cidr), address),
  );
  return index > 0 ? { [LB_POOL_LABEL]: pools[index].name } : {};
}

function peerEntry(spec: ClusterSpec, name: string): Record<string, unknown> {
  const ip = spec.spec.clusterMesh.peerIPs?.[name];
  if (ip) return { name, port: CLUSTERMESH_PORT, ips: [ip] };
  return {
    name,
    address: `${name}.${meshDomain(spec)}`,
    port: CLUSTERMESH_PORT,
  };
}

/** The `clustermesh` values, or undefined when the cluster has no peers. */
export function clusterMeshValues(
  ctx: RenderContext,
): Record<string, unknown> | undefined {
  const { spec } = ctx;
  const peers = spec.spec.clusterMesh.peers;
  if (peers.length === 0) return undefined;
  const ip = clustermeshApiserverIP(spec);
  const serverName = clustermeshServerName(spec);
  const sans = { extraDnsNames: [serverName], extraIpAddresses: [ip] };
  const labels = poolLabels(spec, ip);
  const auto = { enabled: true, method: 'cronJob' };
  const tls =
    ctx.pins.clustermeshServerSans === 'tls.server'
      ? { auto, server: sans }
      : { auto: { ...auto, server: sans } };
  return {
    useAPIServer: true,
    apiserver: {
      service: {
        type: 'LoadBalancer',
        annotations: {
          [EXTERNAL_DNS_HOSTNAME]: serverName,
          [LBIPAM_IPS_ANNOTATION]: ip,
        },
        ...(Object.keys(labels).length > 0 && { labels }),
      },
      tls,
      // The portal reads KVStoreMesh readiness from Prometheus
      // (cilium_kvstoremesh_*), which only the clustermesh-apiserver pod
      // exports. Its metrics are on by default, but the chart renders their
      // ServiceMonitor only with this flag (cilium/cilium
      // install/kubernetes/cilium/templates/clustermesh-apiserver/
      // servicemonitor.yaml: useAPIServer, any of metrics.enabled /
      // metrics.kvstoremesh.enabled / metrics.etcd.enabled, and
      // metrics.serviceMonitor.enabled).
      metrics: { serviceMonitor: { enabled: true } },
    },
    config: {
      enabled: true,
      domain: meshDomain(spec),
      clusters: [...peers].sort().map(name => peerEntry(spec, name)),
    },
  };
}
