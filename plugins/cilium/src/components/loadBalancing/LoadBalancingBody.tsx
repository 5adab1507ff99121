import { memo } from 'react';
import { Text } from '@backstage/ui';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { errorsFor } from '../../hooks/useClusterStatus';
import { BgpStatus } from './BgpStatus';
import { LbIpPoolList } from './LbIpPoolList';

/**
 * How Services of type LoadBalancer get and announce their IPs: the LB-IPAM
 * pools with their usage, then the BGP control plane and its sessions.
 */
export const LoadBalancingBody = memo(
  ({ status }: { status: ClusterStatus }) => (
    <>
      <Text as="h3" variant="title-x-small">
        LB-IPAM pools
      </Text>
      {errorsFor(status, 'lbIpPools').map(e => (
        <SourceErrorAlert key={e.source} error={e} what="LB-IPAM pools" />
      ))}
      {status.lbIpPools && <LbIpPoolList pools={status.lbIpPools} />}
      <Text as="h3" variant="title-x-small">
        BGP
      </Text>
      <BgpStatus status={status} />
    </>
  ),
);
LoadBalancingBody.displayName = 'LoadBalancingBody';
