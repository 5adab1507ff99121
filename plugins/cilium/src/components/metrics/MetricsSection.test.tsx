import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clusterMetrics,
  unconfiguredMetrics,
} from '../../__fixtures__/metrics';
import { mockCiliumApi, responseError } from '../../__fixtures__/mockCiliumApi';
import { ciliumApiRef } from '../../api/CiliumApi';
import { MetricsSection } from './MetricsSection';

jest.setTimeout(30_000);

const render = (api = mockCiliumApi()) =>
  renderInTestApp(
    <TestApiProvider apis={[[ciliumApiRef, api]]}>
      <MetricsSection cluster="prod-eu-1" />
    </TestApiProvider>,
  );

describe('MetricsSection', () => {
  it('charts flows and drops, lists HTTP signals, and shows a failed query in place', async () => {
    const api = mockCiliumApi();
    await render(api);
    // The charts are lazy-loaded (recharts): the first import takes a while.
    const flows = await screen.findByTestId(
      'metrics-flows-chart',
      {},
      { timeout: 20_000 },
    );
    // The newest point of each series, in words.
    expect(flows).toHaveAttribute(
      'aria-label',
      'Flows per second by verdict: DROPPED 0.20/s, FORWARDED 1.5/s',
    );
    expect(screen.getByTestId('metrics-drops-chart')).toHaveAttribute(
      'aria-label',
      'Drops per second by reason: POLICY_DENIED 0.10/s',
    );
    const http = screen.getByTestId('metrics-http');
    const row = within(http).getAllByRole('row')[1];
    expect(row).toHaveTextContent('details');
    expect(row).toHaveTextContent('bookinfo');
    expect(row).toHaveTextContent('0.10/s');
    expect(row).toHaveTextContent('2.0 %');
    expect(row).toHaveTextContent('3.0 ms');
    // BGP failed with execution (422): said in place, with the query.
    const alert = screen.getByTestId('cilium-metric-error');
    expect(alert).toHaveTextContent(
      'BGP sessions: query failed (execution) (HTTP 422)',
    );
    expect(alert).toHaveTextContent('cilium_bgp_control_plane_session_state');
    expect(api.getMetrics).toHaveBeenCalledWith('prod-eu-1', { range: '1h' });
  });

  it('asks again for another range', async () => {
    const api = mockCiliumApi();
    await render(api);
    await screen.findByTestId('metrics-flows-chart', {}, { timeout: 20_000 });
    await userEvent.click(screen.getByRole('radio', { name: '6 h' }));
    await waitFor(() =>
      expect(api.getMetrics).toHaveBeenLastCalledWith('prod-eu-1', {
        range: '6h',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('metrics-window')).toHaveTextContent(
        'one point per 360 s',
      ),
    );
  });

  it('says when no Prometheus is configured, with the config to add', async () => {
    await render(
      mockCiliumApi({ getMetrics: jest.fn(async () => unconfiguredMetrics()) }),
    );
    const box = await screen.findByTestId('metrics-not-configured');
    expect(box).toHaveTextContent('No Prometheus configured for this cluster');
    expect(within(box).getByTestId('cilium-config-snippet')).toHaveTextContent(
      'prometheus: # the generated clusters: kube-prometheus-stack in namespace monitoring',
    );
    expect(screen.queryByTestId('metrics-flows-chart')).not.toBeInTheDocument();
  });

  it('shows the loading state, then a request error', async () => {
    let fail: (e: Error) => void = () => {};
    const api = mockCiliumApi({
      getMetrics: jest.fn(
        () => new Promise<never>((_, reject) => (fail = reject)),
      ),
    });
    await render(api);
    expect(screen.getByTestId('metrics-loading')).toBeInTheDocument();
    fail(
      await responseError(
        403,
        'NotAllowedError',
        'Missing permission cilium.cluster.read',
      ),
    );
    expect(
      await screen.findByTestId('cilium-permission-denied'),
    ).toHaveTextContent(
      'Permission denied: you may not read the metrics of prod-eu-1',
    );
  });

  it('says so when a range has no series', async () => {
    const empty = clusterMetrics();
    empty.flowsByVerdict = { promql: empty.flowsByVerdict.promql, value: [] };
    await render(mockCiliumApi({ getMetrics: jest.fn(async () => empty) }));
    expect(
      await screen.findByTestId('metrics-flows-chart-empty'),
    ).toHaveTextContent(
      'Flows per second by verdict: no series in this range.',
    );
  });
});
