import { useEffect, useSyncExternalStore } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { ClusterStatus, StatusSource } from '@internal/plugin-cilium-common';
import { ciliumApiRef } from '../api/CiliumApi';
import { keptStatusDocument } from './statusStore';

export interface StatusState {
  loading: boolean;
  error?: Error;
  value?: ClusterStatus;
  retry: () => void;
}

/**
 * A cluster's status document; sections read their parts from it. The tab
 * and the entity cards share one request and its answer (see statusStore):
 * mounting together fetches once, and coming back to the tab renders the
 * kept document at once while it is revalidated (an unchanged document
 * costs a 304, and nothing re-renders). A document kept from long ago is
 * not shown again: the skeleton shows until its successor arrives.
 */
export function useClusterStatus(cluster: string): StatusState {
  const api = useApi(ciliumApiRef);
  const entry = keptStatusDocument(api, cluster);
  const snapshot = useSyncExternalStore(entry.subscribe, entry.getSnapshot);
  useEffect(() => {
    if (entry.needsLoad()) entry.load();
  }, [entry]);
  return {
    loading: snapshot.loading,
    error: snapshot.error,
    value: snapshot.value,
    retry: entry.load,
  };
}

/** The per-source errors a section cares about. */
export function errorsFor(status: ClusterStatus, ...sources: StatusSource[]) {
  return status.errors.filter(e => sources.includes(e.source));
}
