import { Flex, Text } from '@backstage/ui';
import type { PolicyReadinessResponse } from '@internal/plugin-cilium-common';

const directions = (e: { ingress: boolean; egress: boolean }) =>
  [e.ingress && 'ingress', e.egress && 'egress'].filter(Boolean).join(' + ') ||
  'none';

/** The window, the endpoints policies already select, and the rules not evaluated. */
export const ReadinessSummary = ({ doc }: { doc: PolicyReadinessResponse }) => (
  <Flex direction="column" gap="1" data-testid="readiness-summary">
    <Text variant="body-small" color="secondary" data-testid="readiness-window">
      {`${doc.flowsConsidered} flows of ${doc.namespace} over the last ${doc.windowSeconds} s (the flows summary's window)`}
    </Text>
    <Text as="h3" variant="body-medium" weight="bold">
      {`Endpoints already selected by policies (${doc.selectedEndpoints.length})`}
    </Text>
    {doc.selectedEndpoints.length === 0 ? (
      <Text variant="body-small" color="secondary">
        No policy selects an endpoint of {doc.namespace}: everything is allowed
        today.
      </Text>
    ) : (
      <ul
        aria-label="Selected endpoints"
        style={{ margin: 0, paddingLeft: 'var(--bui-space-4)' }}
      >
        {doc.selectedEndpoints.map(e => (
          <li key={e.labels.join(',')} data-testid="readiness-selected">
            <Text variant="body-small">
              {`${e.namespace}/${
                e.workload ?? e.labels.join(', ')
              }: default-deny on ${directions(e)} (${e.byPolicies
                .map(p => p.name)
                .join(', ')})`}
            </Text>
          </li>
        ))}
      </ul>
    )}
    {doc.notEvaluated.length > 0 && (
      <Text variant="body-small" data-testid="readiness-not-evaluated">
        {`Not evaluated (${doc.notEvaluated.length}): ${doc.notEvaluated
          .map(r => `${r.policy.name} ${r.rule}: ${r.reason}`)
          .join('; ')}`}
      </Text>
    )}
  </Flex>
);
