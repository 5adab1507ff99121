/**
 * Facts of a cluster's Cluster Mesh endpoint, derived from its spec, shared by
 * the renderer, the spec rules and the mesh preflight (`validate-mesh`).
 */
import { formatIpv4, parseIpv4Cidr } from './ipv4';
import type { ClusterSpec } from './types';

/** Port of the clustermesh-apiserver (etcd) Service. */
export const CLUSTERMESH_PORT = 2379;

/**
 * The pinned LoadBalancer address of the cluster's clustermesh-apiserver:
 * `spec.clusterMesh.apiserverIP`, else the first host address of the first
 * LB pool (a /31 or /32 pool: its first address).
 */
export function clustermeshApiserverIP(spec: ClusterSpec): string {
  const { apiserverIP } = spec.spec.clusterMesh;
  if (apiserverIP) return apiserverIP;
  const pool = parseIpv4Cidr(spec.spec.network.loadBalancerPools[0].cidr);
  return formatIpv4(pool.prefix >= 31 ? pool.first : pool.first + 1);
}

/**
 * DNS suffix of the Cluster Mesh API servers: `mesh.<zone>`. It is the
 * chart's `clustermesh.config.domain`: a peer listed with `ips` is dialled as
 * `<peer>.<domain>`, which the agents resolve through host aliases. Every
 * cluster of a mesh must therefore derive the same domain (share the RFC2136
 * zone, or the parent of `dns.domain`).
 */
export function meshDomain(spec: ClusterSpec): string {
  const zone =
    spec.spec.dns.rfc2136?.zone ??
    spec.spec.dns.domain.split('.').slice(1).join('.');
  return `mesh.${zone}`;
}

/** The name peers dial: `<cluster>.<mesh domain>` (also a SAN of its server certificate). */
export function clustermeshServerName(spec: ClusterSpec): string {
  return `${spec.metadata.name}.${meshDomain(spec)}`;
}
