import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ClusterStatus,
  httpRouteSearchText,
} from '@internal/plugin-cilium-common';
import { CiliumApi, ciliumApiRef } from '../api/CiliumApi';
import { clusterEntity } from '../__fixtures__/entities';
import {
  checkoutRoute,
  clusterStatus,
  httpRouteCountsOf,
} from '../__fixtures__/clusterStatus';
import { mockCiliumApi, servePages } from '../__fixtures__/mockCiliumApi';
import { ClusterMeshCard } from '../components/clusterMesh/ClusterMeshCard';
import { HubbleCard } from '../components/hubble/HubbleCard';
import { CiliumClusterContent } from '../components/tab/CiliumClusterContent';
import { DEDUPE_MS, MAX_STALE_MS } from './useClusterStatus';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

/**
 * Renders inside act: the requests the first render starts and that answer
 * at once (the mocks) settle within it rather than after it.
 */
const render = async (api: CiliumApi, children: JSX.Element) => {
  let result!: ReturnType<typeof renderInTestApp>;
  await act(async () => {
    result = renderInTestApp(
      <EntityProvider entity={clusterEntity}>{children}</EntityProvider>,
      { apis: [[ciliumApiRef, api]] },
    );
  });
  return result;
};

const tab = <CiliumClusterContent />;
const routes = () => screen.getByTestId('cilium-section-httproutes');

/** A status request that answers when told to. */
function deferred() {
  let resolve!: (s: ClusterStatus) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<ClusterStatus>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the status document shared by the tab and the cards', () => {
  let now = 1_000_000;
  beforeEach(() => {
    now += 60 * 60_000; // each test on its own hour
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('is fetched once when the tab and both cards mount together', async () => {
    const api = mockCiliumApi();
    await render(
      api,
      <>
        {tab}
        <ClusterMeshCard />
        <HubbleCard />
      </>,
    );
    expect(await screen.findByTestId('mesh-card-summary')).toHaveTextContent(
      'prod-eu-1 (ID 1) · 1/2 peers ready',
    );
    expect(
      within(screen.getByTestId('cilium-section-hubble-card')).getByTestId(
        'hubble-status',
      ),
    ).toBeInTheDocument();
    expect(await within(routes()).findAllByTestId('route-item')).toHaveLength(
      2,
    );
    expect(api.getClusterStatus).toHaveBeenCalledTimes(1);
    expect(api.getHttpRoutes).toHaveBeenCalledTimes(1);
  });

  it('renders at once when coming back from the cards, and revalidates', async () => {
    const api = mockCiliumApi();
    const overview = await render(
      api,
      <>
        <ClusterMeshCard />
        <HubbleCard />
      </>,
    );
    await screen.findByTestId('mesh-card-summary');
    overview.unmount();

    // The user reads the overview for a while, then opens the tab: the
    // document is on screen without a skeleton while it is asked again
    // (the routes' counts at once, the routes after their page request).
    now += DEDUPE_MS + 1;
    const again = deferred();
    api.getClusterStatus.mockImplementationOnce(() => again.promise);
    await render(api, tab);
    expect(
      within(routes()).queryByTestId('cilium-section-loading'),
    ).not.toBeInTheDocument();
    expect(within(routes()).getByTestId('routes-health')).toHaveTextContent(
      '1 with unresolved refs',
    );
    expect(await within(routes()).findAllByTestId('route-item')).toHaveLength(
      2,
    );
    expect(api.getClusterStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('cilium-reload-status')).toHaveAttribute(
      'data-pending',
      'true',
    );

    // The answer replaces it: here a document with one route less, whose
    // page the routes then ask for.
    const later = '2026-11-26T10:05:00Z';
    api.getHttpRoutes.mockImplementation(
      servePages([checkoutRoute], httpRouteSearchText, later),
    );
    await act(async () =>
      again.resolve({
        ...clusterStatus,
        generatedAt: later,
        httpRouteCounts: httpRouteCountsOf([checkoutRoute]),
      }),
    );
    await waitFor(() =>
      expect(within(routes()).getAllByTestId('route-item')).toHaveLength(1),
    );
    expect(
      within(routes()).queryByTestId('routes-health'),
    ).not.toBeInTheDocument();
  });

  it('does not ask again when mounted right after an answer', async () => {
    const api = mockCiliumApi();
    const first = await render(api, <ClusterMeshCard />);
    await screen.findByTestId('mesh-card-summary');
    first.unmount();
    await render(api, tab);
    expect(await within(routes()).findAllByTestId('route-item')).toHaveLength(
      2,
    );
    expect(api.getClusterStatus).toHaveBeenCalledTimes(1);
  });

  it('does not show a document kept from long ago', async () => {
    const api = mockCiliumApi();
    const first = await render(api, tab);
    await within(routes()).findAllByTestId('route-item');
    first.unmount();

    now += MAX_STALE_MS + 1;
    const again = deferred();
    api.getClusterStatus.mockImplementationOnce(() => again.promise);
    await render(api, tab);
    expect(
      within(routes()).getByTestId('cilium-section-loading'),
    ).toBeInTheDocument();
    await act(async () => again.resolve(clusterStatus));
    expect(await within(routes()).findAllByTestId('route-item')).toHaveLength(
      2,
    );
  });

  it('keeps no failure: mounting again asks again, and so does "Reload status"', async () => {
    const api = mockCiliumApi({
      getClusterStatus: jest
        .fn()
        .mockRejectedValueOnce(new Error('database is locked'))
        .mockResolvedValue(clusterStatus),
    });
    const first = await render(api, tab);
    expect(await screen.findByTestId('cilium-request-error')).toHaveTextContent(
      'database is locked',
    );
    first.unmount();

    await render(api, tab);
    expect(await within(routes()).findAllByTestId('route-item')).toHaveLength(
      2,
    );
    expect(api.getClusterStatus).toHaveBeenCalledTimes(2);

    await userEvent.click(
      screen.getByRole('button', { name: 'Reload cluster status' }),
    );
    await waitFor(() => expect(api.getClusterStatus).toHaveBeenCalledTimes(3));
    expect(within(routes()).getAllByTestId('route-item')).toHaveLength(2);
  });

  it('keeps clusters apart', async () => {
    const api = mockCiliumApi();
    await render(
      api,
      <>
        <ClusterMeshCard />
        <EntityProvider
          entity={{
            ...clusterEntity,
            metadata: {
              ...clusterEntity.metadata,
              name: 'prod-us-1',
              annotations: { 'cilium-gitops/cluster-name': 'prod-us-1' },
            },
          }}
        >
          <ClusterMeshCard />
        </EntityProvider>
      </>,
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('mesh-card-summary')).toHaveLength(2),
    );
    expect(api.getClusterStatus.mock.calls.map(c => c[0]).sort()).toEqual([
      'prod-eu-1',
      'prod-us-1',
    ]);
  });
});
