import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CiliumApi, ciliumApiRef } from '../../api/CiliumApi';
import {
  clusterStatus,
  gatewayCountsOf,
  manyGateways,
} from '../../__fixtures__/clusterStatus';
import { mockCiliumApi, responseError } from '../../__fixtures__/mockCiliumApi';
import { GatewaysBody } from './GatewaysBody';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

/**
 * Renders inside act: the requests the first render starts and that answer
 * at once (the mocks) settle within it rather than after it.
 */
const render = async (
  status: ClusterStatus,
  api: CiliumApi = mockCiliumApi(),
) => {
  let result!: ReturnType<typeof renderInTestApp>;
  await act(async () => {
    result = renderInTestApp(<GatewaysBody status={status} />, {
      apis: [[ciliumApiRef, api]],
    });
  });
  return result;
};

describe('GatewaysBody', () => {
  it('shows class, addresses, listeners and conditions with reasons', async () => {
    await render(clusterStatus);
    const pub = await screen.findByRole('listitem', {
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
    expect(screen.getByTestId('gateways-health')).toHaveTextContent(
      '1 not programmed',
    );
    // Two gateways fit on one page: no search or paging to get in the way.
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.queryByTestId('gateways-pagination')).not.toBeInTheDocument();
  });

  it('shows one page of 200 gateways from the backend, and pages and searches through them there', async () => {
    const gateways = manyGateways(200);
    const api = mockCiliumApi({}, { gateways });
    await render(
      { ...clusterStatus, gatewayCounts: gatewayCountsOf(gateways) },
      api,
    );
    const items = () => screen.getAllByTestId('gateway-item');
    expect(await screen.findAllByTestId('gateway-item')).toHaveLength(10);
    expect(screen.getByTestId('gateways-count')).toHaveTextContent(
      '200 gateways',
    );
    expect(
      screen.getByRole('listitem', { name: 'Gateway edge-0/gw-001' }),
    ).toBeInTheDocument();
    // Sorted by namespace/name: edge-0 holds gw-001, gw-011, … gw-191.
    expect(screen.queryByText('edge-0/gw-101')).not.toBeInTheDocument();

    const pagination = screen.getByTestId('gateways-pagination');
    await userEvent.click(
      within(pagination).getByRole('button', { name: 'Next table page' }),
    );
    expect(await screen.findByText('edge-0/gw-101')).toBeInTheDocument();
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
    expect(api.getGateways).toHaveBeenLastCalledWith(
      'prod-eu-1',
      expect.objectContaining({ q: 'gw-150', offset: 0, limit: 10 }),
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

  it('says what to do when there are no Gateways, without asking for a page', async () => {
    const api = mockCiliumApi();
    await render(
      {
        ...clusterStatus,
        gatewayCounts: { total: 0, notAccepted: 0, notProgrammed: 0 },
      },
      api,
    );
    expect(screen.getByTestId('gateways-empty')).toHaveTextContent(
      'No Gateways yet',
    );
    expect(screen.getByTestId('cilium-config-snippet')).toHaveTextContent(
      'gatewayClassName: cilium',
    );
    expect(api.getGateways).not.toHaveBeenCalled();
    expect(screen.queryByTestId('gateways-health')).not.toBeInTheDocument();
  });

  it('tells a page request denied as such, and tries again when asked', async () => {
    const denied = await responseError(
      403,
      'NotAllowedError',
      'cilium.cluster.read is not allowed',
    );
    const api = mockCiliumApi();
    const serve = api.getGateways.getMockImplementation()!;
    api.getGateways.mockRejectedValueOnce(denied);
    await render(clusterStatus, api);
    const panel = await screen.findByTestId('cilium-permission-denied');
    expect(panel).toHaveTextContent(
      'Permission denied: you may not read the Gateways of prod-eu-1',
    );
    expect(panel).toHaveTextContent('cilium.cluster.read is not allowed');
    expect(screen.queryByTestId('gateway-item')).not.toBeInTheDocument();

    api.getGateways.mockImplementation(serve);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('gateway-item')).toHaveLength(2);
    expect(
      screen.queryByTestId('cilium-permission-denied'),
    ).not.toBeInTheDocument();
  });
});
