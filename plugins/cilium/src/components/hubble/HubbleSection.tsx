import { Entity } from '@backstage/catalog-model';
import { Alert, Text } from '@backstage/ui';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { hubbleRelaySnippet } from '../common/configSnippets';
import { Section } from '../common/Section';
import { SectionSkeleton } from '../common/SectionSkeleton';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { StatusState, errorsFor } from '../../hooks/useClusterStatus';
import { FlowsExplorer } from './flows/FlowsExplorer';
import { HubbleStatusPanel } from './HubbleStatusPanel';
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
 * them (cilium.flows.read on the cluster entity), the service map of recent
 * flows and the flows themselves (own requests); others see why they are
 * hidden and no flows request is made.
 */
export const HubbleSection = (props: HubbleSectionProps) => {
  const { cluster, statusState } = props;
  const gate = useCiliumPermission('flows', props.entity, cluster);
  const relayNotConfigured =
    statusState.value?.errors.some(
      e => e.source === 'hubble' && e.reason === 'not-configured',
    ) ?? false;

  let flows: JSX.Element | null = null;
  if (gate.loading) flows = <SectionSkeleton label="flows" />;
  else if (!gate.allowed)
    flows = (
      <div data-testid="flows-hidden">
        <Alert
          status="info"
          icon
          title="Recent flows are hidden"
          description={gate.reason}
        />
      </div>
    );
  else if (!relayNotConfigured) flows = <FlowsExplorer cluster={cluster} />;

  return (
    <Section id="hubble" title="Hubble">
      {statusState.loading && !statusState.value && (
        <SectionSkeleton label="Hubble status" rows={2} />
      )}
      {statusState.value && (
        <HubbleStatusPart status={statusState.value} cluster={cluster} />
      )}
      {flows}
    </Section>
  );
};
