/**
 * Network rules: CIDRs must not overlap, names must be unique, worker nodes
 * sit inside their CIDR, and the FRR router and the BGP peer that points at
 * it agree on the ASN.
 */
import { cidrContains, cidrsOverlap, parseIpv4, parseIpv4Cidr } from '../ipv4';
import type { ClusterSpec, SpecIssue } from '../types';

interface NamedCidr {
  path: string;
  text: string;
}

/** The ranges Cilium owns inside the cluster: pods, services, LB pools. */
function ownedCidrs(network: ClusterSpec['spec']['network']): NamedCidr[] {
  return [
    { path: 'spec.network.podCIDR', text: network.podCIDR },
    { path: 'spec.network.serviceCIDR', text: network.serviceCIDR },
    ...network.loadBalancerPools.map((pool, i) => ({
      path: `spec.network.loadBalancerPools[${i}].cidr`,
      text: pool.cidr,
    })),
  ];
}

function namedCidrs(spec: ClusterSpec): NamedCidr[] {
  const { network, bgp } = spec.spec;
  const list: NamedCidr[] = ownedCidrs(network);
  if (bgp?.router) {
    list.push({
      path: 'spec.bgp.router.workerNodeCIDR',
      text: bgp.router.workerNodeCIDR,
    });
  }
  return list;
}

export function cidrOverlapIssues(spec: ClusterSpec): SpecIssue[] {
  const cidrs = namedCidrs(spec).map(c => ({
    ...c,
    cidr: parseIpv4Cidr(c.text),
  }));
  const issues: SpecIssue[] = [];
  cidrs.forEach((current, i) => {
    const earlier = cidrs
      .slice(0, i)
      .find(other => cidrsOverlap(other.cidr, current.cidr));
    if (earlier) {
      issues.push({
        path: current.path,
        message: `${current.text} overlaps ${earlier.path} (${earlier.text})`,
      });
    }
  });
  return issues;
}

/** Reports every entry whose `key` repeats an earlier entry's. */
export function duplicateIssues<T>(
  items: T[],
  key: (item: T) => string,
  path: (index: number) => string,
  what: string,
): SpecIssue[] {
  const seen = new Map<string, number>();
  const issues: SpecIssue[] = [];
  items.forEach((item, i) => {
    const value = key(item);
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else
      issues.push({
        path: path(i),
        message: `${JSON.stringify(value)} repeats ${path(
          first,
        )}; ${what} must be unique`,
      });
  });
  return issues;
}

export function uniqueNameIssues(spec: ClusterSpec): SpecIssue[] {
  const { network, bgp } = spec.spec;
  return [
    ...duplicateIssues(
      network.loadBalancerPools,
      p => p.name,
      i => `spec.network.loadBalancerPools[${i}].name`,
      'pool names',
    ),
    ...duplicateIssues(
      bgp?.peers ?? [],
      p => p.name,
      i => `spec.bgp.peers[${i}].name`,
      'peer names',
    ),
    ...duplicateIssues(
      bgp?.peers ?? [],
      p => p.address,
      i => `spec.bgp.peers[${i}].address`,
      'peer addresses',
    ),
  ];
}

export function routerIssues(spec: ClusterSpec): SpecIssue[] {
  const bgp = spec.spec.bgp;
  const router = bgp?.router;
  if (!bgp || !router) return [];
  const issues: SpecIssue[] = [];
  const cidr = parseIpv4Cidr(router.workerNodeCIDR);
  router.workerNodes.forEach((node, i) => {
    if (!cidrContains(cidr, parseIpv4(node)!)) {
      issues.push({
        path: `spec.bgp.router.workerNodes[${i}]`,
        message: `${node} is not inside spec.bgp.router.workerNodeCIDR (${router.workerNodeCIDR})`,
      });
    }
  });
  issues.push(
    ...duplicateIssues(
      router.workerNodes,
      n => n,
      i => `spec.bgp.router.workerNodes[${i}]`,
      'worker nodes',
    ),
  );
  const peerIndex = bgp.peers.findIndex(
    peer => peer.address === router.routerId,
  );
  if (peerIndex < 0) {
    issues.push({
      path: 'spec.bgp.router.routerId',
      message: `${router.routerId} is not the address of any spec.bgp.peers entry, so the cluster would never peer with this router`,
    });
  } else if (bgp.peers[peerIndex].asn !== router.asn) {
    issues.push({
      path: `spec.bgp.peers[${peerIndex}].asn`,
      message: `${bgp.peers[peerIndex].asn} differs from spec.bgp.router.asn (${router.asn}), but both describe the router ${router.routerId}`,
    });
  }
  if (router.workerNodes.includes(router.routerId)) {
    issues.push({
      path: 'spec.bgp.router.routerId',
      message: `${router.routerId} is also listed in spec.bgp.router.workerNodes; the router is not a worker node`,
    });
  }
  return issues;
}

export function routingModeIssues(spec: ClusterSpec): SpecIssue[] {
  if (spec.spec.network.routingMode === 'native' && !spec.spec.bgp) {
    return [
      {
        path: 'spec.network.routingMode',
        message:
          'native routing needs spec.bgp (pod CIDRs are announced over BGP); use tunnel or add spec.bgp',
      },
    ];
  }
  return [];
}

/**
 * Addresses outside the cluster (API server, BGP peers) must not fall into
 * ranges Cilium owns inside it (pods, services, LB pools): traffic to them
 * would never leave the node.
 */
export function externalAddressIssues(spec: ClusterSpec): SpecIssue[] {
  const { network, bgp, controlPlane } = spec.spec;
  const owned: NamedCidr[] = ownedCidrs(network);
  const addresses = [
    {
      path: 'spec.controlPlane.apiServerHost',
      text: controlPlane.apiServerHost,
    },
    ...(bgp?.peers ?? []).map((peer, i) => ({
      path: `spec.bgp.peers[${i}].address`,
      text: peer.address,
    })),
  ];
  const issues: SpecIssue[] = [];
  for (const address of addresses) {
    const value = parseIpv4(address.text);
    if (value === undefined) continue; // a DNS name
    const inside = owned.find(c => cidrContains(parseIpv4Cidr(c.text), value));
    if (inside) {
      issues.push({
        path: address.path,
        message: `${address.text} is inside ${inside.path} (${inside.text}), which Cilium routes inside the cluster`,
      });
    }
  }
  return issues;
}
