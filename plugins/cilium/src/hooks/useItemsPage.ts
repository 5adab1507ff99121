import { useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import useSWR from 'swr';
import {
  ITEMS_QUERY_MAX_LENGTH,
  ItemsPage,
  searchTerms,
} from '@internal/plugin-cilium-common';
import { CiliumApi, GetItemsOptions, ciliumApiRef } from '../api/CiliumApi';
import { PAGE_SIZES } from './usePagedSearch';
import { reloadClusterStatus } from './useClusterStatus';
import { SWR_OPTIONS, cacheKey } from './useApiQuery';

/** Typing pauses this long before the query is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/** A paged section of a cluster's status: its name and how to read a page. */
export interface ItemsSource<T> {
  /** Part of the pages' cache keys: "gateways", "httproutes". */
  id: string;
  getPage(
    api: CiliumApi,
    cluster: string,
    options: GetItemsOptions,
  ): Promise<ItemsPage<T>>;
}

interface ItemsRequest {
  /** Normalised (see {@link normaliseQuery}); '' for all items. */
  q: string;
  offset: number;
  limit: number;
}

const FIRST_PAGE: ItemsRequest = { q: '', offset: 0, limit: PAGE_SIZES[0] };

/**
 * The query as sent: its terms, lower-cased and single-spaced, within the
 * backend's bound. Queries that search the same (`Foo  bar`, `foo bar `)
 * are one request, one kept page.
 */
export function normaliseQuery(query: string): string {
  return searchTerms(query.slice(0, ITEMS_QUERY_MAX_LENGTH)).join(' ');
}

/**
 * A request this hook gave up on (its key changed): not a failure to show.
 * By name: fetch rejects with a DOMException, which is not always an Error.
 */
const isAbort = (error: unknown) =>
  (error as { name?: unknown } | undefined)?.name === 'AbortError';

const NO_ITEMS: never[] = [];

/**
 * Search and paging done by the backend (Gateways, HTTPRoutes), on the one
 * SWR cache (see useApiQuery): each page is kept under its cluster, status
 * document (`generatedAt`), query, offset and size, so coming back to the
 * tab renders the page it had at once while it is revalidated, and a new
 * status document asks again. The query is sent once typing pauses; a new
 * query or page size starts from page one; the page on screen stays while
 * the next one loads (`keepPreviousData`); the request for a key this hook
 * has left is aborted (SWR only shows the current key's answer, so a late
 * one never reaches the screen anyway); a page from a newer snapshot than
 * the document reloads the document, so the page agrees with the counts
 * beside it.
 *
 * `source` must be stable (module level). With `enabled` false (no items,
 * or the source failed) nothing is requested.
 */
export function useItemsPage<T>(
  source: ItemsSource<T>,
  cluster: string,
  generatedAt: string,
  enabled: boolean,
) {
  const api = useApi(ciliumApiRef);
  const [query, setQuery] = useState('');
  const [request, setRequest] = useState(FIRST_PAGE);

  useEffect(() => {
    const q = normaliseQuery(query);
    const timer = setTimeout(
      () => setRequest(r => (r.q === q ? r : { ...r, q, offset: 0 })),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [query]);

  const key = enabled
    ? cacheKey(api, [
        'cilium',
        source.id,
        cluster,
        generatedAt,
        request.q,
        request.offset,
        request.limit,
      ])
    : null;
  const id = key && key.join('\n');

  // This hook's request in flight, by key. Aborted when the key moves on,
  // not on unmount: an answer on its way still fills the cache for the
  // next mount. One hook reads each section, so no other reader shares it.
  const inFlight = useRef<{ id: string; controller: AbortController }>();
  useEffect(() => {
    const current = inFlight.current;
    if (current && current.id !== id) {
      current.controller.abort();
      inFlight.current = undefined;
    }
  }, [id]);

  const { data, error, isValidating, mutate } = useSWR<ItemsPage<T>, Error>(
    key,
    () => {
      const controller = new AbortController();
      inFlight.current?.controller.abort();
      inFlight.current = { id: id!, controller };
      return source.getPage(api, cluster, {
        ...(request.q && { q: request.q }),
        offset: request.offset,
        limit: request.limit,
        signal: controller.signal,
      });
    },
    SWR_OPTIONS,
  );
  const value = enabled ? data : undefined;
  const loading = enabled && isValidating;

  // A newer snapshot with fewer matches than the offset: back to page one.
  useEffect(() => {
    if (
      !loading &&
      value &&
      request.offset > 0 &&
      request.offset >= value.total
    )
      setRequest(r => ({ ...r, offset: 0 }));
  }, [loading, value, request.offset]);

  // A page cut from a newer snapshot than the document on screen (the
  // backend's cache expired and the page request read the cluster again):
  // reload the document, once per snapshot, so the counts catch up.
  const caughtUp = useRef('');
  const pageTime = value?.generatedAt;
  useEffect(() => {
    if (!pageTime || pageTime <= generatedAt || caughtUp.current === pageTime)
      return;
    caughtUp.current = pageTime;
    reloadClusterStatus(api, cluster);
  }, [api, cluster, generatedAt, pageTime]);

  return {
    /** What the search box holds. */
    query,
    setQuery,
    /** The items on screen: the last page that arrived. */
    page: value?.items ?? (NO_ITEMS as T[]),
    /** How many items match the query of the page on screen. */
    total: value?.total ?? 0,
    /** How many items there are before searching. */
    count: value?.count ?? 0,
    offset: request.offset,
    pageSize: request.limit,
    setPageSize: (limit: number) =>
      setRequest(r => ({ ...r, limit, offset: 0 })),
    next: () => setRequest(r => ({ ...r, offset: r.offset + r.limit })),
    previous: () =>
      setRequest(r => ({ ...r, offset: Math.max(0, r.offset - r.limit) })),
    /** A page is on its way, or typing has not paused yet. */
    loading: loading || normaliseQuery(query) !== request.q,
    /** Whether a page has arrived yet (before: nothing to show). */
    loaded: value !== undefined,
    /** The last request's failure (the page on screen is an older one). */
    error: enabled && !isAbort(error) ? error : undefined,
    retry: () => {
      mutate();
    },
  };
}

export type ItemsPaged<T> = ReturnType<typeof useItemsPage<T>>;
