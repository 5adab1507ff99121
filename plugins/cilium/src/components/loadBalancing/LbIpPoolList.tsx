import { Flex, Text } from '@backstage/ui';
import { LbIpPoolInfo } from '@internal/plugin-cilium-common';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { lbIpPoolSnippet } from './lbIpPoolSnippet';
import { poolUsage } from './networkText';
import { PoolUsageBar } from './PoolUsageBar';

const PoolItem = ({ pool }: { pool: LbIpPoolInfo }) => {
  const usage = poolUsage(pool);
  const conflict = pool.conditions.find(
    c => c.type === 'cilium.io/PoolConflict' && c.status === 'True',
  );
  return (
    <li
      data-testid="lb-pool-item"
      aria-label={`Pool ${pool.name}`}
      style={{
        borderTop: '1px solid var(--bui-border-1)',
        paddingTop: 'var(--bui-space-2)',
      }}
    >
      <Flex direction="column" gap="1">
        <Flex gap="3" align="baseline" style={{ flexWrap: 'wrap' }}>
          <Text as="h4" variant="body-medium" weight="bold">
            {pool.name}
          </Text>
          <Text variant="body-small" data-testid="lb-pool-blocks">
            {pool.blocks.length > 0 ? pool.blocks.join(', ') : 'no blocks'}
          </Text>
          {pool.disabled && (
            <Text
              variant="body-small"
              color="secondary"
              data-testid="lb-pool-disabled"
            >
              disabled: no new IPs are allocated from it
            </Text>
          )}
        </Flex>
        <Flex gap="3" align="center" style={{ flexWrap: 'wrap' }}>
          <PoolUsageBar pool={pool.name} usage={usage} />
          {usage.exhausted && (
            <Text
              variant="body-small"
              color="warning"
              data-testid="lb-pool-exhausted"
            >
              ⚠ no IPs available: new LoadBalancer Services stay pending
            </Text>
          )}
        </Flex>
        {conflict && (
          <Text
            variant="body-small"
            color="danger"
            data-testid="lb-pool-conflict"
          >
            ✗ conflicts with another pool
            {conflict.message ? `: ${conflict.message}` : ''}
          </Text>
        )}
      </Flex>
    </li>
  );
};

/** CiliumLoadBalancerIPPools with blocks and usage; a hint when there are none. */
export const LbIpPoolList = ({ pools }: { pools: LbIpPoolInfo[] }) => {
  if (pools.length === 0) {
    return (
      <div data-testid="lb-pools-empty">
        <Text as="p" variant="body-medium">
          No LB-IPAM pools. Services of type <code>LoadBalancer</code> get no
          external IP until a <code>CiliumLoadBalancerIPPool</code> provides
          one, for example:
        </Text>
        <ConfigSnippet
          code={lbIpPoolSnippet()}
          label="Example CiliumLoadBalancerIPPool"
        />
      </div>
    );
  }
  return (
    <ul
      aria-label="LB-IPAM pools"
      data-testid="lb-pools"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 'var(--bui-space-2)',
      }}
    >
      {pools.map(p => (
        <PoolItem key={p.name} pool={p} />
      ))}
    </ul>
  );
};
