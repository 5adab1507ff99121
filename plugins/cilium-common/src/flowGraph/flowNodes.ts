import type { FlowGraphNode } from '../types/flowSummary';
import type { FlowEndpoint } from '../types/hubble';
import { RESERVED_IDENTITY_NAMES } from '../reservedIdentities';

const WORLD = new Set(['world', 'world-ipv4', 'world-ipv6']);

/** Label keys that name an application, most specific first. */
const NAME_LABELS = ['k8s:app.kubernetes.io/name', 'k8s:app', 'k8s:k8s-app'];
const NAMESPACE_LABEL = 'k8s:io.kubernetes.pod.namespace';

function labelValue(labels: string[], key: string): string | undefined {
  const prefix = `${key}=`;
  const label = labels.find(l => l.startsWith(prefix));
  return label?.slice(prefix.length);
}

function reservedName(ep: FlowEndpoint): string | undefined {
  // `reserved:world` and friends; a host that is also the kube-apiserver
  // carries both labels, the first one wins (host).
  const label = ep.labels.find(l => l.startsWith('reserved:'));
  if (label) return label.slice('reserved:'.length);
  // Identity 0 (unknown) names no node: the flow's other fields do.
  return ep.identity ? RESERVED_IDENTITY_NAMES[ep.identity] : undefined;
}

/**
 * The service-map node of a flow endpoint: its workload, else its pod, else
 * (outside the cluster) the DNS name Hubble resolved for it, else its
 * reserved identity, else its identity's labels, else its IP. Endpoints of
 * another cluster of the mesh carry that cluster in their id.
 */
export function endpointNode(
  ep: FlowEndpoint,
  localCluster?: string,
): FlowGraphNode {
  const cluster =
    ep.clusterName && localCluster && ep.clusterName !== localCluster
      ? ep.clusterName
      : undefined;
  const scope = cluster ? `${cluster}/` : '';
  const withCluster = (node: FlowGraphNode): FlowGraphNode =>
    cluster ? { ...node, cluster } : node;

  const workload = ep.workloads[0];
  if (workload && ep.namespace) {
    return withCluster({
      id: `${scope}${ep.namespace}/${workload.name}`,
      namespace: ep.namespace,
      name: workload.name,
      kind: 'workload',
      workloadKind: workload.kind,
    });
  }
  if (ep.podName && ep.namespace) {
    return withCluster({
      id: `${scope}${ep.namespace}/${ep.podName}`,
      namespace: ep.namespace,
      name: ep.podName,
      kind: 'pod',
    });
  }
  const reserved = reservedName(ep);
  if (reserved && WORLD.has(reserved) && ep.names.length > 0) {
    const name = ep.names[0].replace(/\.$/, '');
    return { id: `fqdn:${name}`, name, kind: 'fqdn' };
  }
  if (reserved) {
    return withCluster({
      id: `${scope}reserved:${reserved}`,
      name: reserved,
      kind: 'reserved',
    });
  }
  if (ep.identity > 0 && ep.labels.length > 0) {
    const namespace = labelValue(ep.labels, NAMESPACE_LABEL);
    const app = NAME_LABELS.map(k => labelValue(ep.labels, k)).find(Boolean);
    const node: FlowGraphNode = {
      id: `${scope}identity:${ep.identity}`,
      name: app ?? `ID:${ep.identity}`,
      kind: 'identity',
    };
    if (namespace) node.namespace = namespace;
    return withCluster(node);
  }
  const ip = ep.ip ?? 'unknown';
  return withCluster({ id: `${scope}ip:${ip}`, name: ip, kind: 'ip' });
}
