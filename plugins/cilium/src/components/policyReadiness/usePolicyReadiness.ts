import { useMemo } from 'react';
import { useCiliumQuery } from '../../hooks/useApiQuery';

/**
 * The readiness of `namespace` (nothing while it is empty); `keep` lists the
 * ticked edges once the user unticked one (undefined keeps every edge).
 */
export function usePolicyReadiness(
  cluster: string,
  namespace: string,
  keep: string[] | undefined,
) {
  return useCiliumQuery(
    namespace
      ? ['policy-readiness', cluster, namespace, keep && keep.join('\n')]
      : null,
    api => api.getPolicyReadiness(cluster, { namespace, keep }),
  );
}

/**
 * Namespaces seen in the flows summary's window (the readiness picker's
 * choices). The summary is the flows explorer's unfiltered one: one
 * request, one cache entry.
 */
export function useNamespacesSeen(cluster: string) {
  const summary = useCiliumQuery(
    ['flows-summary', cluster, undefined],
    api => api.getFlowsSummary(cluster, { namespace: undefined }),
  );
  const value = useMemo(() => {
    if (!summary.value) return undefined;
    const seen = new Set<string>();
    for (const n of summary.value.nodes) {
      if (n.namespace && !n.cluster) seen.add(n.namespace);
    }
    return {
      namespaces: [...seen].sort(),
      hubbleError: summary.value.error,
    };
  }, [summary.value]);
  return { ...summary, value };
}
