import { memo } from 'react';
import { Flex, Text } from '@backstage/ui';
import { ClusterStatus, GatewayInfo } from '@internal/plugin-cilium-common';
import { ConditionBadge } from '../common/ConditionBadge';
import { ResourceItem } from '../common/ResourceItem';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { gatewaySnippet } from '../common/configSnippets';
import { PagedList } from '../common/PagedList';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { PAGE_SIZES, usePagedSearch } from '../common/usePagedSearch';
import { errorsFor } from '../common/useClusterStatus';

/** Lower-cased text the gateway search matches against. */
export function gatewaySearchText(g: GatewayInfo): string {
  return [
    g.namespace,
    g.name,
    `${g.namespace}/${g.name}`,
    g.gatewayClassName,
    ...g.addresses,
    ...g.listeners.flatMap(l => [l.name, l.hostname ?? '']),
  ]
    .join(' ')
    .toLocaleLowerCase('en-US');
}

const EMPTY: GatewayInfo[] = [];
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

/**
 * Gateways with class, addresses, listeners and Accepted/Programmed; search
 * and paging like the routes once there is more than one page of them.
 */
export const GatewaysBody = memo(({ status }: { status: ClusterStatus }) => {
  const errors = errorsFor(status, 'gateways', 'gatewayClasses');
  const gateways = status.gateways;
  const paged = usePagedSearch(gateways ?? EMPTY, gatewaySearchText);
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
      {gateways && gateways.length === 0 && (
        <div data-testid="gateways-empty">
          <Text as="p" variant="body-medium">
            No Gateways yet. Create one with{' '}
            <code>gatewayClassName: cilium</code> (Cilium's Gateway API support
            must be enabled: <code>gatewayAPI.enabled=true</code>):
          </Text>
          <ConfigSnippet code={gatewaySnippet()} label="Example Gateway" />
        </div>
      )}
      {gateways && gateways.length > 0 && (
        <PagedList
          noun="gateways"
          listLabel="Gateways"
          testId="gateways"
          placeholder="name, namespace, class, address, hostname"
          count={gateways.length}
          paged={paged}
          itemKey={gatewayKey}
          renderItem={renderGateway}
          minItemsForControls={PAGE_SIZES[0] + 1}
        />
      )}
    </>
  );
});
GatewaysBody.displayName = 'GatewaysBody';
