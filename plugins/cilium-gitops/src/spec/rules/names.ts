/**
 * Host names under the cluster domain, the DNS zone around it, Cluster Mesh
 * peers, and Cilium version pins.
 */
import type { CiliumVersionPins, ClusterSpec, SpecIssue } from '../types';
import { duplicateIssues } from './network';

function stripDot(name: string): string {
  return (name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase();
}

function isUnder(name: string, domain: string): boolean {
  return stripDot(name).endsWith(`.${stripDot(domain)}`);
}

export function hostIssues(spec: ClusterSpec): SpecIssue[] {
  const { dns, observability } = spec.spec;
  const issues: SpecIssue[] = [];
  if (observability) {
    for (const field of ['grafanaHost', 'hubbleUIHost'] as const) {
      if (!isUnder(observability[field], dns.domain)) {
        issues.push({
          path: `spec.observability.${field}`,
          message: `${observability[field]} is not under spec.dns.domain (${dns.domain})`,
        });
      }
    }
    if (
      stripDot(observability.grafanaHost) ===
      stripDot(observability.hubbleUIHost)
    ) {
      issues.push({
        path: 'spec.observability.hubbleUIHost',
        message: `${observability.hubbleUIHost} is also spec.observability.grafanaHost; each UI needs its own host name`,
      });
    }
  }
  if (dns.rfc2136) {
    const zone = dns.rfc2136.zone;
    if (stripDot(zone) !== stripDot(dns.domain) && !isUnder(dns.domain, zone)) {
      issues.push({
        path: 'spec.dns.rfc2136.zone',
        message: `${zone} does not contain spec.dns.domain (${dns.domain})`,
      });
    }
  }
  return issues;
}

export function meshIssues(spec: ClusterSpec): SpecIssue[] {
  const peers = spec.spec.clusterMesh.peers;
  const issues: SpecIssue[] = [];
  peers.forEach((peer, i) => {
    if (peer === spec.metadata.name) {
      issues.push({
        path: `spec.clusterMesh.peers[${i}]`,
        message: `"${peer}" is this cluster (metadata.name); list only the other clusters of the mesh`,
      });
    }
  });
  issues.push(
    ...duplicateIssues(
      peers,
      p => p,
      i => `spec.clusterMesh.peers[${i}]`,
      'mesh peers',
    ),
  );
  return issues;
}

/** With the catalog's pins known, a full version must be one of them. */
export function ciliumPinIssues(
  spec: ClusterSpec,
  pins: CiliumVersionPins | undefined,
): SpecIssue[] {
  const version = spec.spec.cilium.version;
  if (!pins) return [];
  const minor = version.split('.').slice(0, 2).join('.');
  const pinned = pins[minor] ?? [];
  if (pinned.length === 0) {
    return [
      {
        path: 'spec.cilium.version',
        message: `"${version}": the addon catalog pins no patch of ${minor} (pinned minors: ${Object.keys(
          pins,
        ).join(', ')})`,
      },
    ];
  }
  if (version !== minor && !pinned.includes(version)) {
    return [
      {
        path: 'spec.cilium.version',
        message: `"${version}" is not a pinned patch of ${minor} (pinned: ${pinned.join(
          ', ',
        )}); write "${minor}" for the newest`,
      },
    ];
  }
  return [];
}
