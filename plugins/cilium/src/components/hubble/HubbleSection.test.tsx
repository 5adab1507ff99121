import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ciliumApiRef } from '../../api/CiliumApi';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { allowedFlow, deniedFlow } from '../../__fixtures__/flows';
import { mockCiliumApi, responseError } from '../../__fixtures__/mockCiliumApi';
import { StatusState } from '../../hooks/useClusterStatus';
import { HubbleSection } from './HubbleSection';
import type { FlowStreamHandlers } from '../../api/flowStream';

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

  it('draws the service map and lists connections, dropped first', async () => {
    const api = mockCiliumApi();
    await render(api);
    const map = await screen.findByTestId('service-map');
    expect(api.getFlowsSummary).toHaveBeenCalledWith('prod-eu-1', {
      namespace: undefined,
    });
    expect(api.getFlows).not.toHaveBeenCalled();
    expect(
      within(map)
        .getAllByTestId('service-map-edge')
        .map(e => [e.getAttribute('data-edge'), e.getAttribute('data-state')]),
    ).toEqual([
      // drawn in this order: dropped last, on top
      ['shop/frontend-0→shop/checkout-v1-6c9d', 'forwarded'],
      ['tenant-jobs/scheduler-7d9f8-abcde→tenant-jobs/worker-0', 'forwarded'],
      ['tenant-jobs/worker-0→kube-system/coredns-5d78c-xyz', 'dropped'],
    ]);
    expect(within(map).getAllByTestId('service-map-node')).toHaveLength(5);
    const table = screen.getByTestId('flows-aggregated-table');
    expect(
      within(table)
        .getAllByTestId('edge-verdicts')
        .map(v => v.textContent),
    ).toEqual(['DROPPED 1', 'FORWARDED 1', 'FORWARDED 1']);
    expect(screen.getByTestId('flows-window')).toHaveTextContent(
      '3 flows from 2026-11-26 09:59:58 to 2026-11-26 10:00:00 UTC',
    );
    expect(screen.getByTestId('flows-hubble-ui')).toHaveAttribute(
      'href',
      'https://hubble.prod-eu-1.example.com',
    );
  });

  it('filters the connections to a clicked edge and keeps it in the URL', async () => {
    const user = userEvent.setup();
    await render();
    const map = await screen.findByTestId('service-map');
    const dropped = within(map)
      .getAllByTestId('service-map-edge')
      .find(e => e.getAttribute('data-state') === 'dropped')!;
    await user.click(dropped);
    expect(screen.getByTestId('flows-selection')).toHaveTextContent(
      'tenant-jobs/worker-0 → kube-system/coredns-5d78c-xyz',
    );
    const table = screen.getByTestId('flows-aggregated-table');
    expect(within(table).getAllByTestId('edge-verdicts')).toHaveLength(1);

    // The raw view keeps the pair and lists its flows.
    await user.click(screen.getByRole('switch', { name: 'Raw flows' }));
    const raw = await screen.findByTestId('flows-table');
    expect(
      within(raw)
        .getAllByTestId('copy-flow-line')
        .map(b => b.getAttribute('data-line')),
    ).toEqual([deniedFlow.line]);
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    expect(
      within(screen.getByTestId('flows-table')).getAllByTestId(
        'copy-flow-line',
      ),
    ).toHaveLength(3);
  });

  it('opens a raw flow in the drawer with its line and JSON, and copies the line', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await render();
    await screen.findByTestId('service-map');
    await user.click(screen.getByRole('switch', { name: 'Raw flows' }));
    const table = await screen.findByTestId('flows-table');
    expect(
      within(table)
        .getAllByTestId('flow-verdict')
        .map(v => v.textContent),
    ).toEqual(['FORWARDED', 'DENIED', 'ALLOWED']);
    const buttons = within(table).getAllByRole('button', {
      name: /Copy hubble observe line/,
    });
    await user.click(buttons[1]);
    expect(writeText).toHaveBeenCalledWith(deniedFlow.line);

    await user.click(within(table).getByText('policy-verdict:L3-L4 INGRESS'));
    const drawer = await screen.findByTestId('flow-detail');
    expect(within(drawer).getByTestId('flow-detail-line')).toHaveTextContent(
      allowedFlow.line,
    );
    expect(
      JSON.parse(within(drawer).getByTestId('flow-detail-json').textContent!),
    ).toEqual(allowedFlow);
  });

  it('exports the raw flows as hubble observe -o json prints them: one GetFlowsResponse a line, Hubble field names', async () => {
    const user = userEvent.setup();
    // jsdom has no object URLs: keep the Blob the download link would save
    const blobs: Blob[] = [];
    const saved = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:flows';
    };
    URL.revokeObjectURL = () => {};
    // and no navigation: note the file name the link would save under
    const downloads: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    try {
      await render();
      await screen.findByTestId('service-map');
      await user.click(screen.getByRole('switch', { name: 'Raw flows' }));
      await screen.findByTestId('flows-table');
      await user.click(screen.getByTestId('flows-export'));
      expect(blobs).toHaveLength(1);
      const text = await blobs[0].text();
      expect(downloads).toEqual(['prod-eu-1-all-flows.jsonl']);
      const lines = text.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      const responses = lines.map(l => JSON.parse(l));
      const allowed = responses.find(
        r => r.flow.source.pod_name === 'scheduler-7d9f8-abcde',
      );
      expect(allowed).toEqual({
        flow: {
          time: '2026-11-26T09:59:58.849Z',
          verdict: 'FORWARDED',
          l4: {
            TCP: {
              source_port: 41234,
              destination_port: 8080,
              flags: { SYN: true },
            },
          },
          source: {
            identity: 48211,
            namespace: 'tenant-jobs',
            labels: ['k8s:io.kubernetes.pod.namespace=tenant-jobs'],
            pod_name: 'scheduler-7d9f8-abcde',
          },
          destination: {
            identity: 51234,
            namespace: 'tenant-jobs',
            labels: ['k8s:io.kubernetes.pod.namespace=tenant-jobs'],
            pod_name: 'worker-0',
          },
          Type: 'L3_L4',
          node_name: 'prod-eu-1/prod-eu-1-worker-a',
          event_type: { type: 5 },
          traffic_direction: 'INGRESS',
          is_reply: false,
          Summary: 'TCP Flags: SYN',
          ingress_allowed_by: [
            {
              name: 'allow-scheduler',
              namespace: 'tenant-jobs',
              kind: 'CiliumNetworkPolicy',
            },
          ],
        },
        node_name: 'prod-eu-1/prod-eu-1-worker-a',
        time: '2026-11-26T09:59:58.849Z',
      });
      const denied = responses.find(r => r.flow.verdict === 'DROPPED');
      expect(denied.flow).toMatchObject({
        drop_reason_desc: deniedFlow.dropReason,
        egress_denied_by: [expect.objectContaining({ name: 'deny-egress' })],
        l4: { UDP: { source_port: 53012, destination_port: 53 } },
      });
      // is_reply unknown (null) is left out, as protojson leaves out an unset BoolValue
      expect(denied.flow).not.toHaveProperty('is_reply');
      // none of our own field names leak into Hubble's JSON
      expect(text).not.toMatch(
        /"podName"|"nodeName"|"trafficDirection"|"line"/,
      );
    } finally {
      URL.createObjectURL = saved.create;
      URL.revokeObjectURL = saved.revoke;
      click.mockRestore();
    }
  });

  it('pushes namespace to the summary and verdict / policy filters to the raw flows', async () => {
    const user = userEvent.setup();
    const api = mockCiliumApi();
    await render(api);
    await screen.findByTestId('service-map');
    await user.click(screen.getByRole('switch', { name: 'Raw flows' }));
    await user.click(
      screen.getByRole('switch', { name: 'Policy verdicts only' }),
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
        last: 1000,
      }),
    );
    expect(api.getFlowsSummary).toHaveBeenLastCalledWith('prod-eu-1', {
      namespace: 'tenant-jobs',
    });
  });

  it('does not send a namespace that is not a namespace name', async () => {
    const user = userEvent.setup();
    const api = mockCiliumApi();
    await render(api);
    await screen.findByTestId('service-map');
    await user.type(
      screen.getByRole('textbox', { name: 'Namespace' }),
      'Tenant Jobs',
    );
    expect(
      await screen.findByTestId('flow-filter-namespace-invalid'),
    ).toBeInTheDocument();
    expect(api.getFlowsSummary).toHaveBeenCalledTimes(1);
  });

  it('Live appends streamed flows to the map counts and says when the stream ends', async () => {
    const user = userEvent.setup();
    let handlers: FlowStreamHandlers = {};
    const stop = jest.fn();
    const api = mockCiliumApi({
      streamFlows: jest.fn((_c, _q, h) => {
        handlers = h;
        return stop;
      }),
    });
    await render(api);
    await screen.findByTestId('service-map');
    await user.click(screen.getByRole('switch', { name: 'Live' }));
    expect(api.streamFlows).toHaveBeenCalledWith(
      'prod-eu-1',
      {},
      expect.anything(),
    );
    await act(async () => {
      handlers.flow!(deniedFlow);
      handlers.flow!(deniedFlow);
      await new Promise(r => setTimeout(r, 600));
    });
    const table = screen.getByTestId('flows-aggregated-table');
    expect(within(table).getAllByTestId('edge-verdicts')[0]).toHaveTextContent(
      'DROPPED 3',
    );
    await act(async () => {
      handlers.end!({
        reason: 'max-duration',
        message: 'Live flows stop after 300 s',
      });
    });
    expect(screen.getByTestId('flows-live-status')).toHaveTextContent(
      'Live: 2 new flows · stopped: Live flows stop after 300 s',
    );
    await user.click(screen.getByRole('switch', { name: 'Live' }));
    expect(stop).toHaveBeenCalled();
  });

  it('shows a 403 on flows as permission denied while the status renders', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'cilium.flows.read is not allowed',
    );
    await render(
      mockCiliumApi({ getFlowsSummary: jest.fn().mockRejectedValue(error) }),
    );
    const panel = await screen.findByTestId('cilium-permission-denied');
    expect(panel).toHaveTextContent('cilium.flows.read is not allowed');
    expect(screen.getByTestId('hubble-status')).toBeInTheDocument();
  });
});
