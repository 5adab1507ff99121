/**
 * Cluster Mesh rules inside one spec: the pinned clustermesh-apiserver
 * address lies in one of the cluster's LB pools, and peer addresses are only
 * given for listed peers.
 */
import { clustermeshApiserverIP } from '../clusterMesh';
import { cidrContains, parseIpv4, parseIpv4Cidr } from '../ipv4';
import type { ClusterSpec, SpecIssue } from '../types';

export function clusterMeshAddressIssues(spec: ClusterSpec): SpecIssue[] {
  const mesh = spec.spec.clusterMesh;
  const issues: SpecIssue[] = [];
  const pools = spec.spec.network.loadBalancerPools;
  if (mesh.apiserverIP) {
    const ip = parseIpv4(mesh.apiserverIP)!;
    const pool = pools
      .map(p => parseIpv4Cidr(p.cidr))
      .find(p => cidrContains(p, ip));
    if (pool && pool.prefix < 31 && (ip === pool.first || ip === pool.last)) {
      issues.push({
        path: 'spec.clusterMesh.apiserverIP',
        message: `${mesh.apiserverIP} is the first or last address of ${pool.text}, which LB-IPAM does not hand out`,
      });
    }
    if (!pool) {
      issues.push({
        path: 'spec.clusterMesh.apiserverIP',
        message: `${
          mesh.apiserverIP
        } is in none of spec.network.loadBalancerPools (${pools
          .map(p => p.cidr)
          .join(', ')}); LB-IPAM can only pin an address of a pool`,
      });
    }
  }
  const own = clustermeshApiserverIP(spec);
  for (const [peer, ip] of Object.entries(mesh.peerIPs ?? {})) {
    if (!mesh.peers.includes(peer)) {
      issues.push({
        path: `spec.clusterMesh.peerIPs.${peer}`,
        message: `"${peer}" is not listed in spec.clusterMesh.peers`,
      });
    } else if (ip === own) {
      issues.push({
        path: `spec.clusterMesh.peerIPs.${peer}`,
        message: `${ip} is this cluster's own clustermesh-apiserver address`,
      });
    }
  }
  return issues;
}
