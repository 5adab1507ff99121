import { Flex, Text } from '@backstage/ui';
import {
  GitRouteInfo,
  ObservedSplit,
  weightsText,
} from '@internal/plugin-cilium-common';
import { DriftBadge } from './DriftBadge';
import { ShiftTrafficLink } from './ShiftTrafficLink';

/** `observed 75/25 (40 flows)`, or honestly too few flows to say. */
export function observedText(
  observed: ObservedSplit | undefined,
  minFlows: number,
  windowSeconds: number,
): string {
  const window = `last ${Math.round(windowSeconds / 60)} min`;
  if (!observed) return 'observed: Hubble Relay not configured';
  if (observed.error) return 'observed: Hubble Relay could not be read';
  if (!observed.enough) {
    return `observed: not enough flows (${observed.flows} in the ${window}, need ${minFlows})`;
  }
  return `observed ${observed.backends
    .map(b => String(Math.round(b.percent)))
    .join('/')} (${observed.flows} flows in the ${window})`;
}

/**
 * One HTTPRoute rendered from Git: its weights in Git, live and observed
 * per rule, the drift badge and the "Shift traffic" link.
 */
export const GitRouteRow = (props: {
  route: GitRouteInfo;
  entityRef: string;
  /** The repository head the page shows. */
  head?: string;
  minFlows: number;
  windowSeconds: number;
}) => {
  const { route, entityRef } = props;
  const id = `${route.namespace}/${route.name}`;
  const split = route.rules.find(r => r.git.length > 1) ?? route.rules[0];
  return (
    <li data-testid="git-route-row" aria-label={`HTTPRoute ${id}`}>
      <Flex direction="column" gap="1">
        <Flex
          justify="between"
          align="center"
          gap="3"
          style={{ flexWrap: 'wrap' }}
        >
          <Text variant="body-medium" weight="bold">
            {id}
          </Text>
          <ShiftTrafficLink
            entityRef={entityRef}
            route={id}
            current={{ backends: split?.git ?? [], head: props.head }}
            testId="shift-traffic-link"
          />
        </Flex>
        {split && (
          <Text variant="body-small" data-testid="git-route-weights">
            backends {split.git.map(b => b.name).join(', ')}: Git{' '}
            {weightsText(split.git)} · live{' '}
            {split.live ? weightsText(split.live) : '—'} ·{' '}
            {observedText(route.observed, props.minFlows, props.windowSeconds)}
          </Text>
        )}
        <DriftBadge route={route} />
        {route.drift && (
          <Text
            variant="body-x-small"
            color="secondary"
            data-testid="drift-detail"
          >
            {route.drift.detail}
          </Text>
        )}
        <Text variant="body-x-small" color="secondary">
          {route.file}
          {route.application ? ` · Argo CD ${route.application}` : ''}
        </Text>
      </Flex>
    </li>
  );
};
