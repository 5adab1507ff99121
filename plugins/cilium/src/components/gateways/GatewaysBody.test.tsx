import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { GatewaysBody } from './GatewaysBody';

describe('GatewaysBody', () => {
  it('shows class, addresses, listeners and conditions with reasons', async () => {
    await renderInTestApp(<GatewaysBody status={clusterStatus} />);
    const pub = screen.getByRole('listitem', {
      name: 'Gateway infra-gateway/public',
    });
    expect(pub).toHaveTextContent('class cilium');
    expect(within(pub).getByTestId('gateway-addresses')).toHaveTextContent(
      '203.0.113.10',
    );
    expect(within(pub).getAllByTestId('gateway-listener')[0]).toHaveTextContent(
      'https: HTTPS/443 *.shop.example.com · 2 attached routes · TLS shop-tls',
    );
    expect(within(pub).getByTestId('condition-Programmed')).toHaveTextContent(
      'Programmed (Programmed: Gateway successfully reconciled)',
    );

    expect(screen.getByTestId('gateway-classes')).toHaveTextContent(
      'cilium (io.cilium/gateway-controller)',
    );
    const internal = screen.getByRole('listitem', {
      name: 'Gateway tenant-jobs/internal',
    });
    expect(within(internal).getByTestId('gateway-addresses')).toHaveTextContent(
      'no address assigned',
    );
    expect(
      within(internal).getByTestId('condition-Programmed'),
    ).toHaveAttribute('data-status', 'False');
    expect(
      within(internal).getByTestId('condition-Programmed'),
    ).toHaveTextContent(
      'AddressNotAssigned: No addresses have been assigned to the Gateway',
    );
  });

  it('says what to do when there are no Gateways', async () => {
    await renderInTestApp(
      <GatewaysBody status={{ ...clusterStatus, gateways: [] }} />,
    );
    expect(screen.getByTestId('gateways-empty')).toHaveTextContent(
      'No Gateways yet',
    );
    expect(screen.getByTestId('cilium-config-snippet')).toHaveTextContent(
      'gatewayClassName: cilium',
    );
  });
});
