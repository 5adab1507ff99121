import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ClusterStatus, SourceError } from '@internal/plugin-cilium-common';
import { screen, within } from '@testing-library/react';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { LoadBalancingBody } from './LoadBalancingBody';

const render = (status: ClusterStatus) =>
  renderInTestApp(<LoadBalancingBody status={status} />);

const bgpNotFound: SourceError = {
  source: 'bgp',
  reason: 'not-found',
  statusCode: 404,
  message:
    'the server could not find the requested resource (get ciliumbgpclusterconfigs.cilium.io)',
};

describe('LoadBalancingBody', () => {
  it('shows each LB-IPAM pool with its blocks and usage, and warns of an exhausted one', async () => {
    await render(clusterStatus);
    const pools = screen.getAllByTestId('lb-pool-item');
    expect(pools).toHaveLength(3);

    const pub = screen.getByRole('listitem', { name: 'Pool public-pool' });
    expect(within(pub).getByTestId('lb-pool-blocks')).toHaveTextContent(
      '203.0.113.8/29',
    );
    expect(within(pub).getByTestId('lb-pool-usage')).toHaveTextContent(
      '3 of 8 IPs used',
    );
    const meter = within(pub).getByRole('meter', {
      name: 'IPs used in public-pool',
    });
    expect(meter).toHaveAttribute('aria-valuenow', '3');
    expect(meter).toHaveAttribute('aria-valuemax', '8');
    expect(meter).toHaveAttribute('aria-valuetext', '3 of 8 IPs used');
    expect(
      within(pub).queryByTestId('lb-pool-exhausted'),
    ).not.toBeInTheDocument();
    expect(
      within(pub).queryByTestId('lb-pool-disabled'),
    ).not.toBeInTheDocument();

    const mesh = screen.getByRole('listitem', { name: 'Pool mesh-pool' });
    expect(within(mesh).getByTestId('lb-pool-usage')).toHaveTextContent(
      '2 of 2 IPs used',
    );
    expect(within(mesh).getByTestId('lb-pool-exhausted')).toHaveTextContent(
      'no IPs available',
    );

    const reserved = screen.getByRole('listitem', {
      name: 'Pool reserved-pool',
    });
    expect(within(reserved).getByTestId('lb-pool-disabled')).toHaveTextContent(
      'disabled',
    );
    expect(within(reserved).getByTestId('lb-pool-usage')).toHaveTextContent(
      'usage not reported',
    );
    expect(within(reserved).queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.queryByTestId('lb-pools-empty')).not.toBeInTheDocument();
  });

  it('shows the BGP configs and every peer with its session state and uptime', async () => {
    await render(clusterStatus);
    expect(screen.getByTestId('bgp-cluster-configs')).toHaveTextContent(
      'CiliumBGPClusterConfig: bgp-tor',
    );
    const rows = screen.getAllByTestId('bgp-peer-row');
    expect(rows).toHaveLength(2);

    const [up, down] = rows;
    expect(
      within(up).getByRole('rowheader', { name: /prod-eu-1-worker-a/ }),
    ).toBeInTheDocument();
    expect(up).toHaveTextContent('10.0.1.1');
    expect(up).toHaveTextContent('65000');
    expect(up).toHaveTextContent('65010');
    expect(within(up).getByTestId('bgp-session-state')).toHaveTextContent(
      '✓ established',
    );
    expect(within(up).getByTestId('bgp-uptime')).toHaveTextContent('2h 5m');

    expect(down).toHaveTextContent('prod-eu-1-worker-b');
    expect(within(down).getByTestId('bgp-session-state')).toHaveTextContent(
      'active',
    );
    expect(within(down).getByTestId('bgp-session-state')).not.toHaveTextContent(
      '✓',
    );
    expect(within(down).getByTestId('bgp-uptime')).toHaveTextContent('—');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says the BGP control plane is not enabled when its CRDs are missing, not that BGP failed', async () => {
    await render({
      ...clusterStatus,
      bgp: undefined,
      errors: [bgpNotFound],
    });
    const note = screen.getByTestId('bgp-not-enabled');
    expect(note).toHaveTextContent('BGP control plane not enabled');
    expect(note).toHaveTextContent('bgpControlPlane.enabled=true');
    expect(
      screen.queryByTestId('cilium-source-error-bgp'),
    ).not.toBeInTheDocument();
    expect(screen.queryByTestId('bgp-peer-row')).not.toBeInTheDocument();
    // The pools are read on their own and still show.
    expect(screen.getAllByTestId('lb-pool-item')).toHaveLength(3);
  });

  it('says when cilium-config has the BGP control plane disabled', async () => {
    await render({
      ...clusterStatus,
      ciliumConfig: {
        ...clusterStatus.ciliumConfig!,
        enableBgpControlPlane: false,
      },
      bgp: { clusterConfigs: [], peers: [] },
    });
    expect(screen.getByTestId('bgp-disabled')).toHaveTextContent(
      'enable-bgp-control-plane: false',
    );
    expect(screen.getByTestId('bgp-disabled')).toHaveTextContent(
      'bgpControlPlane.enabled=true',
    );
    expect(screen.queryByTestId('bgp-no-peers')).not.toBeInTheDocument();
  });

  it('shows a real BGP failure as an error', async () => {
    await render({
      ...clusterStatus,
      bgp: undefined,
      errors: [
        {
          source: 'bgp',
          reason: 'forbidden',
          statusCode: 403,
          message:
            'ciliumbgpnodeconfigs.cilium.io is forbidden: User "backstage" cannot list resource',
        },
      ],
    });
    const alert = screen.getByTestId('cilium-source-error-bgp');
    expect(alert).toHaveTextContent('BGP: permission denied (HTTP 403)');
    expect(screen.queryByTestId('bgp-not-enabled')).not.toBeInTheDocument();
  });

  it('explains what a cluster without pools or peering lacks', async () => {
    await render({
      ...clusterStatus,
      lbIpPools: [],
      bgp: { clusterConfigs: [], peers: [] },
    });
    const empty = screen.getByTestId('lb-pools-empty');
    expect(empty).toHaveTextContent(
      'Services of type LoadBalancer get no external IP until a CiliumLoadBalancerIPPool',
    );
    expect(screen.getByTestId('cilium-config-snippet')).toHaveTextContent(
      'kind: CiliumLoadBalancerIPPool',
    );
    expect(screen.getByTestId('bgp-no-peers')).toHaveTextContent(
      'No BGP peering configured',
    );
    expect(screen.queryByTestId('bgp-peers')).not.toBeInTheDocument();
  });

  it('says when configs exist but no node reports a session', async () => {
    await render({
      ...clusterStatus,
      bgp: { clusterConfigs: ['bgp-tor'], peers: [] },
    });
    expect(screen.getByTestId('bgp-no-peers')).toHaveTextContent(
      'No node reports a BGP session yet',
    );
  });

  it('shows why the pools could not be read', async () => {
    await render({
      ...clusterStatus,
      lbIpPools: undefined,
      errors: [
        {
          source: 'lbIpPools',
          reason: 'timeout',
          message: 'ciliumloadbalancerippools: timed out after 5000 ms',
        },
      ],
    });
    expect(
      screen.getByTestId('cilium-source-error-lbIpPools'),
    ).toHaveTextContent('LB-IPAM pools: timed out');
    expect(screen.queryByTestId('lb-pools-empty')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('bgp-peer-row')).toHaveLength(2);
  });
});
