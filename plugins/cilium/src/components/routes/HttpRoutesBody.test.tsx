import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  checkoutRoute,
  clusterStatus,
  manyRoutes,
} from '../../__fixtures__/clusterStatus';
import { HttpRoutesBody } from './HttpRoutesBody';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

describe('HttpRoutesBody', () => {
  it('shows hostnames, parents with status, matches, filters and weights', async () => {
    await renderInTestApp(<HttpRoutesBody status={clusterStatus} />);
    const item = screen.getByRole('listitem', {
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
  });

  it('renders one page of 5,000 routes and pages and searches through them', async () => {
    const routes = manyRoutes(5000);
    const started = performance.now();
    await renderInTestApp(
      <HttpRoutesBody status={{ ...clusterStatus, httpRoutes: routes }} />,
    );
    const elapsed = performance.now() - started;
    expect(screen.getAllByTestId('route-item')).toHaveLength(10);
    expect(screen.getByTestId('routes-count')).toHaveTextContent('5000 routes');
    expect(screen.getByText('team-0/route-00001')).toBeInTheDocument();
    expect(screen.queryByText('team-10/route-00011')).not.toBeInTheDocument();
    // Generous bound: the real figure comes from the browser benchmark (bench/ui).
    expect(elapsed).toBeLessThan(10_000);

    await userEvent.click(screen.getByRole('button', { name: /next/i }));
    expect(await screen.findByText('team-10/route-00011')).toBeInTheDocument();
    expect(screen.getAllByTestId('route-item')).toHaveLength(10);

    const search = screen.getByRole('searchbox', { name: 'Search routes' });
    await userEvent.type(search, 'route-04321');
    await waitFor(() =>
      expect(screen.getAllByTestId('route-item')).toHaveLength(1),
    );
    expect(screen.getByText('team-20/route-04321')).toBeInTheDocument();
    expect(screen.getByTestId('routes-count')).toHaveTextContent(
      '1 of 5000 routes match',
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
    await renderInTestApp(
      <HttpRoutesBody
        status={{
          ...clusterStatus,
          httpRoutes: undefined,
          errors: [
            {
              source: 'httpRoutes',
              reason: 'timeout',
              message: 'LIST httproutes timed out after 10s',
            },
          ],
        }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'HTTPRoutes: timed out',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'LIST httproutes timed out after 10s',
    );
  });

  it('has an empty state', async () => {
    await renderInTestApp(
      <HttpRoutesBody status={{ ...clusterStatus, httpRoutes: [] }} />,
    );
    expect(screen.getByTestId('routes-empty')).toHaveTextContent(
      'No HTTPRoutes yet',
    );
  });

  it('memoises: re-rendering with the same routes keeps the page', async () => {
    const status = { ...clusterStatus, httpRoutes: [checkoutRoute] };
    const { rerender } = await renderInTestApp(
      <HttpRoutesBody status={status} />,
    );
    act(() => rerender(<HttpRoutesBody status={status} />));
    expect(screen.getAllByTestId('route-item')).toHaveLength(1);
  });
});
