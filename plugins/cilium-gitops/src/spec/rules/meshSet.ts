/**
 * Rules across the specs of a Cluster Mesh (`validate a.yaml b.yaml`,
 * `validate-mesh <dir>`, the template's validate action). Every issue is
 * reported on one cluster's file, names the other cluster and its file, and
 * points at the field to change:
 *
 * - cluster names are unique;
 * - peering is mutual, and (with `requirePeers`) every peer is in the set;
 * - peers have distinct cluster ids and non-overlapping pod CIDRs (Cluster
 *   Mesh requires both);
 * - peers run Cilium minors at most one apart (Cluster Mesh across versions
 *   is supported within one minor, as during an upgrade);
 * - peers name the same mesh CA and derive the same mesh domain (the name a
 *   cluster dials must be the name in its peer's server certificate);
 * - a peer address given in `peerIPs` is the peer's pinned apiserver address,
 *   and no two peers pin the same address.
 */
import { clustermeshApiserverIP, meshDomain } from '../clusterMesh';
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

export interface MeshSetOptions {
  /** Every listed peer must be one of the specs (validate-mesh: the whole mesh is given). */
  requirePeers?: boolean;
}

function minorOf(spec: ClusterSpec): [number, number] {
  const [major, minor] = spec.spec.cilium.version.split('.').map(Number);
  return [major, minor];
}

function label(s: NamedSpec): string {
  return `${s.spec.metadata.name} (${s.source})`;
}

/** Checks of a pair that are symmetric: reported once, on the cluster whose name sorts first. */
function pairIssues(a: NamedSpec, b: NamedSpec): MeshIssue[] {
  const issues: MeshIssue[] = [];
  const push = (path: string, message: string) =>
    issues.push({ source: a.source, path, message });
  const A = a.spec.spec;
  const B = b.spec.spec;
  const nameA = a.spec.metadata.name;
  if (A.clusterId === B.clusterId) {
    push(
      'spec.clusterId',
      `${nameA} and its peer ${label(b)} both have cluster id ${
        A.clusterId
      }; ids must be unique in a mesh`,
    );
  }
  const podA = parseIpv4Cidr(A.network.podCIDR);
  const podB = parseIpv4Cidr(B.network.podCIDR);
  if (cidrsOverlap(podA, podB)) {
    push(
      'spec.network.podCIDR',
      `${nameA}'s pod CIDR ${
        podA.text
      } overlaps the pod CIDR of its peer ${label(b)} (${
        podB.text
      }); Cluster Mesh needs distinct pod CIDRs`,
    );
  }
  const [majA, minA] = minorOf(a.spec);
  const [majB, minB] = minorOf(b.spec);
  if (majA !== majB || Math.abs(minA - minB) > 1) {
    push(
      'spec.cilium.version',
      `${nameA} runs Cilium ${A.cilium.version} and its peer ${label(b)} ${
        B.cilium.version
      }; peers must be at most one minor apart`,
    );
  }
  if (A.clusterMesh.caName !== B.clusterMesh.caName) {
    const show = (ca?: string) => (ca ? `"${ca}"` : 'none');
    push(
      'spec.clusterMesh.caName',
      `${nameA} names mesh CA ${show(
        A.clusterMesh.caName,
      )} but its peer ${label(b)} names ${show(
        B.clusterMesh.caName,
      )}; every cluster of a mesh shares one CA`,
    );
  }
  if (meshDomain(a.spec) !== meshDomain(b.spec)) {
    push(
      A.dns.rfc2136 ? 'spec.dns.rfc2136.zone' : 'spec.dns.domain',
      `${nameA}'s mesh domain ${meshDomain(a.spec)} differs from ${meshDomain(
        b.spec,
      )} of its peer ${label(
        b,
      )}; each would dial the other by a name its certificate does not carry`,
    );
  }
  const ipA = clustermeshApiserverIP(a.spec);
  if (ipA === clustermeshApiserverIP(b.spec)) {
    push(
      'spec.clusterMesh.apiserverIP',
      `${nameA} and its peer ${label(
        b,
      )} both pin their clustermesh-apiserver at ${ipA}`,
    );
  }
  return issues;
}

/** Checks of `a`'s view of its peer `b`, reported on `a`. */
function directedIssues(
  a: NamedSpec,
  b: NamedSpec,
  index: number,
): MeshIssue[] {
  const issues: MeshIssue[] = [];
  const nameA = a.spec.metadata.name;
  const nameB = b.spec.metadata.name;
  if (!b.spec.spec.clusterMesh.peers.includes(nameA)) {
    issues.push({
      source: a.source,
      path: `spec.clusterMesh.peers[${index}]`,
      message: `${nameA} lists ${nameB}, but ${label(
        b,
      )} does not list ${nameA} in its spec.clusterMesh.peers; Cluster Mesh peering is mutual`,
    });
  }
  const dialled = a.spec.spec.clusterMesh.peerIPs?.[nameB];
  const actual = clustermeshApiserverIP(b.spec);
  if (dialled && dialled !== actual) {
    issues.push({
      source: a.source,
      path: `spec.clusterMesh.peerIPs.${nameB}`,
      message: `${nameA} dials ${nameB} at ${dialled}, but ${label(
        b,
      )} pins its clustermesh-apiserver at ${actual}`,
    });
  }
  return issues;
}

export function meshSetIssues(
  specs: NamedSpec[],
  options: MeshSetOptions = {},
): MeshIssue[] {
  const issues: MeshIssue[] = [];
  const byName = new Map<string, NamedSpec>();
  for (const s of specs) {
    const name = s.spec.metadata.name;
    const first = byName.get(name);
    if (first) {
      issues.push({
        source: s.source,
        path: 'metadata.name',
        message: `${name} is also the name of the cluster in ${first.source}; cluster names must be unique in a mesh`,
      });
    } else byName.set(name, s);
  }
  const pairsSeen = new Set<string>();
  for (const a of specs) {
    if (byName.get(a.spec.metadata.name) !== a) continue;
    a.spec.spec.clusterMesh.peers.forEach((peerName, i) => {
      const b = byName.get(peerName);
      if (!b) {
        if (options.requirePeers) {
          issues.push({
            source: a.source,
            path: `spec.clusterMesh.peers[${i}]`,
            message: `${a.spec.metadata.name} lists ${peerName}, but no cluster of the mesh is named ${peerName}`,
          });
        }
        return;
      }
      issues.push(...directedIssues(a, b, i));
      const [first, second] = a.spec.metadata.name < peerName ? [a, b] : [b, a];
      const key = `${first.spec.metadata.name}\n${second.spec.metadata.name}`;
      if (pairsSeen.has(key)) return;
      pairsSeen.add(key);
      issues.push(...pairIssues(first, second));
    });
  }
  return issues;
}
