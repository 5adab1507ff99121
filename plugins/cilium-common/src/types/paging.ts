import { SourceError } from './errors';

/**
 * Query of the paged Gateways and HTTPRoutes routes. `q` holds
 * whitespace-separated terms; an item matches when its search text (see
 * `search.ts`) contains every term, case-insensitively.
 */
export interface ItemsQuery {
  q?: string;
  /** 0-based index of the first matching item returned. */
  offset: number;
  /** How many items at most: 1..ITEMS_LIMIT_MAX. */
  limit: number;
}

/**
 * One page of a large section of a cluster's status (Gateways, HTTPRoutes),
 * cut from a cached snapshot of the cluster, the same one the status
 * document comes from while the backend's cache holds it: then both carry
 * the same `generatedAt` and their counts agree. A page whose `generatedAt`
 * is newer than the document on screen comes from a newer read (the cache
 * expired): reload the document to catch up.
 */
export interface ItemsPage<T> {
  cluster: string;
  /** The snapshot's time: the status document's `generatedAt`. */
  generatedAt: string;
  query: ItemsQuery;
  /** Items matching `q` (all items when `q` is empty). */
  total: number;
  /** Items before searching. */
  count: number;
  /** The matching items from `offset`, at most `limit`, sorted by namespace/name. */
  items: T[];
  /** Set when the source could not be read; `items` is then empty. */
  error?: SourceError;
}

/** Bounds and default of the `limit` query parameter of paged routes. */
export const ITEMS_LIMIT_MAX = 100;
export const ITEMS_LIMIT_DEFAULT = 10;
/** Longest accepted search text `q`. */
export const ITEMS_QUERY_MAX_LENGTH = 200;
