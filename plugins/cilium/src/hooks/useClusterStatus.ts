import { useEffect, useRef } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { ClusterStatus, StatusSource } from '@internal/plugin-cilium-common';
import { mutate, unstable_serialize, useSWRConfig } from 'swr';
import { CiliumApi, ciliumApiRef } from '../api/CiliumApi';
import { cacheKey, useApiQuery } from './useApiQuery';

export interface StatusState {
  loading: boolean;
  error?: Error;
  value?: ClusterStatus;
  retry: () => void;
}

/** A mount within this long of the last answer reuses it without asking. */
export const DEDUPE_MS = 2_000;
/** An answer older than this is not shown while a newer one loads. */
export const MAX_STALE_MS = 5 * 60_000;
/** Documents kept per app (each can be megabytes), least recently used out. */
export const MAX_CLUSTERS = 4;

/** A status document with when it arrived. */
interface Kept {
  value: ClusterStatus;
  at: number;
}

const statusKey = (api: CiliumApi, cluster: string) =>
  cacheKey(api, ['cilium', 'status', cluster]);

/**
 * Asks for the document; an answer equal to `previous` (the browser's 304)
 * keeps its object, so sections (memo) do not re-render, with a new arrival
 * time.
 */
async function loadKept(
  api: CiliumApi,
  cluster: string,
  previous?: Kept,
  same?: (a: ClusterStatus, b: ClusterStatus) => boolean,
): Promise<Kept> {
  const value = await api.getClusterStatus(cluster);
  const kept = previous && same?.(previous.value, value);
  return { value: kept ? previous.value : value, at: Date.now() };
}

/**
 * Asks for `cluster`'s status document again (a page is newer than it) and
 * puts the answer in the cache, for every component showing it; a failure
 * leaves the document on screen.
 */
export function reloadClusterStatus(api: CiliumApi, cluster: string) {
  mutate(statusKey(api, cluster), loadKept(api, cluster), {
    revalidate: false,
  }).catch(() => undefined);
}

/** Kept documents, least recently shown first, with how many show each. */
const shown = new Map<string, number>();

/**
 * A cluster's status document; sections read their parts from it. It lives
 * in the one SWR cache (see useApiQuery): the tab and the entity cards
 * mounting together share one request; coming back to the tab renders the
 * kept document at once while it is revalidated (an unchanged document costs
 * a 304 the browser answers from its HTTP cache, and no section re-renders);
 * a document from long ago or a failure is not shown again: the skeleton
 * shows until the new answer arrives.
 */
export function useClusterStatus(cluster: string): StatusState {
  const api = useApi(ciliumApiRef);
  const { cache, compare } = useSWRConfig();
  const id = unstable_serialize(statusKey(api, cluster));
  const kept = cache.get(id)?.data as Kept | undefined;
  const now = Date.now();
  const revalidateOnMount = !kept || now - kept.at > DEDUPE_MS;
  const query = useApiQuery(
    api,
    ['cilium', 'status', cluster],
    a => loadKept(a, cluster, cache.get(id)?.data as Kept | undefined, compare),
    {
      // Deduplicated here, by the age of the answer (SWR's own interval
      // would also skip a mount after a failure).
      dedupingInterval: 0,
      revalidateOnMount,
      keepPreviousData: false,
    },
  );
  // With a kept answer to show, SWR starts the mount's request a frame later
  // (swr 2.x use-swr.ts: `rAF(softRevalidate)`); until it starts, that
  // request counts as on its way, so a document from long ago never shows.
  const mount = useRef({ id, waiting: revalidateOnMount });
  if (mount.current.id !== id)
    mount.current = { id, waiting: revalidateOnMount };
  if (query.loading) mount.current.waiting = false;
  const loading = query.loading || mount.current.waiting;

  useEffect(() => {
    shown.set(id, (shown.get(id) ?? 0) + 1);
    return () => {
      const n = (shown.get(id) ?? 1) - 1;
      shown.delete(id);
      shown.set(id, n); // most recently shown last
      for (const [key, count] of shown) {
        if (shown.size <= MAX_CLUSTERS) break;
        if (count === 0) {
          shown.delete(key);
          cache.delete(key);
        }
      }
    };
  }, [cache, id]);

  const doc = query.value;
  const stale = loading && doc && now - doc.at > MAX_STALE_MS;
  return {
    loading,
    // A failure shows until someone asks again; then the skeleton does.
    error: loading ? undefined : query.error,
    value: stale ? undefined : doc?.value,
    retry: query.retry,
  };
}

/** The per-source errors a section cares about. */
export function errorsFor(status: ClusterStatus, ...sources: StatusSource[]) {
  return status.errors.filter(e => sources.includes(e.source));
}
