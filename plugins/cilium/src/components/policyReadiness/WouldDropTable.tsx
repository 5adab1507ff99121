import { Checkbox, Flex, Text } from '@backstage/ui';
import type {
  PolicyDirection,
  ReadinessEdge,
} from '@internal/plugin-cilium-common';
import { edgeText, peerText } from './peerText';

const cell = { padding: 'var(--bui-space-1) var(--bui-space-2)' };

/**
 * The observed edges a default-deny on one direction would newly drop, one
 * row each with a checkbox: ticked keeps (allows) the edge in the proposal.
 */
export const WouldDropTable = (props: {
  direction: PolicyDirection;
  edges: ReadinessEdge[];
  unticked: ReadonlySet<string>;
  onToggle: (edgeId: string, keep: boolean) => void;
}) => {
  const { direction, edges } = props;
  const title = `Would drop on ${direction} (${edges.length})`;
  return (
    <Flex direction="column" gap="1" data-testid={`readiness-${direction}`}>
      <Text as="h3" variant="body-medium" weight="bold">
        {title}
      </Text>
      {edges.length === 0 ? (
        <Text variant="body-small" color="secondary">
          A default-deny on {direction} drops none of the observed flows.
        </Text>
      ) : (
        <table
          aria-label={title}
          style={{ borderCollapse: 'collapse', width: '100%' }}
        >
          <thead>
            <tr>
              {[
                'Keep',
                'Source',
                'Destination',
                'Flows',
                'Last seen (UTC)',
              ].map(h => (
                <th key={h} scope="col" style={{ ...cell, textAlign: 'left' }}>
                  <Text variant="body-small" weight="bold">
                    {h}
                  </Text>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {edges.map(e => (
              <tr
                key={e.id}
                data-testid="readiness-edge"
                data-edge-id={e.id}
                style={{ borderTop: '1px solid var(--bui-border-1)' }}
              >
                <td style={cell}>
                  <Checkbox
                    isSelected={!props.unticked.has(e.id)}
                    onChange={keep => props.onToggle(e.id, keep)}
                    aria-label={`Keep ${edgeText(e)}`}
                  />
                </td>
                <td style={cell}>
                  <Text variant="body-small">{peerText(e.source)}</Text>
                </td>
                <td style={cell}>
                  <Text variant="body-small">
                    {peerText(e.destination)}
                    {e.port ? `:${e.port}` : ''}/{e.protocol}
                  </Text>
                </td>
                <td style={cell}>
                  <Text variant="body-small">{e.count}</Text>
                </td>
                <td style={cell}>
                  <Text variant="body-small">{e.lastSeen.slice(11, 19)}</Text>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Flex>
  );
};
