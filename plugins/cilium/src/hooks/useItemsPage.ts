import { useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  ITEMS_QUERY_MAX_LENGTH,
  ItemsPage,
  searchTerms,
} from '@internal/plugin-cilium-common';
import { CiliumApi, GetItemsOptions, ciliumApiRef } from '../api/CiliumApi';
import { PAGE_SIZES } from './usePagedSearch';
import { reloadClusterStatus } from './useClusterStatus';

/** Typing pauses this long before the query is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/** A paged section of a cluster's status: its name and how to read a page. */
export interface ItemsSource<T> {
  /** Keys the kept first pages: "gateways", "httproutes". */
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
const isFirstPage = (r: ItemsRequest) =>
  r.q === '' && r.offset === 0 && r.limit === FIRST_PAGE.limit;

/**
 * The query as sent: its terms, lower-cased and single-spaced, within the
 * backend's bound. Queries that search the same (`Foo  bar`, `foo bar `)
 * are one request, one kept page.
 */
export function normaliseQuery(query: string): string {
  return searchTerms(query.slice(0, ITEMS_QUERY_MAX_LENGTH)).join(' ');
}

/**
 * The last unsearched first page of each section, per API instance, so
 * coming back to the tab renders it at once (when it is from the status
 * document on screen) while it is revalidated.
 */
const firstPages = new WeakMap<CiliumApi, Map<string, ItemsPage<unknown>>>();
const MAX_FIRST_PAGES = 8;

function keptFirstPage<T>(
  api: CiliumApi,
  key: string,
  generatedAt: string,
): ItemsPage<T> | undefined {
  const page = firstPages.get(api)?.get(key);
  return page?.generatedAt === generatedAt ? (page as ItemsPage<T>) : undefined;
}

function keepFirstPage(api: CiliumApi, key: string, page: ItemsPage<unknown>) {
  let pages = firstPages.get(api);
  if (!pages) {
    pages = new Map();
    firstPages.set(api, pages);
  }
  pages.delete(key);
  pages.set(key, page);
  for (const oldest of pages.keys()) {
    if (pages.size <= MAX_FIRST_PAGES) break;
    pages.delete(oldest);
  }
}

interface PageState<T> {
  value?: ItemsPage<T>;
  error?: Error;
  loading: boolean;
}

const NO_ITEMS: never[] = [];

/**
 * Search and paging done by the backend (Gateways, HTTPRoutes): the query
 * is sent once typing pauses; a new query or page size starts from page
 * one; the page on screen stays while the next one loads; a superseded
 * request is aborted; a new status document (`generatedAt`) asks for the
 * page again, and a page from a newer snapshot than the document reloads
 * the document, so the page agrees with the counts beside it.
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
  const key = `${source.id}\n${cluster}`;
  const [query, setQuery] = useState('');
  const [request, setRequest] = useState(FIRST_PAGE);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PageState<T>>(() => ({
    value: keptFirstPage<T>(api, key, generatedAt),
    loading: enabled,
  }));

  useEffect(() => {
    const q = normaliseQuery(query);
    const timer = setTimeout(
      () => setRequest(r => (r.q === q ? r : { ...r, q, offset: 0 })),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    setState(s => (s.loading ? s : { ...s, loading: true }));
    source
      .getPage(api, cluster, {
        ...(request.q && { q: request.q }),
        offset: request.offset,
        limit: request.limit,
        signal: controller.signal,
      })
      .then(
        value => {
          if (controller.signal.aborted) return;
          if (isFirstPage(request)) keepFirstPage(api, key, value);
          setState({ value, loading: false });
        },
        error => {
          if (controller.signal.aborted) return;
          setState(s => ({ value: s.value, error, loading: false }));
        },
      );
    return () => controller.abort();
  }, [api, source, key, cluster, generatedAt, request, attempt, enabled]);

  // A newer snapshot with fewer matches than the offset: back to page one.
  const { value, loading } = state;
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
    error: state.error,
    retry: () => setAttempt(a => a + 1),
  };
}

export type ItemsPaged<T> = ReturnType<typeof useItemsPage<T>>;
