import { Text } from '@backstage/ui';
import { HubbleStatusInfo } from '@internal/plugin-cilium-common';
import { KeyValueList } from '../common/KeyValueList';

const nf = new Intl.NumberFormat('en-US');

/** The figures `hubble status` prints, as the CLI formats them. */
export function hubbleStatusLines(s: HubbleStatusInfo) {
  const pct =
    s.maxFlows > 0 ? ` (${((s.numFlows / s.maxFlows) * 100).toFixed(2)}%)` : '';
  const total =
    s.numConnectedNodes === null
      ? null
      : s.numConnectedNodes + (s.numUnavailableNodes ?? 0);
  const names = [...s.unavailableNodes].sort();
  let unavailable = 'N/A';
  if (s.numUnavailableNodes !== null) {
    unavailable = String(s.numUnavailableNodes);
    if (s.numUnavailableNodes > 0 && names.length > 0)
      unavailable += ` (${names.join(', ')})`;
  }
  return {
    health: s.healthy
      ? 'Ok'
      : `Unavailable${s.healthMessage ? `: ${s.healthMessage}` : ''}`,
    flows: `${nf.format(s.numFlows)}/${nf.format(s.maxFlows)}${pct}`,
    rate: s.flowsPerSecond.toFixed(2),
    connected: total === null ? 'N/A' : `${s.numConnectedNodes}/${total}`,
    unavailable,
  };
}

/** Hubble Relay status as `hubble status` shows it. */
export const HubbleStatusPanel = ({ status }: { status: HubbleStatusInfo }) => {
  const l = hubbleStatusLines(status);
  return (
    <div data-testid="hubble-status">
      <KeyValueList
        label="Hubble status"
        items={[
          {
            label: 'Healthcheck',
            value: (
              <Text
                variant="body-small"
                color={status.healthy ? 'success' : 'danger'}
              >
                {l.health}
              </Text>
            ),
            testId: 'hubble-health',
          },
          {
            label: 'Current/Max Flows',
            value: l.flows,
            testId: 'hubble-flows',
          },
          { label: 'Flows/s', value: l.rate, testId: 'hubble-rate' },
          {
            label: 'Connected Nodes',
            value: l.connected,
            testId: 'hubble-connected',
          },
          {
            label: 'Unavailable Nodes',
            value: l.unavailable,
            testId: 'hubble-unavailable',
          },
          ...(status.version
            ? [{ label: 'Version', value: status.version }]
            : []),
        ]}
      />
      {status.text && (
        <details data-testid="hubble-status-text">
          <summary>
            <Text variant="body-small">As `hubble status` prints it</Text>
          </summary>
          <pre
            style={{
              margin: 0,
              fontFamily: 'var(--bui-font-monospace)',
              fontSize: 'var(--bui-font-size-2)',
              whiteSpace: 'pre-wrap',
            }}
          >
            {status.text}
          </pre>
        </details>
      )}
    </div>
  );
};
