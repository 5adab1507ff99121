import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Verdict } from '@internal/plugin-cilium-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { ciliumApiRef } from '../../api/CiliumApi';

export interface FlowFilterState {
  namespace: string;
  verdict?: Verdict;
  policyVerdictsOnly: boolean;
}

export const FLOWS_LAST = 100;
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Empty (all namespaces) or a Kubernetes namespace name (DNS-1123 label). */
export function isValidNamespace(ns: string): boolean {
  const t = ns.trim();
  return t === '' || (t.length <= 63 && DNS_1123_LABEL.test(t));
}
export const AUTO_REFRESH_MS = 10_000;

/**
 * Recent flows of a cluster under the given filters. The namespace is
 * applied after the user stops typing; auto-refresh is opt-in.
 */
export function useFlows(cluster: string) {
  const api = useApi(ciliumApiRef);
  const [filters, setFilters] = useState<FlowFilterState>({
    namespace: '',
    policyVerdictsOnly: false,
  });
  const [namespace, setNamespace] = useState('');
  const [autoRefresh, setAutoRefresh] = useState(false);

  const namespaceInvalid = !isValidNamespace(namespace);
  useDebounce(
    () => {
      if (namespaceInvalid) return;
      const ns = namespace.trim();
      setFilters(f => (f.namespace === ns ? f : { ...f, namespace: ns }));
    },
    400,
    [namespace, namespaceInvalid],
  );

  const state = useAsyncRetry(
    () =>
      api.getFlows(cluster, {
        namespace: filters.namespace || undefined,
        verdict: filters.verdict,
        policyVerdictsOnly: filters.policyVerdictsOnly || undefined,
        last: FLOWS_LAST,
      }),
    [api, cluster, filters],
  );

  const { retry, loading } = state;
  useEffect(() => {
    if (!autoRefresh) return undefined;
    const t = setInterval(() => {
      if (!loading) retry();
    }, AUTO_REFRESH_MS);
    return () => clearInterval(t);
  }, [autoRefresh, retry, loading]);

  return {
    state,
    namespaceInput: namespace,
    namespaceInvalid,
    setNamespaceInput: setNamespace,
    filters,
    setVerdict: (verdict?: Verdict) => setFilters(f => ({ ...f, verdict })),
    setPolicyVerdictsOnly: (v: boolean) =>
      setFilters(f => ({ ...f, policyVerdictsOnly: v })),
    autoRefresh,
    setAutoRefresh,
    refresh: retry,
  };
}
