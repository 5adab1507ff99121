import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { clusterNameOf } from '../common/clusterName';
import { StatusSection } from '../common/StatusSection';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { errorsFor, useClusterStatus } from '../../hooks/useClusterStatus';
import { PeerReadiness } from './PeerReadiness';
import { ReadinessSource } from './readinessSource';

/** Entity overview card: local mesh identity and each peer's readiness. */
export const ClusterMeshCard = () => {
  const { entity } = useEntity();
  const cluster = clusterNameOf(entity);
  const state = useClusterStatus(cluster);
  return (
    <StatusSection
      id="mesh-card"
      title="Cluster Mesh"
      state={state}
      cluster={cluster}
    >
      {status => {
        const mesh = status.clusterMesh;
        if (!mesh) {
          return errorsFor(status, 'clusterMesh').map(e => (
            <SourceErrorAlert key={e.source} error={e} what="Cluster Mesh" />
          ));
        }
        const ready = mesh.peers.filter(p => p.ready === true).length;
        return (
          <Flex direction="column" gap="2">
            <Text variant="body-medium" data-testid="mesh-card-summary">
              {mesh.localName} (ID {mesh.localId}) · {ready}/{mesh.peers.length}{' '}
              peers ready
            </Text>
            <ul
              aria-label="Mesh peers"
              style={{ margin: 0, paddingLeft: 'var(--bui-space-4)' }}
            >
              {mesh.peers.map(p => (
                <li key={p.name}>
                  <Flex gap="2">
                    <Text variant="body-small">{p.name}</Text>
                    <PeerReadiness peer={p} />
                    <ReadinessSource peer={p} />
                  </Flex>
                </li>
              ))}
            </ul>
          </Flex>
        );
      }}
    </StatusSection>
  );
};
