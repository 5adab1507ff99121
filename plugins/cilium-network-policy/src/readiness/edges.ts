/** Flows → readiness edges: source → destination:port/protocol per direction. */
import type {
  FlowEndpoint,
  FlowRecord,
  PolicyDirection,
  ReadinessEdge,
  ReadinessPeer,
} from '@internal/plugin-cilium-common';
import { endpointKey, prepareEndpoint } from '../evaluate/endpoint';
import { NAMESPACE_KEY } from '../model/labels';

/** Labels that identify a workload, best first (Kubernetes recommended labels, then `app`). */
export const WORKLOAD_LABEL_KEYS = [
  'k8s:app.kubernetes.io/name',
  'k8s:app',
  'k8s:k8s-app',
];

const peers = new Map<string, ReadinessPeer>();

/** The readiness view of a flow endpoint (cached by identity labels; treat as read-only). */
export function peerOf(ep: FlowEndpoint): ReadinessPeer {
  const key = endpointKey(ep);
  let peer = peers.get(key);
  if (!peer) {
    if (peers.size >= 50_000) peers.clear();
    peer = peerUncached(ep);
    peers.set(key, peer);
  }
  return peer;
}

function peerUncached(ep: FlowEndpoint): ReadinessPeer {
  const prepared = prepareEndpoint(ep);
  if (prepared.namespace !== undefined) {
    const labels = ep.labels.filter(l => l.startsWith('k8s:')).sort();
    const byKey = new Map(
      labels.map(l => [
        l.slice(0, l.indexOf('=')),
        l.slice(l.indexOf('=') + 1),
      ]),
    );
    const appKey = WORKLOAD_LABEL_KEYS.find(k => byKey.has(k));
    const workload =
      ep.workloads[0]?.name ?? (appKey ? byKey.get(appKey) : undefined);
    const peer: ReadinessPeer = { namespace: prepared.namespace, labels };
    if (workload) peer.workload = workload;
    return peer;
  }
  const peer: ReadinessPeer = {
    labels: [...ep.labels].sort(),
    entity: prepared.entity,
  };
  if (
    prepared.entity === 'world' ||
    prepared.entity === 'world-ipv4' ||
    prepared.entity === 'world-ipv6'
  ) {
    if (prepared.names[0]) peer.fqdn = prepared.names[0];
    else if (ep.ip) peer.cidr = `${ep.ip}/${ep.ip.includes(':') ? 128 : 32}`;
  }
  return peer;
}

/** The labels a proposal selects a pod peer by: one workload label, else every k8s label but the namespace. */
export function selectorLabels(peer: ReadinessPeer): string[] {
  const key = WORKLOAD_LABEL_KEYS.find(k =>
    peer.labels.some(l => l.startsWith(`${k}=`)),
  );
  if (key) return peer.labels.filter(l => l.startsWith(`${key}=`));
  return peer.labels.filter(l => !l.startsWith(`k8s:${NAMESPACE_KEY}=`));
}

function peerKey(p: ReadinessPeer): string {
  if (p.namespace !== undefined)
    return `${p.namespace}/${selectorLabels(p).join(',') || p.workload || '*'}`;
  return p.fqdn ?? p.cidr ?? p.entity ?? 'unknown';
}

export function protocolOf(flow: FlowRecord): ReadinessEdge['protocol'] {
  const p = flow.l4?.protocol;
  if (p === 'TCP' || p === 'UDP' || p === 'SCTP') return p;
  if (p === 'ICMPv4' || p === 'ICMPv6') return 'ICMP';
  return 'ANY';
}

const clonePeer = (p: ReadinessPeer): ReadinessPeer => ({
  ...p,
  labels: [...p.labels],
});

/** Accumulates flows into edges keyed by a stable id. */
export class EdgeSet {
  private readonly edges = new Map<string, ReadinessEdge>();

  add(direction: PolicyDirection, flow: FlowRecord): ReadinessEdge {
    const source = peerOf(flow.source);
    const destination = peerOf(flow.destination);
    const protocol = protocolOf(flow);
    const port =
      protocol === 'ICMP' || protocol === 'ANY'
        ? undefined
        : flow.l4?.destinationPort;
    const id = `${direction}:${peerKey(source)}->${peerKey(destination)}:${
      port ?? '*'
    }/${protocol}`;
    const existing = this.edges.get(id);
    if (existing) {
      existing.count += 1;
      if (flow.time > existing.lastSeen) existing.lastSeen = flow.time;
      return existing;
    }
    const edge: ReadinessEdge = {
      id,
      direction,
      source: clonePeer(source),
      destination: clonePeer(destination),
      protocol,
      count: 1,
      lastSeen: flow.time,
    };
    if (port !== undefined) edge.port = port;
    this.edges.set(id, edge);
    return edge;
  }

  list(): ReadinessEdge[] {
    return [...this.edges.values()].sort((a, b) => {
      if (a.id === b.id) return 0;
      return a.id < b.id ? -1 : 1;
    });
  }
}
