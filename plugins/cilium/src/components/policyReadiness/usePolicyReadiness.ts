import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ciliumApiRef } from '../../api/CiliumApi';

/**
 * The readiness of `namespace` (nothing while it is empty); `keep` lists the
 * ticked edges once the user unticked one (undefined keeps every edge).
 */
export function usePolicyReadiness(
  cluster: string,
  namespace: string,
  keep: string[] | undefined,
) {
  const api = useApi(ciliumApiRef);
  const keepKey = keep ? keep.join('\n') : undefined;
  return useAsyncRetry(
    async () =>
      namespace
        ? api.getPolicyReadiness(cluster, { namespace, keep })
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, cluster, namespace, keepKey],
  );
}

/** Namespaces seen in the flows summary's window (the readiness picker's choices). */
export function useNamespacesSeen(cluster: string) {
  const api = useApi(ciliumApiRef);
  return useAsyncRetry(async () => {
    const summary = await api.getFlowsSummary(cluster);
    const seen = new Set<string>();
    for (const n of summary.nodes) {
      if (n.namespace && !n.cluster) seen.add(n.namespace);
    }
    return {
      namespaces: [...seen].sort(),
      hubbleError: summary.error,
    };
  }, [api, cluster]);
}
