import { memo, useCallback } from 'react';
import { Text } from '@backstage/ui';
import {
  ClusterStatus,
  HttpRouteCounts,
  HttpRouteInfo,
} from '@internal/plugin-cilium-common';
import { ItemsPageList } from '../common/ItemsPageList';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { ItemsSource, useItemsPage } from '../../hooks/useItemsPage';
import { errorsFor } from '../../hooks/useClusterStatus';
import { RouteItem } from './RouteItem';

const routeKey = (r: HttpRouteInfo) => `${r.namespace}/${r.name}`;

const routePages: ItemsSource<HttpRouteInfo> = {
  id: 'httproutes',
  getPage: (api, cluster, options) => api.getHttpRoutes(cluster, options),
};

/** "2 not accepted · 1 with unresolved refs"; empty when all are fine. */
export function routeHealthText(c: HttpRouteCounts): string {
  return [
    c.notAccepted > 0 && `${c.notAccepted} not accepted`,
    c.unresolvedRefs > 0 && `${c.unresolvedRefs} with unresolved refs`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * HTTPRoutes: the counts come with the status document, the routes a page
 * at a time from the backend, which searches them too.
 */
export const HttpRoutesBody = memo(
  ({ status, entityRef }: { status: ClusterStatus; entityRef?: string }) => {
    const counts = status.httpRouteCounts;
    const renderRoute = useCallback(
      (r: HttpRouteInfo) => <RouteItem route={r} entityRef={entityRef} />,
      [entityRef],
    );
    const paged = useItemsPage(
      routePages,
      status.cluster,
      status.generatedAt,
      (counts?.total ?? 0) > 0,
    );
    const health = counts ? routeHealthText(counts) : '';
    return (
      <>
        {errorsFor(status, 'httpRoutes').map(e => (
          <SourceErrorAlert key={e.source} error={e} what="HTTPRoutes" />
        ))}
        {counts && counts.total === 0 && (
          <Text as="p" variant="body-medium" data-testid="routes-empty">
            No HTTPRoutes yet. Attach one to a Gateway with{' '}
            <code>parentRefs</code> to route traffic to your Services.
          </Text>
        )}
        {health && (
          <Text
            variant="body-small"
            color="warning"
            data-testid="routes-health"
          >
            {health}
          </Text>
        )}
        {counts && counts.total > 0 && (
          <ItemsPageList
            paged={paged}
            cluster={status.cluster}
            title="HTTPRoutes"
            noun="routes"
            listLabel="HTTPRoutes"
            testId="routes"
            placeholder="name, namespace, hostname, backend"
            itemKey={routeKey}
            renderItem={renderRoute}
          />
        )}
      </>
    );
  },
);
HttpRoutesBody.displayName = 'HttpRoutesBody';
