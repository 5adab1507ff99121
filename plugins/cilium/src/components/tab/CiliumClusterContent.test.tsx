import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, within } from '@testing-library/react';
import { ciliumApiRef } from '../../api/CiliumApi';
import { clusterEntity } from '../../__fixtures__/entities';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { mockCiliumApi, responseError } from '../../__fixtures__/mockCiliumApi';
import { CiliumClusterContent } from './CiliumClusterContent';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

/**
 * Renders inside act: the requests the first render starts and that answer
 * at once (the mocks) settle within it rather than after it.
 */
const render = async (api = mockCiliumApi()) => {
  let result!: ReturnType<typeof renderInTestApp>;
  await act(async () => {
    result = renderInTestApp(
      <EntityProvider entity={clusterEntity}>
        <CiliumClusterContent />
      </EntityProvider>,
      { apis: [[ciliumApiRef, api]] },
    );
  });
  return result;
};

const section = (id: string) => screen.getByTestId(`cilium-section-${id}`);

describe('CiliumClusterContent', () => {
  it('renders every section from one status document and a flows request', async () => {
    const api = mockCiliumApi();
    await render(api);
    expect(
      await screen.findByText('Gateway successfully reconciled', {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(api.getClusterStatus).toHaveBeenCalledWith('prod-eu-1');
    // Gateways and routes: counts from the document, items in pages.
    expect(api.getGateways).toHaveBeenCalledWith(
      'prod-eu-1',
      expect.objectContaining({ offset: 0, limit: 10 }),
    );
    expect(
      await within(section('httproutes')).findAllByTestId('route-item'),
    ).toHaveLength(2);
    expect(
      within(section('gateways')).getByTestId('gateways-health'),
    ).toHaveTextContent('1 not programmed');
    for (const heading of [
      'Overview',
      'Gateways',
      'HTTPRoutes',
      'Load balancing and BGP',
      'Git and live',
      'Hubble',
      'Cluster Mesh',
      'Argo CD',
    ]) {
      expect(
        screen.getByRole('heading', { level: 2, name: heading }),
      ).toBeInTheDocument();
    }
    expect(
      within(section('overview')).getByTestId('overview-cilium-version'),
    ).toHaveTextContent('1.19.4');
    expect(
      within(section('overview')).getByTestId('overview-routing-mode'),
    ).toHaveTextContent('native');
    expect(
      within(section('overview')).getByTestId('overview-kpr'),
    ).toHaveTextContent('enabled');
    expect(
      within(section('overview')).getByTestId('overview-argocd'),
    ).toHaveTextContent('1/2 Synced, 1/2 Healthy');
    expect(
      within(section('overview')).getByRole('link', { name: 'Grafana' }),
    ).toHaveAttribute('href', 'https://grafana.example.com/d/cilium');
    // Load balancing and BGP, right after the routes.
    expect(
      section('httproutes').compareDocumentPosition(section('load-balancing')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      within(section('load-balancing')).getAllByTestId('lb-pool-item'),
    ).toHaveLength(3);
    expect(
      within(section('load-balancing')).getByRole('meter', {
        name: 'IPs used in public-pool',
      }),
    ).toHaveAttribute('aria-valuetext', '3 of 8 IPs used');
    expect(
      within(section('load-balancing')).getAllByTestId('bgp-peer-row'),
    ).toHaveLength(2);
    expect(
      await within(section('hubble')).findByTestId('service-map'),
    ).toBeInTheDocument();
    expect(
      within(section('argocd')).getByText('prod-eu-1-gateways'),
    ).toBeInTheDocument();
  });

  it('shows a failed source in its section while the others render', async () => {
    const api = mockCiliumApi({
      getClusterStatus: jest.fn(async () => ({
        ...clusterStatus,
        gatewayCounts: undefined,
        errors: [
          {
            source: 'gateways' as const,
            reason: 'forbidden' as const,
            statusCode: 403,
            message:
              'gateways.gateway.networking.k8s.io is forbidden: User "backstage" cannot list resource',
          },
        ],
      })),
    });
    await render(api);
    const alert = await within(section('gateways')).findByRole('alert');
    expect(alert).toHaveTextContent('Gateways: permission denied (HTTP 403)');
    expect(alert).toHaveTextContent('cannot list resource');
    expect(
      within(section('gateways')).queryByTestId('gateways-empty'),
    ).not.toBeInTheDocument();
    expect(
      await within(section('httproutes')).findAllByTestId('route-item'),
    ).toHaveLength(2);
    expect(api.getGateways).not.toHaveBeenCalled();
    expect(
      within(section('cluster-mesh')).getByTestId('mesh-local-name'),
    ).toHaveTextContent('prod-eu-1');
  });

  it('shows a denied page request in its section while the others render', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'cilium.cluster.read is not allowed',
    );
    await render(
      mockCiliumApi({ getHttpRoutes: jest.fn().mockRejectedValue(error) }),
    );
    const panel = await within(section('httproutes')).findByTestId(
      'cilium-permission-denied',
    );
    expect(panel).toHaveTextContent(
      'Permission denied: you may not read the HTTPRoutes of prod-eu-1',
    );
    expect(
      await within(section('gateways')).findAllByTestId('gateway-item'),
    ).toHaveLength(2);
    expect(
      within(section('overview')).getByTestId('overview-cilium-version'),
    ).toHaveTextContent('1.19.4');
  });

  it('keeps gateways and routes when Hubble Relay is down', async () => {
    await render(
      mockCiliumApi({
        getClusterStatus: jest.fn(async () => ({
          ...clusterStatus,
          hubble: undefined,
          errors: [
            {
              source: 'hubble' as const,
              reason: 'unreachable' as const,
              message: '14 UNAVAILABLE: No connection established',
            },
          ],
        })),
        getFlowsSummary: jest.fn(async () => ({
          cluster: 'prod-eu-1',
          query: { last: 10000 },
          window: { oldest: null, newest: null },
          flowsRead: 0,
          truncated: false,
          lostEvents: { inStream: 0, bySource: {} },
          nodes: [],
          edges: [],
          error: {
            source: 'hubble' as const,
            reason: 'unreachable' as const,
            message: '14 UNAVAILABLE: No connection established',
          },
        })),
      }),
    );
    const alerts = await within(section('hubble')).findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Hubble Relay: unreachable');
    expect(alerts[0]).toHaveTextContent('No connection established');
    expect(
      await within(section('gateways')).findAllByTestId('gateway-item'),
    ).toHaveLength(2);
    expect(
      await within(section('httproutes')).findAllByTestId('route-item'),
    ).toHaveLength(2);
  });

  it('shows the Hubble Relay snippet when the relay is not configured', async () => {
    await render(
      mockCiliumApi({
        getClusterStatus: jest.fn(async () => ({
          ...clusterStatus,
          hubble: undefined,
          errors: [
            {
              source: 'hubble' as const,
              reason: 'not-configured' as const,
              message: 'no hubble.address',
            },
          ],
        })),
      }),
    );
    const box = await within(section('hubble')).findByTestId(
      'hubble-not-configured',
    );
    expect(within(box).getByTestId('cilium-config-snippet')).toHaveTextContent(
      'address: hubble-relay.kube-system.svc:80',
    );
    expect(
      within(section('hubble')).queryByTestId('flows-explorer'),
    ).not.toBeInTheDocument();
  });

  it('tells a cluster missing from the backend config, with the snippet', async () => {
    const error = await responseError(
      404,
      'NotFoundError',
      'Cluster "prod-eu-1" is not configured',
    );
    await render(
      mockCiliumApi({ getClusterStatus: jest.fn().mockRejectedValue(error) }),
    );
    const panel = await screen.findByTestId('cilium-cluster-not-configured');
    expect(panel).toHaveTextContent(
      'Cluster "prod-eu-1" is not configured in the Cilium backend',
    );
    expect(
      within(panel).getByTestId('cilium-config-snippet'),
    ).toHaveTextContent('- name: prod-eu-1');
    expect(
      screen.queryByTestId('cilium-section-gateways'),
    ).not.toBeInTheDocument();
  });

  it('tells permission denied as such', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'cilium.cluster.read is not allowed',
    );
    await render(
      mockCiliumApi({ getClusterStatus: jest.fn().mockRejectedValue(error) }),
    );
    const panel = await screen.findByTestId('cilium-permission-denied');
    expect(panel).toHaveTextContent('Permission denied');
    expect(panel).toHaveTextContent('cilium.cluster.read is not allowed');
  });

  it('shows a server error once and still loads the flows', async () => {
    const error = await responseError(500, 'Error', 'database is locked');
    const api = mockCiliumApi({
      getClusterStatus: jest.fn().mockRejectedValue(error),
    });
    await render(api);
    expect(await screen.findByTestId('cilium-request-error')).toHaveTextContent(
      'database is locked',
    );
    expect(
      await within(section('hubble')).findByTestId('service-map'),
    ).toBeInTheDocument();
  });

  it('shows skeletons while the status loads', async () => {
    await render(
      mockCiliumApi({ getClusterStatus: jest.fn(() => new Promise(() => {})) }),
    );
    expect(
      within(section('gateways')).getByTestId('cilium-section-loading'),
    ).toBeInTheDocument();
    expect(
      within(section('overview')).getByLabelText('Loading Overview'),
    ).toBeInTheDocument();
    expect(
      within(section('load-balancing')).getByLabelText(
        'Loading Load balancing and BGP',
      ),
    ).toBeInTheDocument();
  });
});
