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
 * cut from the same snapshot as the status document whose `generatedAt` it
 * carries, so counts and pages agree.
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
