import { useEntity } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { clusterNameOf } from '../common/clusterName';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { hubbleRelaySnippet } from '../common/configSnippets';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { StatusSection } from '../common/StatusSection';
import { errorsFor, useClusterStatus } from '../../hooks/useClusterStatus';
import { HubbleStatusPanel } from './HubbleStatusPanel';

/** Entity overview card: `hubble status` of the cluster's relay. */
export const HubbleCard = () => {
  const { entity } = useEntity();
  const cluster = clusterNameOf(entity);
  const state = useClusterStatus(cluster);
  return (
    <StatusSection
      id="hubble-card"
      title="Hubble"
      state={state}
      cluster={cluster}
    >
      {status => {
        const errors = errorsFor(status, 'hubble');
        if (errors.some(e => e.reason === 'not-configured')) {
          return (
            <div data-testid="hubble-not-configured">
              <Text as="p" variant="body-small">
                Hubble Relay is not configured for {cluster}. Add to
                app-config.yaml:
              </Text>
              <ConfigSnippet
                code={hubbleRelaySnippet(cluster)}
                label="Hubble Relay configuration"
              />
            </div>
          );
        }
        return (
          <>
            {errors.map(e => (
              <SourceErrorAlert key={e.source} error={e} what="Hubble Relay" />
            ))}
            {status.hubble && <HubbleStatusPanel status={status.hubble} />}
          </>
        );
      }}
    </StatusSection>
  );
};
