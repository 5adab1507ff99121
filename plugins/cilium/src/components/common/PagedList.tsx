import { Fragment, ReactNode } from 'react';
import { Flex, SearchField, TablePagination, Text } from '@backstage/ui';
import { PAGE_SIZES } from '../../hooks/usePagedSearch';

/**
 * What a paged list shows and how it pages: searched in the browser
 * (`usePagedSearch`) or by the backend (`useItemsPage`).
 */
export interface PagedView<T> {
  query: string;
  setQuery: (query: string) => void;
  /** The items on screen. */
  page: readonly T[];
  /** How many items match the query. */
  total: number;
  offset: number;
  pageSize: number;
  setPageSize: (size: number) => void;
  next: () => void;
  previous: () => void;
  /** The next page is on its way (the list says so with `aria-busy`). */
  loading?: boolean;
}

/**
 * A searchable, paged list: search field and count, the current page as a
 * `<ul>`, and the BUI pagination. Test hooks: `<testId>-search`,
 * `<testId>-count`, `<testId>-no-match`, `<testId>-pagination`.
 */
export function PagedList<T>(props: {
  /** What the items are, plural, lower case: "routes", "gateways". */
  noun: string;
  /** Accessible name of the `<ul>`. */
  listLabel: string;
  testId: string;
  placeholder: string;
  /** How many items there are before searching. */
  count: number;
  paged: PagedView<T>;
  itemKey: (item: T) => string;
  /** One `<li>` per item. */
  renderItem: (item: T) => ReactNode;
  /** Below this many items, no search or pagination (one short list). */
  minItemsForControls?: number;
}) {
  const { paged: p, count, noun, testId } = props;
  const controls = count >= (props.minItemsForControls ?? 0);
  const busy = p.loading || undefined;
  return (
    <>
      {controls && (
        <Flex justify="between" align="end" gap="3">
          <SearchField
            label={`Search ${noun}`}
            placeholder={props.placeholder}
            value={p.query}
            onChange={p.setQuery}
            data-testid={`${testId}-search`}
          />
          <Text
            variant="body-small"
            color="secondary"
            data-testid={`${testId}-count`}
            aria-live="polite"
          >
            {p.total === count
              ? `${count} ${noun}`
              : `${p.total} of ${count} ${noun} match`}
          </Text>
        </Flex>
      )}
      {p.total === 0 ? (
        <Text
          as="p"
          variant="body-small"
          data-testid={`${testId}-no-match`}
          aria-busy={busy}
        >
          No {noun.replace(/s$/, '')} matches “{p.query}”.
        </Text>
      ) : (
        <ul
          aria-label={props.listLabel}
          aria-busy={busy}
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            opacity: busy ? 0.7 : 1,
            transition: 'opacity 150ms ease-in 100ms',
          }}
        >
          {p.page.map(item => (
            <Fragment key={props.itemKey(item)}>
              {props.renderItem(item)}
            </Fragment>
          ))}
        </ul>
      )}
      {controls && (
        <div data-testid={`${testId}-pagination`}>
          <TablePagination
            pageSize={p.pageSize}
            pageSizeOptions={PAGE_SIZES}
            offset={p.offset}
            totalCount={p.total}
            hasNextPage={p.offset + p.pageSize < p.total}
            hasPreviousPage={p.offset > 0}
            onNextPage={p.next}
            onPreviousPage={p.previous}
            onPageSizeChange={p.setPageSize}
          />
        </div>
      )}
    </>
  );
}
