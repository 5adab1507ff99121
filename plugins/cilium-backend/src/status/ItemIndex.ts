import { matchesTerms, searchTerms } from '@internal/plugin-cilium-common';

/** A page cut from an index: its items already serialized. */
export interface IndexPage {
  /** Items matching the query. */
  total: number;
  /** Items in the index. */
  count: number;
  /** JSON array of the page's items. */
  itemsJson: string;
}

/** What an index holds: namespaced objects. */
export interface NamespacedItem {
  namespace: string;
  name: string;
}

/** An index as it travels through the core cache (plain JSON). */
export interface StoredIndex {
  json: string[];
  search: string[];
}

/**
 * A large section of a status snapshot (Gateways, HTTPRoutes), kept for
 * paging: each item serialized once, beside its lower-cased search text,
 * sorted by namespace/name. A page is a filter over the search texts and a
 * join of the selected JSON; no item is parsed or stringified per request,
 * and a snapshot holds strings, not object graphs.
 */
export class ItemIndex<T> {
  /** Only for typing: what the JSON holds. */
  declare readonly itemType?: T;

  private constructor(
    private readonly json: string[],
    private readonly search: string[],
  ) {}

  get count(): number {
    return this.json.length;
  }

  static fromStored<T>(stored: StoredIndex): ItemIndex<T> {
    if (stored.json.length !== stored.search.length) {
      throw new Error('Stored index is inconsistent');
    }
    return new ItemIndex<T>(stored.json, stored.search);
  }

  toStored(): StoredIndex {
    return { json: this.json, search: this.search };
  }

  /** Items matching every term of `q`, from `offset`, at most `limit`. */
  page(q: string | undefined, offset: number, limit: number): IndexPage {
    const terms = searchTerms(q);
    const selected: string[] = [];
    let total = 0;
    const end = offset + limit;
    for (let i = 0; i < this.json.length; i++) {
      if (terms.length > 0 && !matchesTerms(this.search[i], terms)) continue;
      if (total >= offset && total < end) selected.push(this.json[i]);
      total++;
    }
    return {
      total,
      count: this.json.length,
      itemsJson: `[${selected.join(',')}]`,
    };
  }
}

function byKey(a: { key: string }, b: { key: string }): number {
  if (a.key === b.key) return 0;
  return a.key < b.key ? -1 : 1;
}

/**
 * Builds an index item by item, as LIST pages arrive: each item is
 * serialized on arrival (overlapping the wait for the next page), so the
 * mapped objects die young.
 */
export class ItemIndexBuilder<T extends NamespacedItem> {
  private readonly rows: { key: string; json: string; search: string }[] = [];

  constructor(private readonly searchText: (item: T) => string) {}

  add(item: T) {
    this.rows.push({
      // NUL sorts before every DNS-1123 character: namespace first, then name.
      key: `${item.namespace}\u0000${item.name}`,
      json: JSON.stringify(item),
      search: this.searchText(item),
    });
  }

  build(): ItemIndex<T> {
    const rows = this.rows;
    rows.sort(byKey);
    return ItemIndex.fromStored<T>({
      json: rows.map(r => r.json),
      search: rows.map(r => r.search),
    });
  }
}

/** An index of items, sorted by namespace, then name. */
export function indexItems<T extends NamespacedItem>(
  items: Iterable<T>,
  searchText: (item: T) => string,
): ItemIndex<T> {
  const builder = new ItemIndexBuilder(searchText);
  for (const item of items) builder.add(item);
  return builder.build();
}
