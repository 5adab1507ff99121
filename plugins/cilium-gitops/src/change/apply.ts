/**
 * Applies one {@link ClusterChange} to a validated spec, as a plain document
 * to validate again. Only rules about the change itself live here (a peer to
 * remove must be there, a version must not go back or skip a minor); all
 * other rules are the spec's own.
 */
import type { ClusterSpec, SpecIssue } from '../spec/types';
import { SUPPORTED_CILIUM_MINORS } from '../spec/types';
import { ChangeError } from './ChangeError';
import type { ClusterChange } from './types';

const ADDONS = ['certManager', 'externalDNS', 'observability', 'openebs'];
const DEMO_APPS = ['bookinfo', 'echo', 'jobsApp'];

function refuse(path: string, message: string): never {
  throw new ChangeError([{ path, message }]);
}

/** `[major, minor, patch]`; a bare minor counts as its patch 0 for ordering. */
function versionParts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map(Number)
    .concat([0, 0, 0])
    .slice(0, 3);
}

function minorIndex(version: string): number {
  const minor = version.replace(/^v/, '').split('.').slice(0, 2).join('.');
  return (SUPPORTED_CILIUM_MINORS as readonly string[]).indexOf(minor);
}

function checkVersionStep(from: string, to: string): SpecIssue[] {
  const path = 'spec.cilium.version';
  const a = versionParts(from);
  const b = versionParts(to);
  const toMinor = minorIndex(to);
  if (toMinor < 0)
    return [
      {
        path,
        message: `"${to}" is not a supported Cilium minor (supported: ${SUPPORTED_CILIUM_MINORS.join(
          ', ',
        )})`,
      },
    ];
  const order = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  if (order > 0)
    return [
      {
        path,
        message: `"${to}" is older than the running ${from}; a change only moves forward (Cilium documents upgrades, not downgrades)`,
      },
    ];
  if (toMinor - minorIndex(from) > 1)
    return [
      {
        path,
        message: `${from} → ${to} skips a minor; Cilium upgrades one minor at a time (docs.cilium.io, Upgrade Guide), go to ${
          SUPPORTED_CILIUM_MINORS[minorIndex(from) + 1]
        } first`,
      },
    ];
  return [];
}

/** A deep copy of `spec` with `change` applied, ready for validation. */
export function applyChange(spec: ClusterSpec, change: ClusterChange): any {
  const doc: any = structuredClone(spec);
  const body = doc.spec;
  switch (change.kind) {
    case 'split': {
      const splits: any[] = body.traffic?.splits ?? [];
      const entry = { route: change.route, backends: { ...change.backends } };
      const at = splits.findIndex(s => s.route === change.route);
      if (at >= 0) splits[at] = entry;
      else splits.push(entry);
      body.traffic = { ...(body.traffic ?? {}), splits };
      return doc;
    }
    case 'addon': {
      if (ADDONS.includes(change.name))
        body.addons[change.name] = change.enabled;
      else if (DEMO_APPS.includes(change.name))
        body.demoApps[change.name] = change.enabled;
      else
        refuse(
          `spec.addons.${change.name}`,
          `unknown add-on or demo app (add-ons: ${ADDONS.join(
            ', ',
          )}; demo apps: ${DEMO_APPS.join(', ')})`,
        );
      return doc;
    }
    case 'ciliumVersion': {
      const issues = checkVersionStep(body.cilium.version, change.version);
      if (issues.length) throw new ChangeError(issues);
      body.cilium = { ...body.cilium, version: change.version };
      return doc;
    }
    case 'meshPeer': {
      const peers: string[] = body.clusterMesh.peers;
      if (change.action === 'remove') {
        if (!peers.includes(change.peer))
          refuse(
            'spec.clusterMesh.peers',
            `${change.peer} is not a peer of ${spec.metadata.name} (peers: ${
              peers.join(', ') || 'none'
            })`,
          );
        body.clusterMesh.peers = peers.filter(p => p !== change.peer);
        // The peer's pinned address goes with it (peerIPs may only name peers).
        if (body.clusterMesh.peerIPs) {
          delete body.clusterMesh.peerIPs[change.peer];
          if (Object.keys(body.clusterMesh.peerIPs).length === 0)
            delete body.clusterMesh.peerIPs;
        }
      } else {
        if (peers.includes(change.peer))
          refuse(
            'spec.clusterMesh.peers',
            `${change.peer} is already a peer of ${spec.metadata.name}`,
          );
        body.clusterMesh.peers = [...peers, change.peer];
      }
      return doc;
    }
    case 'lbPool':
      body.network.loadBalancerPools.push({
        name: change.name,
        cidr: change.cidr,
      });
      return doc;
    case 'bgpPeer':
      if (!body.bgp)
        refuse(
          'spec.bgp',
          'is not set: this cluster runs no BGP control plane, so it has no peers to add to; set spec.bgp (local ASN, node selector) first',
        );
      body.bgp.peers.push({
        name: change.name,
        address: change.address,
        asn: change.asn,
      });
      return doc;
    default:
      return refuse(
        'change.kind',
        `unknown change kind ${JSON.stringify((change as any).kind)}`,
      );
  }
}
