import { Alert, Text } from '@backstage/ui';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { errorsFor } from '../../hooks/useClusterStatus';
import { BgpPeersTable } from './BgpPeersTable';

const ENABLE_HINT = (
  <>
    Enable it with the Helm value <code>bgpControlPlane.enabled=true</code>.
  </>
);

/**
 * BGP control plane: whether it is enabled, the CiliumBGPClusterConfigs and
 * each node's sessions. Missing BGP CRDs (a 404) mean the control plane is
 * off, which is a setting, not a failure.
 */
export const BgpStatus = ({ status }: { status: ClusterStatus }) => {
  const errors = errorsFor(status, 'bgp');
  const crdsMissing = errors.some(e => e.reason === 'not-found');
  const disabledInConfig = status.ciliumConfig?.enableBgpControlPlane === false;
  const bgp = status.bgp;
  return (
    <>
      {crdsMissing && (
        <div data-testid="bgp-not-enabled">
          <Alert
            status="info"
            icon
            title="BGP control plane not enabled"
            description={
              <>
                This cluster has no CiliumBGPClusterConfig or
                CiliumBGPNodeConfig resources
                {disabledInConfig ? (
                  <>
                    {' '}
                    and <code>cilium-config</code> has{' '}
                    <code>enable-bgp-control-plane: false</code>
                  </>
                ) : (
                  ''
                )}
                : Cilium announces no routes over BGP. {ENABLE_HINT}
              </>
            }
          />
        </div>
      )}
      {errors
        .filter(e => e.reason !== 'not-found')
        .map(e => (
          <SourceErrorAlert key={e.source} error={e} what="BGP" />
        ))}
      {disabledInConfig && !crdsMissing && (
        <div data-testid="bgp-disabled">
          <Alert
            status="info"
            icon
            title="BGP control plane disabled"
            description={
              <>
                <code>cilium-config</code> has{' '}
                <code>enable-bgp-control-plane: false</code>: the agents do not
                peer, and BGP resources shown here are not acted on.{' '}
                {ENABLE_HINT}
              </>
            }
          />
        </div>
      )}
      {bgp && (
        <>
          <Text as="p" variant="body-small" data-testid="bgp-cluster-configs">
            <Text variant="body-small" color="secondary">
              CiliumBGPClusterConfig:
            </Text>{' '}
            {bgp.clusterConfigs.length > 0
              ? bgp.clusterConfigs.join(', ')
              : 'none'}
          </Text>
          {bgp.peers.length > 0 && <BgpPeersTable peers={bgp.peers} />}
          {bgp.peers.length === 0 && !disabledInConfig && (
            <Text as="p" variant="body-small" data-testid="bgp-no-peers">
              {bgp.clusterConfigs.length === 0
                ? 'No BGP peering configured: create a CiliumBGPClusterConfig to peer the nodes with your routers.'
                : 'No node reports a BGP session yet: check that the nodeSelector of the CiliumBGPClusterConfig matches nodes, and the CiliumBGPNodeConfig status of those nodes.'}
            </Text>
          )}
        </>
      )}
    </>
  );
};
