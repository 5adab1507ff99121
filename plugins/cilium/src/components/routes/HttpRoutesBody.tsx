import { memo } from 'react';
import { Text } from '@backstage/ui';
import { ClusterStatus, HttpRouteInfo } from '@internal/plugin-cilium-common';
import { PagedList } from '../common/PagedList';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { usePagedSearch } from '../common/usePagedSearch';
import { errorsFor } from '../common/useClusterStatus';
import { routeSearchText } from './describeRoute';
import { RouteItem } from './RouteItem';

const EMPTY: HttpRouteInfo[] = [];
const routeKey = (r: HttpRouteInfo) => `${r.namespace}/${r.name}`;
const renderRoute = (r: HttpRouteInfo) => <RouteItem route={r} />;

/** HTTPRoutes with search and paging; only the current page is rendered. */
export const HttpRoutesBody = memo(({ status }: { status: ClusterStatus }) => {
  const routes = status.httpRoutes ?? EMPTY;
  const paged = usePagedSearch(routes, routeSearchText);
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
        <PagedList
          noun="routes"
          listLabel="HTTPRoutes"
          testId="routes"
          placeholder="name, namespace, hostname, backend"
          count={routes.length}
          paged={paged}
          itemKey={routeKey}
          renderItem={renderRoute}
        />
      )}
    </>
  );
});
HttpRoutesBody.displayName = 'HttpRoutesBody';
