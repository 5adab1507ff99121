/**
 * Minimal CiliumNetworkPolicies for the kept would-drop edges of one
 * namespace: one policy per workload and direction, selecting pods by their
 * workload label (never pod names), one rule per peer listing its ports.
 * Egress policies always carry the kube-dns allowance with a DNS rule
 * (docs.cilium.io "DNS based": toFQDNs learns IPs only through the DNS
 * proxy, so port 53 toward kube-dns needs `rules.dns`). Only fields the
 * user sets are written, so Argo CD sees no drift from API-server defaults.
 */
import type {
  PolicyReadinessResponse,
  ReadinessEdge,
  ReadinessPeer,
} from '@internal/plugin-cilium-common';
import { selectorLabels } from '../readiness/edges';
import type {
  CiliumNetworkPolicyManifest,
  ProposedEndpointSelector,
  ProposedPolicies,
  ProposedPortRule,
  ProposedRule,
} from './manifest';

export const MANAGED_BY = 'backstage-cilium-readiness';

/** kube-dns as the CNP examples of "DNS based" select it. */
export const KUBE_DNS_RULE: ProposedRule = {
  toEndpoints: [
    {
      matchLabels: {
        'k8s:io.kubernetes.pod.namespace': 'kube-system',
        'k8s:k8s-app': 'kube-dns',
      },
    },
  ],
  toPorts: [
    {
      ports: [
        { port: '53', protocol: 'UDP' },
        { port: '53', protocol: 'TCP' },
      ],
      rules: { dns: [{ matchPattern: '*' }] },
    },
  ],
};

function toMatchLabels(
  labels: string[],
  namespace: string | undefined,
  own: string,
): ProposedEndpointSelector {
  const matchLabels: Record<string, string> = {};
  for (const l of labels) {
    const i = l.indexOf('=');
    matchLabels[l.slice(0, i).replace(/^k8s:/, '')] = l.slice(i + 1);
  }
  if (namespace !== undefined && namespace !== own)
    matchLabels['k8s:io.kubernetes.pod.namespace'] = namespace;
  return {
    matchLabels: Object.fromEntries(
      Object.entries(matchLabels).sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}

function isKubeDns(e: ReadinessEdge): boolean {
  const d = e.destination;
  return (
    d.namespace === 'kube-system' &&
    d.labels.includes('k8s:k8s-app=kube-dns') &&
    e.port === 53
  );
}

function dnsName(s: string) {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'workload'
  );
}

/** One rule per remote peer; ports sorted. */
function ruleFor(
  peer: ReadinessPeer,
  edges: ReadinessEdge[],
  direction: 'ingress' | 'egress',
  own: string,
): ProposedRule {
  const rule: ProposedRule = {};
  const to = direction === 'egress';
  if (peer.namespace !== undefined) {
    const sel = [toMatchLabels(selectorLabels(peer), peer.namespace, own)];
    if (to) rule.toEndpoints = sel;
    else rule.fromEndpoints = sel;
  } else if (to && peer.fqdn) rule.toFQDNs = [{ matchName: peer.fqdn }];
  else if (peer.cidr) {
    if (to) rule.toCIDR = [peer.cidr];
    else rule.fromCIDR = [peer.cidr];
  } else if (to) rule.toEntities = [peer.entity ?? 'world'];
  else rule.fromEntities = [peer.entity ?? 'world'];
  const ports = edges
    .filter(e => e.port !== undefined)
    .map(e => ({
      port: String(e.port),
      protocol: e.protocol as ProposedPortRule['ports'][number]['protocol'],
    }))
    .sort(
      (a, b) =>
        Number(a.port) - Number(b.port) || a.protocol.localeCompare(b.protocol),
    );
  // An edge without port (ICMP) keeps the rule L3-only.
  if (ports.length > 0 && edges.every(e => e.port !== undefined))
    rule.toPorts = [{ ports }];
  return rule;
}

function peerGroupKey(p: ReadinessPeer, own: string): string {
  return JSON.stringify(
    p.namespace !== undefined
      ? toMatchLabels(selectorLabels(p), p.namespace, own)
      : [p.fqdn, p.cidr, p.entity],
  );
}

/**
 * Minimal CiliumNetworkPolicies (one per workload and direction) allowing
 * exactly the kept would-drop edges of `readiness`.
 */
export function proposePolicies(
  readiness: PolicyReadinessResponse,
  keptEdgeIds: string[],
): ProposedPolicies {
  const own = readiness.namespace;
  const kept = new Set(keptEdgeIds);
  const edges = [
    ...readiness.wouldDrop.egress,
    ...readiness.wouldDrop.ingress,
  ].filter(e => kept.has(e.id));
  const groups = new Map<
    string,
    {
      local: ReadinessPeer;
      direction: 'ingress' | 'egress';
      edges: ReadinessEdge[];
    }
  >();
  for (const e of edges) {
    const local = e.direction === 'egress' ? e.source : e.destination;
    const name = `${dnsName(
      local.workload ?? selectorLabels(local)[0]?.split('=')[1] ?? 'workload',
    )}-${e.direction}`;
    const g = groups.get(name) ?? { local, direction: e.direction, edges: [] };
    g.edges.push(e);
    groups.set(name, g);
  }
  const policies: CiliumNetworkPolicyManifest[] = [];
  const edgesByPolicy: Record<string, string[]> = {};
  for (const name of [...groups.keys()].sort()) {
    const g = groups.get(name)!;
    const byPeer = new Map<
      string,
      { peer: ReadinessPeer; edges: ReadinessEdge[] }
    >();
    for (const e of g.edges) {
      if (g.direction === 'egress' && isKubeDns(e)) continue;
      const peer = g.direction === 'egress' ? e.destination : e.source;
      const key = peerGroupKey(peer, own);
      const entry = byPeer.get(key) ?? { peer, edges: [] };
      entry.edges.push(e);
      byPeer.set(key, entry);
    }
    const rules = [...byPeer.keys()]
      .sort()
      .map(k =>
        ruleFor(byPeer.get(k)!.peer, byPeer.get(k)!.edges, g.direction, own),
      );
    const spec: CiliumNetworkPolicyManifest['spec'] = {
      description: `Allows the ${g.direction} traffic of ${
        g.local.workload ?? name
      } observed in the readiness window`,
      endpointSelector: toMatchLabels(selectorLabels(g.local), undefined, own),
    };
    if (g.direction === 'egress')
      spec.egress = [structuredClone(KUBE_DNS_RULE), ...rules];
    else spec.ingress = rules;
    policies.push({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: {
        name,
        namespace: own,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY },
      },
      spec,
    });
    edgesByPolicy[name] = g.edges.map(e => e.id).sort();
  }
  return {
    namespace: own,
    policies,
    edgesByPolicy,
    keptEdgeIds: [...kept].sort(),
  };
}
