import { Button, ButtonLink, Flex, Text } from '@backstage/ui';
import type {
  PolicyProposal,
  PolicyReadinessResponse,
} from '@internal/plugin-cilium-common';
import { stringify } from 'yaml';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { edgeText } from './peerText';
import { proposePoliciesHref } from './proposePoliciesHref';

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** The proposal as one YAML stream, one document per policy. */
export function proposalYaml(policies: object[]): string {
  return policies
    .map(p => stringify(p, { sortMapEntries: false }))
    .join('---\n');
}

/** Why "Propose policies" is not offered, or undefined when it is. */
export function proposeBlockedReason(p: PolicyProposal): string | undefined {
  if (p.replay.keptNewlyDropped.length > 0) {
    return `The replay drops ${p.replay.keptNewlyDropped.length} kept edge(s): the proposal would break traffic you chose to keep.`;
  }
  if (!p.replay.valid) return 'The replay did not validate the proposal.';
  if (p.policies.length === 0)
    return 'No edge is kept: there is nothing to propose.';
  return undefined;
}

/**
 * The proposed CiliumNetworkPolicies for the kept edges, the replay of the
 * window's flows against current + proposed policies, and "Propose
 * policies" (the change template, pre-filled) when the replay drops none of
 * the kept edges.
 */
export const ProposalPanel = (props: {
  proposal: PolicyProposal;
  doc: PolicyReadinessResponse;
  entityRef: string;
}) => {
  const { proposal, doc } = props;
  const { replay } = proposal;
  const blocked = proposeBlockedReason(proposal);
  return (
    <Flex direction="column" gap="2" data-testid="readiness-proposal">
      <Text as="h3" variant="body-medium" weight="bold">
        {`Proposal: ${plural(
          proposal.policies.length,
          'CiliumNetworkPolicy',
          'CiliumNetworkPolicies',
        )} for ${plural(
          proposal.keptEdgeIds.length,
          'kept edge',
          'kept edges',
        )}`}
      </Text>
      <Text
        variant="body-small"
        weight="bold"
        data-testid="readiness-replay"
        color={replay.keptNewlyDropped.length > 0 ? 'danger' : 'success'}
      >
        {`Replay of ${replay.flowsReplayed} flows: ${replay.keptNewlyDropped.length} newly dropped for kept edges`}
        {replay.untickedDropped.length > 0
          ? `, ${replay.untickedDropped.length} unticked edge(s) dropped as chosen`
          : ''}
        {replay.notEvaluated.length > 0
          ? `, ${replay.notEvaluated.length} not evaluated`
          : ''}
      </Text>
      {replay.keptNewlyDropped.map(e => (
        <Text key={e.id} variant="body-small" data-testid="replay-drop">
          Dropped: {edgeText(e)}
        </Text>
      ))}
      {proposal.policies.length > 0 && (
        <ConfigSnippet
          code={proposalYaml(proposal.policies)}
          label="Proposed policies (YAML)"
        />
      )}
      <Flex gap="2" align="center">
        {blocked ? (
          <>
            <Button
              size="small"
              isDisabled
              data-testid="propose-policies-disabled"
            >
              Propose policies
            </Button>
            <Text
              variant="body-small"
              color="secondary"
              data-testid="propose-blocked-reason"
            >
              {blocked}
            </Text>
          </>
        ) : (
          <ButtonLink
            size="small"
            variant="primary"
            href={proposePoliciesHref(props.entityRef, doc, proposal)}
            data-testid="propose-policies"
          >
            Propose policies
          </ButtonLink>
        )}
      </Flex>
    </Flex>
  );
};
