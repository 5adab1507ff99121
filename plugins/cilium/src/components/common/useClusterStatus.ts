import { useApi } from '@backstage/frontend-plugin-api';
import { ClusterStatus, StatusSource } from '@internal/plugin-cilium-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ciliumApiRef } from '../../api/CiliumApi';

export interface StatusState {
  loading: boolean;
  error?: Error;
  value?: ClusterStatus;
  retry: () => void;
}

/** Loads a cluster's status document once; sections read their parts from it. */
export function useClusterStatus(cluster: string): StatusState {
  const api = useApi(ciliumApiRef);
  const state = useAsyncRetry(
    () => api.getClusterStatus(cluster),
    [api, cluster],
  );
  return {
    loading: state.loading,
    error: state.error,
    value: state.value,
    retry: state.retry,
  };
}

/** The per-source errors a section cares about. */
export function errorsFor(status: ClusterStatus, ...sources: StatusSource[]) {
  return status.errors.filter(e => sources.includes(e.source));
}
