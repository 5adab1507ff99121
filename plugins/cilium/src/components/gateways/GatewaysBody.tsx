import { memo } from 'react';
import { Flex, Text } from '@backstage/ui';
import {
  ClusterStatus,
  GatewayCounts,
  GatewayInfo,
} from '@internal/plugin-cilium-common';
import { ConditionBadge } from '../common/ConditionBadge';
import { ResourceItem } from '../common/ResourceItem';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { gatewaySnippet } from '../common/configSnippets';
import { ItemsPageList } from '../common/ItemsPageList';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { PAGE_SIZES } from '../../hooks/usePagedSearch';
import { ItemsSource, useItemsPage } from '../../hooks/useItemsPage';
import { errorsFor } from '../../hooks/useClusterStatus';

const gatewayKey = (g: GatewayInfo) => `${g.namespace}/${g.name}`;

const GatewayItem = memo(({ gateway }: { gateway: GatewayInfo }) => {
  const id = `${gateway.namespace}/${gateway.name}`;
  return (
    <ResourceItem
      testId="gateway-item"
      kind="Gateway"
      id={id}
      summary={
        <>
          <Text variant="body-small" color="secondary">
            class {gateway.gatewayClassName}
          </Text>
          <Text variant="body-small" data-testid="gateway-addresses">
            {gateway.addresses.length > 0
              ? gateway.addresses.join(', ')
              : 'no address assigned'}
          </Text>
        </>
      }
    >
      <Flex gap="4">
        <ConditionBadge type="Accepted" conditions={gateway.conditions} />
        <ConditionBadge type="Programmed" conditions={gateway.conditions} />
      </Flex>
      <ul
        aria-label={`Listeners of ${id}`}
        style={{ margin: 0, paddingLeft: 'var(--bui-space-4)' }}
      >
        {gateway.listeners.map(l => (
          <li key={l.name} data-testid="gateway-listener">
            <Text variant="body-small">
              {l.name}: {l.protocol}/{l.port}
              {l.hostname ? ` ${l.hostname}` : ''} · {l.attachedRoutes} attached{' '}
              {l.attachedRoutes === 1 ? 'route' : 'routes'}
              {l.certificateRefs.length > 0
                ? ` · TLS ${l.certificateRefs.join(', ')}`
                : ''}
            </Text>
          </li>
        ))}
      </ul>
    </ResourceItem>
  );
});
GatewayItem.displayName = 'GatewayItem';
const renderGateway = (g: GatewayInfo) => <GatewayItem gateway={g} />;

const gatewayPages: ItemsSource<GatewayInfo> = {
  id: 'gateways',
  getPage: (api, cluster, options) => api.getGateways(cluster, options),
};

/** "2 not accepted · 1 not programmed"; empty when all are fine. */
export function gatewayHealthText(c: GatewayCounts): string {
  return [
    c.notAccepted > 0 && `${c.notAccepted} not accepted`,
    c.notProgrammed > 0 && `${c.notProgrammed} not programmed`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Gateways with class, addresses, listeners and Accepted/Programmed; the
 * counts come with the status document, the Gateways a page at a time from
 * the backend, with search and paging once there is more than one page.
 */
export const GatewaysBody = memo(({ status }: { status: ClusterStatus }) => {
  const errors = errorsFor(status, 'gateways', 'gatewayClasses');
  const counts = status.gatewayCounts;
  const paged = useItemsPage(
    gatewayPages,
    status.cluster,
    status.generatedAt,
    (counts?.total ?? 0) > 0,
  );
  const health = counts ? gatewayHealthText(counts) : '';
  return (
    <>
      {errors.map(e => (
        <SourceErrorAlert key={e.source} error={e} what="Gateways" />
      ))}
      {status.gatewayClasses && status.gatewayClasses.length > 0 && (
        <Flex gap="3" data-testid="gateway-classes">
          <Text variant="body-small" color="secondary">
            GatewayClasses:
          </Text>
          {status.gatewayClasses.map(c => (
            <Flex key={c.name} gap="1">
              <Text variant="body-small">
                {c.name} ({c.controllerName})
              </Text>
              <ConditionBadge type="Accepted" conditions={c.conditions} />
            </Flex>
          ))}
        </Flex>
      )}
      {counts && counts.total === 0 && (
        <div data-testid="gateways-empty">
          <Text as="p" variant="body-medium">
            No Gateways yet. Create one with{' '}
            <code>gatewayClassName: cilium</code> (Cilium's Gateway API support
            must be enabled: <code>gatewayAPI.enabled=true</code>):
          </Text>
          <ConfigSnippet code={gatewaySnippet()} label="Example Gateway" />
        </div>
      )}
      {health && (
        <Text
          variant="body-small"
          color="warning"
          data-testid="gateways-health"
        >
          {health}
        </Text>
      )}
      {counts && counts.total > 0 && (
        <ItemsPageList
          paged={paged}
          cluster={status.cluster}
          title="Gateways"
          noun="gateways"
          listLabel="Gateways"
          testId="gateways"
          placeholder="name, namespace, class, address, hostname"
          itemKey={gatewayKey}
          renderItem={renderGateway}
          minItemsForControls={PAGE_SIZES[0] + 1}
        />
      )}
    </>
  );
});
GatewaysBody.displayName = 'GatewaysBody';
