import { ClusterClient, KubeObject } from '../kubernetes/ClusterClient';

/**
 * The policy objects the readiness view evaluates, read whole (the
 * evaluator needs their specs) through the paged LIST of the other sources.
 * Kinds and scopes as the CRDs declare them:
 * https://docs.cilium.io/en/stable/network/kubernetes/policy/ (CiliumNetworkPolicy
 * is namespaced, CiliumClusterwideNetworkPolicy cluster-scoped, both
 * cilium.io/v2) and the Kubernetes API reference for
 * networking.k8s.io/v1 NetworkPolicy (namespaced).
 */
export async function readCiliumNetworkPolicies(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<KubeObject[]> {
  return client.list('cilium.io', 'v2', 'ciliumnetworkpolicies', { signal });
}

export async function readCiliumClusterwideNetworkPolicies(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<KubeObject[]> {
  return client.list('cilium.io', 'v2', 'ciliumclusterwidenetworkpolicies', {
    signal,
  });
}

/** Kubernetes NetworkPolicies; the custom-objects LIST serves any API group. */
export async function readNetworkPolicies(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<KubeObject[]> {
  return client.list('networking.k8s.io', 'v1', 'networkpolicies', { signal });
}
