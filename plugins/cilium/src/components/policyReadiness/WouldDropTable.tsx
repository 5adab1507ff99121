import { Checkbox, Text } from '@backstage/ui';
import type {
  PolicyDirection,
  ReadinessEdge,
} from '@internal/plugin-cilium-common';
import { edgeText, peerText } from './peerText';
import { cell, ReadinessTable, rowStyle } from './ReadinessTable';

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
    <ReadinessTable
      testId={`readiness-${direction}`}
      title={title}
      columns={['Keep', 'Source', 'Destination', 'Flows', 'Last seen (UTC)']}
      rowCount={edges.length}
      emptyText={
        <>A default-deny on {direction} drops none of the observed flows.</>
      }
    >
      {edges.map(e => (
        <tr
          key={e.id}
          data-testid="readiness-edge"
          data-edge-id={e.id}
          style={rowStyle}
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
    </ReadinessTable>
  );
};
