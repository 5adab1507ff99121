import { useDeferredValue, useEffect, useMemo, useState } from 'react';

export const PAGE_SIZES = [10, 25, 50];

/**
 * Search texts per item list and text function, built once per list (the
 * lists come from a status document, so once per document) and kept as long
 * as the list lives, whichever component asks.
 */
const indexes = new WeakMap<object, Map<Function, string[]>>();

/** The lower-cased search text of every item, built on first use. */
export function searchIndex<T>(
  items: readonly T[],
  searchText: (item: T) => string,
): string[] {
  let byFn = indexes.get(items);
  if (!byFn) {
    byFn = new Map();
    indexes.set(items, byFn);
  }
  let texts = byFn.get(searchText);
  if (!texts) {
    texts = items.map(searchText);
    byFn.set(searchText, texts);
  }
  return texts;
}

/** Whether the index of this list has been built already (for tests). */
export function hasSearchIndex<T>(
  items: readonly T[],
  searchText: (item: T) => string,
): boolean {
  return indexes.get(items)?.has(searchText) ?? false;
}

type IdleHandle = { cancel: () => void };

/** Runs `fn` when the browser is idle (or soon, where it cannot tell). */
function whenIdle(fn: () => void): IdleHandle {
  const w = globalThis as typeof globalThis & {
    requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(fn, { timeout: 2000 });
    return { cancel: () => w.cancelIdleCallback!(id) };
  }
  const id = setTimeout(fn, 200);
  return { cancel: () => clearTimeout(id) };
}

/** Items matching every whitespace-separated term of `query`. */
export function filterItems<T>(
  items: readonly T[],
  searchText: (item: T) => string,
  query: string,
): readonly T[] {
  const q = query.trim().toLocaleLowerCase('en-US');
  if (!q) return items;
  const terms = q.split(/\s+/);
  const texts = searchIndex(items, searchText);
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const text = texts[i];
    if (terms.every(t => text.includes(t))) out.push(items[i]);
  }
  return out;
}

/**
 * Search and paging over a long list, shared by the Gateways and HTTPRoutes
 * sections. Only the current page is handed to the renderer; filtering runs
 * on a deferred query so typing stays responsive; the search index is built
 * once per list, in idle time after the first paint (or on the first search
 * if that comes sooner).
 *
 * `searchText` must be a stable function (module level): it keys the index.
 */
export function usePagedSearch<T>(
  items: readonly T[],
  searchText: (item: T) => string,
) {
  const [query, setQuery] = useState('');
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [offset, setOffset] = useState(0);
  const deferredQuery = useDeferredValue(query);

  useEffect(() => {
    if (items.length === 0 || hasSearchIndex(items, searchText))
      return undefined;
    const idle = whenIdle(() => searchIndex(items, searchText));
    return idle.cancel;
  }, [items, searchText]);

  const filtered = useMemo(
    () => filterItems(items, searchText, deferredQuery),
    [items, searchText, deferredQuery],
  );

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
    /** How many items match the (deferred) query. */
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

export type PagedSearch<T> = ReturnType<typeof usePagedSearch<T>>;
