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

function byNamespaceAndName(a: NamespacedItem, b: NamespacedItem): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

/**
 * A large section of a status snapshot (Gateways, HTTPRoutes), kept for
 * paging: each item serialized once, beside its lower-cased search text,
 * sorted by namespace, then name. A page is a filter over the search texts
 * and a join of the selected JSON: nothing is parsed or stringified per
 * request, and the index holds strings, not object graphs.
 *
 * The strings are made on the first page request (or the first write to
 * the shared cache), not while the status document is read: a status
 * request pays only for mapping and counting, and a snapshot nobody pages
 * through never pays for serializing thousands of items.
 */
export class ItemIndex<T> {
  /** Only for typing: what the JSON holds. */
  declare readonly itemType?: T;

  /** Makes the strings, until they are made. */
  private pending?: () => StoredIndex;
  private strings: StoredIndex = { json: [], search: [] };

  private constructor(readonly count: number) {}

  /** An index of mapped items, serialized on first use. */
  static of<T extends NamespacedItem>(
    items: T[],
    searchText: (item: T) => string,
  ): ItemIndex<T> {
    const index = new ItemIndex<T>(items.length);
    index.pending = () => {
      const sorted = [...items].sort(byNamespaceAndName);
      return {
        json: sorted.map(i => JSON.stringify(i)),
        search: sorted.map(searchText),
      };
    };
    return index;
  }

  static fromStored<T>(stored: StoredIndex): ItemIndex<T> {
    if (stored.json.length !== stored.search.length) {
      throw new Error('Stored index is inconsistent');
    }
    const index = new ItemIndex<T>(stored.json.length);
    index.strings = stored;
    return index;
  }

  private built(): StoredIndex {
    if (this.pending) {
      this.strings = this.pending();
      this.pending = undefined;
    }
    return this.strings;
  }

  toStored(): StoredIndex {
    const { json, search } = this.built();
    return { json, search };
  }

  /** Items matching every term of `q`, from `offset`, at most `limit`. */
  page(q: string | undefined, offset: number, limit: number): IndexPage {
    const { json, search } = this.built();
    const terms = searchTerms(q);
    const selected: string[] = [];
    let total = 0;
    const end = offset + limit;
    for (let i = 0; i < json.length; i++) {
      if (terms.length > 0 && !matchesTerms(search[i], terms)) continue;
      if (total >= offset && total < end) selected.push(json[i]);
      total++;
    }
    return { total, count: json.length, itemsJson: `[${selected.join(',')}]` };
  }
}
