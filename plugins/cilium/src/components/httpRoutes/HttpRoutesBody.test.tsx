import { useState } from 'react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  ClusterStatus,
  httpRouteSearchText,
} from '@internal/plugin-cilium-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CiliumApi, GetItemsOptions, ciliumApiRef } from '../../api/CiliumApi';
import {
  clusterStatus,
  httpRouteCountsOf,
  manyRoutes,
} from '../../__fixtures__/clusterStatus';
import {
  mockCiliumApi,
  responseError,
  servePages,
} from '../../__fixtures__/mockCiliumApi';
import { HttpRoutesBody } from './HttpRoutesBody';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

/**
 * Renders inside act: the requests the first render starts and that answer
 * at once (the mocks) settle within it rather than after it.
 */
const render = async (
  status: ClusterStatus,
  api: CiliumApi = mockCiliumApi(),
  entityRef?: string,
) => {
  let result!: ReturnType<typeof renderInTestApp>;
  await act(async () => {
    result = renderInTestApp(
      <HttpRoutesBody status={status} entityRef={entityRef} />,
      {
        apis: [[ciliumApiRef, api]],
      },
    );
  });
  return result;
};

describe('HttpRoutesBody', () => {
  it('offers "Shift traffic" on a route that splits traffic, pre-filling the change template for it', async () => {
    await render(clusterStatus, mockCiliumApi(), 'resource:infra/prod-eu-1');
    const split = await screen.findByRole('listitem', {
      name: 'HTTPRoute shop/checkout',
    });
    const link = within(split).getByRole('link', {
      name: 'Shift traffic of shop/checkout',
    });
    const href = link.getAttribute('href')!;
    expect(href).toMatch(
      /^\/create\/templates\/default\/cilium-cluster-change\?formData=/,
    );
    expect(JSON.parse(decodeURIComponent(href.split('formData=')[1]))).toEqual({
      cluster: 'resource:infra/prod-eu-1',
      changeKind: 'split',
      route: 'shop/checkout',
    });
    // One backend: nothing to shift.
    const single = screen.getByRole('listitem', {
      name: 'HTTPRoute tenant-jobs/jobs-api',
    });
    expect(within(single).queryByTestId('route-shift-traffic')).toBeNull();
  });

  it('offers no shift without the cluster entity', async () => {
    await render(clusterStatus);
    await screen.findByRole('listitem', { name: 'HTTPRoute shop/checkout' });
    expect(screen.queryByTestId('route-shift-traffic')).toBeNull();
  });

  it('shows hostnames, parents with status, matches, filters and weights', async () => {
    await render(clusterStatus);
    const item = await screen.findByRole('listitem', {
      name: 'HTTPRoute shop/checkout',
    });
    expect(within(item).getByTestId('route-hostnames')).toHaveTextContent(
      'checkout.shop.example.com',
    );
    const parent = within(item).getByTestId('route-parent');
    expect(parent).toHaveTextContent('infra-gateway/public/https');
    expect(within(parent).getByTestId('condition-Accepted')).toHaveAttribute(
      'data-status',
      'True',
    );
    expect(
      within(parent).getByTestId('condition-ResolvedRefs'),
    ).toHaveTextContent('ResolvedRefs: Service reference is valid');
    expect(item).toHaveTextContent(
      'GET, PathPrefix /api, header x-canary=true',
    );
    expect(
      within(item)
        .getAllByTestId('route-filter')
        .map(f => f.textContent),
    ).toEqual([
      'request: add some-header: This is fun',
      'request: set user-agent: Mozilla/5.0',
      'request: remove x-debug',
    ]);
    const segments = within(item).getAllByTestId('weight-segment');
    expect(segments.map(s => s.style.width)).toEqual(['90%', '10%']);
    expect(within(item).getByRole('img')).toHaveAccessibleName(
      'Backend weights: checkout-v1:8080 90%, checkout-v2:8080 10%',
    );

    const broken = screen.getByRole('listitem', {
      name: 'HTTPRoute tenant-jobs/jobs-api',
    });
    expect(
      within(broken).getByTestId('condition-ResolvedRefs'),
    ).toHaveTextContent('BackendNotFound: Service "backend" not found');
    expect(
      within(broken).getByTestId('condition-ResolvedRefs'),
    ).toHaveAttribute('data-status', 'False');
    // Counted in the status document: one route with a broken backend.
    expect(screen.getByTestId('routes-health')).toHaveTextContent(
      '1 with unresolved refs',
    );
    expect(screen.getByTestId('routes-health')).not.toHaveTextContent(
      'not accepted',
    );
  });

  it('shows one page of 5,000 routes from the backend, and pages and searches through them there', async () => {
    const routes = manyRoutes(5000);
    const api = mockCiliumApi({}, { httpRoutes: routes });
    const started = performance.now();
    await render(
      { ...clusterStatus, httpRouteCounts: httpRouteCountsOf(routes) },
      api,
    );
    expect(await screen.findAllByTestId('route-item')).toHaveLength(10);
    const elapsed = performance.now() - started;
    expect(screen.getByTestId('routes-count')).toHaveTextContent('5000 routes');
    expect(screen.getByText('team-0/route-00001')).toBeInTheDocument();
    // Sorted by namespace/name: team-0 holds route-00001, -00051, …
    expect(screen.queryByText('team-0/route-00501')).not.toBeInTheDocument();
    // Generous bound: the real figure comes from the browser benchmark (bench/ui).
    expect(elapsed).toBeLessThan(10_000);

    await userEvent.click(screen.getByRole('button', { name: /next/i }));
    expect(await screen.findByText('team-0/route-00501')).toBeInTheDocument();
    expect(screen.getAllByTestId('route-item')).toHaveLength(10);
    expect(api.getHttpRoutes).toHaveBeenLastCalledWith(
      'prod-eu-1',
      expect.objectContaining({ offset: 10, limit: 10 }),
    );

    const search = screen.getByRole('searchbox', { name: 'Search routes' });
    await userEvent.type(search, 'route-04321');
    await waitFor(() =>
      expect(screen.getAllByTestId('route-item')).toHaveLength(1),
    );
    expect(screen.getByText('team-20/route-04321')).toBeInTheDocument();
    expect(screen.getByTestId('routes-count')).toHaveTextContent(
      '1 of 5000 routes match',
    );
    expect(api.getHttpRoutes).toHaveBeenLastCalledWith(
      'prod-eu-1',
      expect.objectContaining({ q: 'route-04321', offset: 0 }),
    );

    await userEvent.clear(search);
    await userEvent.type(search, 'team-7 ');
    await waitFor(() =>
      expect(screen.getByTestId('routes-count')).toHaveTextContent(
        '100 of 5000 routes match',
      ),
    );
    expect(screen.getAllByTestId('route-item')).toHaveLength(10);
  });

  it('says what to do when there are no routes, and when the source failed', async () => {
    const api = mockCiliumApi();
    await render(
      {
        ...clusterStatus,
        httpRouteCounts: undefined,
        errors: [
          {
            source: 'httpRoutes',
            reason: 'timeout',
            message: 'LIST httproutes timed out after 10s',
          },
        ],
      },
      api,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'HTTPRoutes: timed out',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'LIST httproutes timed out after 10s',
    );
    expect(api.getHttpRoutes).not.toHaveBeenCalled();
  });

  it('has an empty state', async () => {
    const api = mockCiliumApi();
    await render(
      {
        ...clusterStatus,
        httpRouteCounts: { total: 0, notAccepted: 0, unresolvedRefs: 0 },
      },
      api,
    );
    expect(screen.getByTestId('routes-empty')).toHaveTextContent(
      'No HTTPRoutes yet',
    );
    expect(screen.queryByTestId('routes-health')).not.toBeInTheDocument();
    expect(api.getHttpRoutes).not.toHaveBeenCalled();
  });

  it('keeps the page on screen while the next one loads', async () => {
    const serve = servePages(manyRoutes(30), httpRouteSearchText);
    let release!: () => void;
    const api = mockCiliumApi({
      getHttpRoutes: jest.fn(async (c: string, o?: GetItemsOptions) => {
        if (o?.offset) await new Promise<void>(r => (release = r));
        return serve(c, o);
      }),
    });
    await render(
      { ...clusterStatus, httpRouteCounts: httpRouteCountsOf(manyRoutes(30)) },
      api,
    );
    await screen.findByText('team-0/route-00001');
    await userEvent.click(screen.getByRole('button', { name: /next/i }));
    expect(screen.getByText('team-0/route-00001')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'HTTPRoutes' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(screen.queryByTestId('routes-loading')).not.toBeInTheDocument();

    await act(async () => release());
    expect(await screen.findByText('team-18/route-00019')).toBeInTheDocument();
    expect(screen.queryByText('team-0/route-00001')).not.toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'HTTPRoutes' }),
    ).not.toHaveAttribute('aria-busy');
  });

  it('shows a failed page request as the request error, a search box still there', async () => {
    const api = mockCiliumApi();
    api.getHttpRoutes.mockRejectedValueOnce(
      await responseError(500, 'Error', 'snapshot read failed'),
    );
    await render(clusterStatus, api);
    const panel = await screen.findByTestId('cilium-request-error');
    expect(panel).toHaveTextContent(
      'Could not load the HTTPRoutes of prod-eu-1',
    );
    expect(panel).toHaveTextContent('snapshot read failed');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('route-item')).toHaveLength(2);

    // A search that fails: the error, above the page still on screen.
    api.getHttpRoutes.mockRejectedValueOnce(
      await responseError(
        403,
        'NotAllowedError',
        'cilium.cluster.read is not allowed',
      ),
    );
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search routes' }),
      'checkout',
    );
    expect(
      await screen.findByTestId('cilium-permission-denied'),
    ).toHaveTextContent('you may not read the HTTPRoutes of prod-eu-1');
    expect(screen.getAllByTestId('route-item')).toHaveLength(2);
  });

  it('asks for the page again for a new status document only', async () => {
    const api = mockCiliumApi();
    let setStatus!: (s: ClusterStatus) => void;
    const Tab = () => {
      const [status, set] = useState(clusterStatus);
      setStatus = set;
      return <HttpRoutesBody status={status} />;
    };
    await act(async () => {
      renderInTestApp(<Tab />, { apis: [[ciliumApiRef, api]] });
    });
    expect(await screen.findAllByTestId('route-item')).toHaveLength(2);
    // The same document revalidated (a copy, as after a reload).
    act(() => setStatus({ ...clusterStatus }));
    expect(api.getHttpRoutes).toHaveBeenCalledTimes(1);

    // A newer snapshot: one route left, and its counts.
    const later = '2026-11-26T10:05:00Z';
    const routes = manyRoutes(1);
    api.getHttpRoutes.mockImplementation(
      servePages(routes, httpRouteSearchText, later),
    );
    act(() =>
      setStatus({
        ...clusterStatus,
        generatedAt: later,
        httpRouteCounts: httpRouteCountsOf(routes),
      }),
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('route-item')).toHaveLength(1),
    );
    expect(screen.getByText('team-0/route-00001')).toBeInTheDocument();
    expect(screen.queryByTestId('routes-health')).not.toBeInTheDocument();
    expect(api.getHttpRoutes).toHaveBeenCalledTimes(2);
  });
});
