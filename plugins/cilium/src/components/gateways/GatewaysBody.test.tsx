import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clusterStatus, manyGateways } from '../../__fixtures__/clusterStatus';
import { GatewaysBody } from './GatewaysBody';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

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
    // Two gateways fit on one page: no search or paging to get in the way.
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.queryByTestId('gateways-pagination')).not.toBeInTheDocument();
  });

  it('renders one page of 200 gateways, and pages and searches through them', async () => {
    await renderInTestApp(
      <GatewaysBody
        status={{ ...clusterStatus, gateways: manyGateways(200) }}
      />,
    );
    const items = () => screen.getAllByTestId('gateway-item');
    expect(items()).toHaveLength(10);
    expect(screen.getByTestId('gateways-count')).toHaveTextContent(
      '200 gateways',
    );
    expect(
      screen.getByRole('listitem', { name: 'Gateway edge-0/gw-001' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('edge-0/gw-011')).not.toBeInTheDocument();

    const pagination = screen.getByTestId('gateways-pagination');
    await userEvent.click(
      within(pagination).getByRole('button', { name: 'Next table page' }),
    );
    expect(await screen.findByText('edge-0/gw-011')).toBeInTheDocument();
    expect(screen.queryByText('edge-0/gw-001')).not.toBeInTheDocument();
    expect(items()).toHaveLength(10);
    expect(pagination).toHaveTextContent('11 - 20 of 200');

    // Search by name, then by address or class: only matches, from page one.
    const search = screen.getByRole('searchbox', { name: 'Search gateways' });
    await userEvent.type(search, 'gw-150');
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]).toHaveAccessibleName('Gateway edge-9/gw-150');
    expect(screen.getByTestId('gateways-count')).toHaveTextContent(
      '1 of 200 gateways match',
    );

    await userEvent.clear(search);
    await userEvent.type(search, '198.51.100.7 ');
    await waitFor(() =>
      expect(screen.getByTestId('gateways-count')).toHaveTextContent(
        // .7, .70–.79: gw-008, gw-071…080, gw-258 is beyond 200
        '11 of 200 gateways match',
      ),
    );
    expect(items()).toHaveLength(10);

    await userEvent.clear(search);
    await userEvent.type(search, 'cilium-internal edge-1/');
    await waitFor(() =>
      expect(screen.getByTestId('gateways-count')).toHaveTextContent(
        '20 of 200 gateways match',
      ),
    );

    await userEvent.clear(search);
    await userEvent.type(search, 'no-such-gateway');
    expect(await screen.findByTestId('gateways-no-match')).toHaveTextContent(
      'No gateway matches “no-such-gateway”',
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
