import { memo } from 'react';
import { Flex, Text } from '@backstage/ui';
import { HttpRouteInfo } from '@internal/plugin-cilium-common';
import { ConditionBadge } from '../common/ConditionBadge';
import { ResourceItem } from '../common/ResourceItem';
import { describeFilter, describeMatch, describeParent } from './describeRoute';
import { ShiftTrafficLink } from '../gitLive/ShiftTrafficLink';
import { WeightBar } from './WeightBar';

/** Whether a route splits traffic: some rule has two backends or more. */
const splitsTraffic = (route: HttpRouteInfo) =>
  route.rules.some(rule => rule.backendRefs.length > 1);

/**
 * One HTTPRoute: hostnames, parents with status, then each rule. With the
 * cluster's entity ref, a route that splits traffic offers "Shift traffic"
 * (the change template, pre-filled for this route; it reads the weights in
 * Git and shows the diff before anything is written).
 */
export const RouteItem = memo(
  ({ route, entityRef }: { route: HttpRouteInfo; entityRef?: string }) => {
    const id = `${route.namespace}/${route.name}`;
    return (
      <ResourceItem
        testId="route-item"
        kind="HTTPRoute"
        id={id}
        summary={
          <Flex gap="3" align="center" style={{ flexWrap: 'wrap' }}>
            <Text
              variant="body-small"
              color="secondary"
              data-testid="route-hostnames"
            >
              {route.hostnames.length > 0
                ? route.hostnames.join(', ')
                : 'any hostname'}
            </Text>
            {entityRef && splitsTraffic(route) && (
              <ShiftTrafficLink
                entityRef={entityRef}
                route={id}
                testId="route-shift-traffic"
              />
            )}
          </Flex>
        }
      >
        {route.parents.length === 0 && (
          <Text variant="body-small" color="warning">
            Not accepted by Cilium yet (no status from
            io.cilium/gateway-controller); parents:{' '}
            {route.parentRefs
              .map(p => describeParent(p, route.namespace))
              .join(', ')}
          </Text>
        )}
        {route.parents.map((p, i) => (
          <Flex key={i} gap="3" data-testid="route-parent">
            <Text variant="body-small">
              → {describeParent(p.parentRef, route.namespace)}
            </Text>
            <ConditionBadge type="Accepted" conditions={p.conditions} />
            <ConditionBadge type="ResolvedRefs" conditions={p.conditions} />
          </Flex>
        ))}
        <ol
          aria-label={`Rules of ${id}`}
          style={{ margin: 0, paddingLeft: 'var(--bui-space-4)' }}
        >
          {route.rules.map((rule, i) => (
            <li key={i} data-testid="route-rule">
              <Flex direction="column" gap="1">
                <Text variant="body-small">
                  <strong>match</strong>{' '}
                  {rule.matches.length > 0
                    ? rule.matches.map(describeMatch).join(' | ')
                    : 'PathPrefix / (default)'}
                </Text>
                {rule.filters.length > 0 && (
                  <ul
                    aria-label="Filters"
                    style={{ margin: 0, paddingLeft: 'var(--bui-space-4)' }}
                  >
                    {rule.filters.flatMap(describeFilter).map((line, j) => (
                      <li key={j} data-testid="route-filter">
                        <Text variant="body-small">{line}</Text>
                      </li>
                    ))}
                  </ul>
                )}
                <WeightBar backends={rule.backendRefs} />
              </Flex>
            </li>
          ))}
        </ol>
      </ResourceItem>
    );
  },
);
RouteItem.displayName = 'RouteItem';
