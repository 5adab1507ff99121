import { Entity } from '@backstage/catalog-model';
import { Alert, Button, Flex, Switch, Text } from '@backstage/ui';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { hubbleRelaySnippet } from '../common/configSnippets';
import { RequestErrorPanel } from '../common/RequestErrorPanel';
import { Section } from '../common/Section';
import { SectionSkeleton } from '../common/SectionSkeleton';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { StatusState, errorsFor } from '../common/useClusterStatus';
import { FlowFilters } from './FlowFilters';
import { FlowsTable } from './FlowsTable';
import { HubbleStatusPanel } from './HubbleStatusPanel';
import { AUTO_REFRESH_MS, FLOWS_LAST, useFlows } from './useFlows';
import { VerdictChart } from './VerdictChart';
import { useCiliumPermission } from '../../hooks/useCiliumPermission';

const RelayNotConfigured = ({ cluster }: { cluster: string }) => (
  <div data-testid="hubble-not-configured">
    <Text as="p" variant="body-medium">
      Hubble Relay is not configured for {cluster}. Add its address to the
      backend's app-config.yaml to see Hubble status and flows:
    </Text>
    <ConfigSnippet
      code={hubbleRelaySnippet(cluster)}
      label="Hubble Relay configuration"
    />
  </div>
);

const HubbleStatusPart = (props: {
  status: ClusterStatus;
  cluster: string;
}) => {
  const errors = errorsFor(props.status, 'hubble');
  if (errors.some(e => e.reason === 'not-configured')) {
    return <RelayNotConfigured cluster={props.cluster} />;
  }
  return (
    <>
      {errors.map(e => (
        <SourceErrorAlert key={e.source} error={e} what="Hubble Relay" />
      ))}
      {props.status.hubble && (
        <HubbleStatusPanel status={props.status.hubble} />
      )}
    </>
  );
};

interface HubbleSectionProps {
  cluster: string;
  statusState: StatusState;
  /** The cluster's entity: flows are shown only if the user may read them. */
  entity?: Entity;
}

/**
 * Hubble status (from the status document) and, for users who may read
 * them (cilium.flows.read on the cluster entity), recent flows; others see
 * why they are hidden and no flows request is made.
 */
export const HubbleSection = (props: HubbleSectionProps) => {
  const gate = useCiliumPermission('flows', props.entity, props.cluster);
  if (gate.allowed) return <HubbleSectionWithFlows {...props} />;
  const { statusState, cluster } = props;
  return (
    <Section id="hubble" title="Hubble">
      {statusState.loading && !statusState.value && (
        <SectionSkeleton label="Hubble status" rows={2} />
      )}
      {statusState.value && (
        <HubbleStatusPart status={statusState.value} cluster={cluster} />
      )}
      {gate.loading ? (
        <SectionSkeleton label="flows" />
      ) : (
        <div data-testid="flows-hidden">
          <Alert
            status="info"
            icon
            title="Recent flows are hidden"
            description={gate.reason}
          />
        </div>
      )}
    </Section>
  );
};

/** Hubble status (from the status document) and recent flows (own request). */
const HubbleSectionWithFlows = (props: HubbleSectionProps) => {
  const { cluster, statusState } = props;
  const f = useFlows(cluster);
  const flows = f.state.value;
  const relayNotConfigured =
    statusState.value?.errors.some(
      e => e.source === 'hubble' && e.reason === 'not-configured',
    ) ?? false;

  const actions = (
    <Flex gap="3" align="center">
      <Switch
        label={`Auto-refresh (${AUTO_REFRESH_MS / 1000}s)`}
        data-testid="flows-auto-refresh"
        isSelected={f.autoRefresh}
        onChange={f.setAutoRefresh}
      />
      <Button
        size="small"
        variant="secondary"
        aria-label="Refresh flows"
        data-testid="flows-refresh"
        onPress={f.refresh}
        isPending={f.state.loading}
      >
        Refresh
      </Button>
    </Flex>
  );

  return (
    <Section id="hubble" title="Hubble" actions={actions}>
      {statusState.loading && !statusState.value && (
        <SectionSkeleton label="Hubble status" rows={2} />
      )}
      {statusState.value && (
        <HubbleStatusPart status={statusState.value} cluster={cluster} />
      )}
      {!relayNotConfigured && (
        <>
          <Text as="h3" variant="title-x-small">
            Recent flows (last {FLOWS_LAST})
          </Text>
          <FlowFilters
            namespace={f.namespaceInput}
            namespaceInvalid={f.namespaceInvalid}
            onNamespaceChange={f.setNamespaceInput}
            verdict={f.filters.verdict}
            onVerdictChange={f.setVerdict}
            policyVerdictsOnly={f.filters.policyVerdictsOnly}
            onPolicyVerdictsOnlyChange={f.setPolicyVerdictsOnly}
          />
          {f.state.error && (
            <RequestErrorPanel
              error={f.state.error}
              cluster={cluster}
              what={`the flows of ${cluster}`}
            />
          )}
          {!flows && f.state.loading && <SectionSkeleton label="flows" />}
          {flows?.error &&
            (flows.error.reason === 'not-configured' ? (
              <RelayNotConfigured cluster={cluster} />
            ) : (
              <SourceErrorAlert error={flows.error} what="Hubble flows" />
            ))}
          {flows && !flows.error && (
            <>
              <VerdictChart counts={flows.verdictCounts} />
              <FlowsTable flows={flows.flows} />
            </>
          )}
        </>
      )}
    </Section>
  );
};
