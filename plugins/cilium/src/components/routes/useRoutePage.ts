import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { HttpRouteInfo } from '@internal/plugin-cilium-common';
import { routeSearchText } from './describeRoute';

export const PAGE_SIZES = [10, 25, 50];

type IndexEntry = { route: HttpRouteInfo; text: string };

/**
 * Search and paging over many routes. The search index is built once per
 * route list, filtering runs on a deferred query, and only one page is
 * handed to the renderer.
 */
export function useRoutePage(routes: HttpRouteInfo[]) {
  const [query, setQuery] = useState('');
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [offset, setOffset] = useState(0);
  const deferredQuery = useDeferredValue(query);

  const q = deferredQuery.trim().toLocaleLowerCase('en-US');
  // The search index is built on the first search, once per route list, so
  // the first paint does not pay for it.
  const indexRef = useRef<{ routes: HttpRouteInfo[]; entries: IndexEntry[] }>();
  const filtered = useMemo(() => {
    if (!q) return routes;
    if (indexRef.current?.routes !== routes) {
      indexRef.current = {
        routes,
        entries: routes.map(r => ({ route: r, text: routeSearchText(r) })),
      };
    }
    const terms = q.split(/\s+/);
    return indexRef.current.entries
      .filter(e => terms.every(t => e.text.includes(t)))
      .map(e => e.route);
  }, [routes, q]);

  const safeOffset = offset < filtered.length ? offset : 0;
  const page = useMemo(
    () => filtered.slice(safeOffset, safeOffset + pageSize),
    [filtered, safeOffset, pageSize],
  );

  return {
    query,
    setQuery: (value: string) => {
      setQuery(value);
      setOffset(0);
    },
    page,
    total: filtered.length,
    offset: safeOffset,
    pageSize,
    setPageSize: (size: number) => {
      setPageSize(size);
      setOffset(0);
    },
    next: () => setOffset(safeOffset + pageSize),
    previous: () => setOffset(Math.max(0, safeOffset - pageSize)),
  };
}
