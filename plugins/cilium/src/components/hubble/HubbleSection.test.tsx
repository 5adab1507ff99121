import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ciliumApiRef } from '../../api/CiliumApi';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { allowedFlow, deniedFlow } from '../../__fixtures__/flows';
import { mockCiliumApi, responseError } from '../../__fixtures__/mockCiliumApi';
import { StatusState } from '../common/useClusterStatus';
import { HubbleSection } from './HubbleSection';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

const loaded: StatusState = {
  loading: false,
  value: clusterStatus,
  retry: () => {},
};

/**
 * Renders inside act: the requests the first render starts and that answer
 * at once (the mocks) settle within it rather than after it.
 */
const render = async (api = mockCiliumApi(), state = loaded) => {
  let result!: ReturnType<typeof renderInTestApp>;
  await act(async () => {
    result = renderInTestApp(
      <HubbleSection cluster="prod-eu-1" statusState={state} />,
      {
        apis: [[ciliumApiRef, api]],
      },
    );
  });
  return result;
};

describe('HubbleSection', () => {
  it('shows hubble status as the CLI prints it', async () => {
    await render();
    expect(screen.getByTestId('hubble-health')).toHaveTextContent('Ok');
    expect(screen.getByTestId('hubble-flows')).toHaveTextContent(
      '8,190/8,190 (100.00%)',
    );
    expect(screen.getByTestId('hubble-rate')).toHaveTextContent('12.34');
    expect(screen.getByTestId('hubble-connected')).toHaveTextContent('3/3');
    expect(screen.getByTestId('hubble-unavailable')).toHaveTextContent('0');
    expect(screen.getByTestId('hubble-status-text')).toHaveTextContent(
      'Healthcheck (via hubble-relay.kube-system.svc:80): Ok',
    );
  });

  it('lists recent flows with verdicts, policy names and a verdict chart', async () => {
    const api = mockCiliumApi();
    await render(api);
    const table = await screen.findByTestId('flows-table');
    expect(api.getFlows).toHaveBeenCalledWith('prod-eu-1', {
      namespace: undefined,
      verdict: undefined,
      policyVerdictsOnly: undefined,
      last: 100,
    });
    expect(
      within(table)
        .getAllByTestId('flow-verdict')
        .map(v => v.textContent),
    ).toEqual(['ALLOWED', 'DENIED', 'FORWARDED']);
    expect(within(table).getAllByTestId('flow-policy')[0]).toHaveTextContent(
      'allowed by tenant-jobs/allow-scheduler (CiliumNetworkPolicy)',
    );
    expect(within(table).getAllByTestId('flow-policy')[1]).toHaveTextContent(
      'denied by tenant-jobs/deny-egress (CiliumNetworkPolicy)',
    );
    expect(
      within(table).getByText('policy-verdict:L3-L4 INGRESS'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Flows by verdict: FORWARDED 2, DROPPED 1',
      }),
    ).toBeInTheDocument();
  });

  it('copies a row as its hubble observe line', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await render();
    const buttons = await screen.findAllByRole('button', {
      name: /Copy hubble observe line/,
    });
    await user.click(buttons[1]);
    expect(writeText).toHaveBeenCalledWith(deniedFlow.line);
    expect(buttons[1]).toHaveTextContent('Copied');
    expect(buttons[0]).toHaveAttribute('data-line', allowedFlow.line);
  });

  it('passes namespace, verdict and policy-verdict filters to the client', async () => {
    const user = userEvent.setup();
    const api = mockCiliumApi();
    await render(api);
    await screen.findByTestId('flows-table');

    await user.click(
      screen.getByRole('switch', { name: 'Policy verdicts only' }),
    );
    await waitFor(() =>
      expect(api.getFlows).toHaveBeenLastCalledWith(
        'prod-eu-1',
        expect.objectContaining({ policyVerdictsOnly: true }),
      ),
    );

    await user.type(
      screen.getByRole('textbox', { name: 'Namespace' }),
      'tenant-jobs',
    );
    await waitFor(() =>
      expect(api.getFlows).toHaveBeenLastCalledWith('prod-eu-1', {
        namespace: 'tenant-jobs',
        verdict: undefined,
        policyVerdictsOnly: true,
        last: 100,
      }),
    );

    await user.click(screen.getByRole('button', { name: /Verdict/ }));
    await user.click(await screen.findByRole('option', { name: 'DROPPED' }));
    await waitFor(() =>
      expect(api.getFlows).toHaveBeenLastCalledWith('prod-eu-1', {
        namespace: 'tenant-jobs',
        verdict: 'DROPPED',
        policyVerdictsOnly: true,
        last: 100,
      }),
    );
  });

  it('does not send a namespace that is not a namespace name', async () => {
    const user = userEvent.setup();
    const api = mockCiliumApi();
    await render(api);
    await screen.findByTestId('flows-table');
    await user.type(
      screen.getByRole('textbox', { name: 'Namespace' }),
      'Tenant Jobs',
    );
    expect(
      await screen.findByTestId('flow-filter-namespace-invalid'),
    ).toBeInTheDocument();
    await new Promise(r => setTimeout(r, 600));
    expect(api.getFlows).toHaveBeenCalledTimes(1);
  });

  it('refreshes on demand and, when switched on, every 10 seconds', async () => {
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      const api = mockCiliumApi();
      await render(api);
      await screen.findByTestId('flows-table');
      expect(api.getFlows).toHaveBeenCalledTimes(1);

      await user.click(screen.getByRole('button', { name: 'Refresh flows' }));
      await waitFor(() => expect(api.getFlows).toHaveBeenCalledTimes(2));

      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(api.getFlows).toHaveBeenCalledTimes(2);

      await user.click(screen.getByRole('switch', { name: /Auto-refresh/ }));
      await act(async () => {
        jest.advanceTimersByTime(10_000);
      });
      await waitFor(() => expect(api.getFlows).toHaveBeenCalledTimes(3));
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows a 403 on flows as permission denied while the status renders', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'cilium.flows.read is not allowed',
    );
    await render(
      mockCiliumApi({ getFlows: jest.fn().mockRejectedValue(error) }),
    );
    const panel = await screen.findByTestId('cilium-permission-denied');
    expect(panel).toHaveTextContent('cilium.flows.read is not allowed');
    expect(screen.getByTestId('hubble-status')).toBeInTheDocument();
  });
});
