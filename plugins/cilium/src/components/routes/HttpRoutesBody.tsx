import { Flex, SearchField, TablePagination, Text } from '@backstage/ui';
import { ClusterStatus, HttpRouteInfo } from '@internal/plugin-cilium-common';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { errorsFor } from '../common/useClusterStatus';
import { RouteItem } from './RouteItem';
import { PAGE_SIZES, useRoutePage } from './useRoutePage';

const EMPTY: HttpRouteInfo[] = [];

/** HTTPRoutes with search and paging; only the current page is rendered. */
export const HttpRoutesBody = ({ status }: { status: ClusterStatus }) => {
  const routes = status.httpRoutes ?? EMPTY;
  const p = useRoutePage(routes);
  return (
    <>
      {errorsFor(status, 'httpRoutes').map(e => (
        <SourceErrorAlert key={e.source} error={e} what="HTTPRoutes" />
      ))}
      {status.httpRoutes && routes.length === 0 && (
        <Text as="p" variant="body-medium" data-testid="routes-empty">
          No HTTPRoutes yet. Attach one to a Gateway with{' '}
          <code>parentRefs</code> to route traffic to your Services.
        </Text>
      )}
      {routes.length > 0 && (
        <>
          <Flex justify="between" align="end" gap="3">
            <SearchField
              label="Search routes"
              placeholder="name, namespace, hostname, backend"
              value={p.query}
              onChange={p.setQuery}
              data-testid="routes-search"
            />
            <Text
              variant="body-small"
              color="secondary"
              data-testid="routes-count"
              aria-live="polite"
            >
              {p.total === routes.length
                ? `${routes.length} routes`
                : `${p.total} of ${routes.length} routes match`}
            </Text>
          </Flex>
          {p.total === 0 ? (
            <Text as="p" variant="body-small" data-testid="routes-no-match">
              No route matches “{p.query}”.
            </Text>
          ) : (
            <ul
              aria-label="HTTPRoutes"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {p.page.map(r => (
                <RouteItem key={`${r.namespace}/${r.name}`} route={r} />
              ))}
            </ul>
          )}
          <div data-testid="routes-pagination">
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
        </>
      )}
    </>
  );
};
