import { Flex, Text } from '@backstage/ui';
import type { ReadinessEdge } from '@internal/plugin-cilium-common';
import { edgeText } from './peerText';

/**
 * Edges forwarded in the window that today's policies drop: once a proposal
 * is synced, the edges the user chose to drop. Nothing shown when none.
 */
export const DroppedNowList = (props: { edges: ReadinessEdge[] }) => {
  const { edges } = props;
  if (edges.length === 0) return null;
  return (
    <Flex direction="column" gap="1" data-testid="readiness-dropped-now">
      <Text as="h3" variant="body-medium" weight="bold">
        Dropped by today's policies ({edges.length})
      </Text>
      <ul aria-label="Dropped by today's policies" style={{ margin: 0 }}>
        {edges.map(e => (
          <li key={e.id} data-edge-id={e.id}>
            <Text variant="body-small">
              {edgeText(e)} · {e.count} flow{e.count === 1 ? '' : 's'} in the
              window · last {e.lastSeen.slice(11, 19)} UTC
            </Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
};
