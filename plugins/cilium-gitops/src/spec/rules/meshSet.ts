/**
 * Rules across the specs of one Cluster Mesh (e.g. `validate a.yaml b.yaml`):
 * cluster ids and pod CIDRs must be unique among clusters that peer, and
 * peering is mutual.
 */
import { cidrsOverlap, parseIpv4Cidr } from '../ipv4';
import type { ClusterSpec, SpecIssue } from '../types';

export interface NamedSpec {
  /** Where the spec came from, e.g. its file name. */
  source: string;
  spec: ClusterSpec;
}

export interface MeshIssue extends SpecIssue {
  source: string;
}

export function meshSetIssues(specs: NamedSpec[]): MeshIssue[] {
  const byName = new Map(specs.map(s => [s.spec.metadata.name, s]));
  const issues: MeshIssue[] = [];
  for (const a of specs) {
    a.spec.spec.clusterMesh.peers.forEach((peerName, i) => {
      const b = byName.get(peerName);
      if (!b) return;
      const other = `${peerName} (${b.source})`;
      if (!b.spec.spec.clusterMesh.peers.includes(a.spec.metadata.name)) {
        issues.push({
          source: a.source,
          path: `spec.clusterMesh.peers[${i}]`,
          message: `${other} does not list ${a.spec.metadata.name} in its spec.clusterMesh.peers; Cluster Mesh peering is mutual`,
        });
      }
      // Each pair once: report on the cluster whose name sorts first.
      if (a.spec.metadata.name > peerName) return;
      if (a.spec.spec.clusterId === b.spec.spec.clusterId) {
        issues.push({
          source: a.source,
          path: 'spec.clusterId',
          message: `${a.spec.spec.clusterId} is also the cluster id of mesh peer ${other}; ids must be unique in a mesh`,
        });
      }
      const podA = parseIpv4Cidr(a.spec.spec.network.podCIDR);
      const podB = parseIpv4Cidr(b.spec.spec.network.podCIDR);
      if (cidrsOverlap(podA, podB)) {
        issues.push({
          source: a.source,
          path: 'spec.network.podCIDR',
          message: `${podA.text} overlaps the pod CIDR of mesh peer ${other} (${podB.text})`,
        });
      }
    });
  }
  return issues;
}
