import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { PolicyReadinessResponse } from '@internal/plugin-cilium-common';
import { ciliumApiRef } from '../../api/CiliumApi';
import {
  policyReadiness,
  schedulerToWorker,
  workerToWorld,
} from '../../__fixtures__/policyReadiness';
import { mockCiliumApi, responseError } from '../../__fixtures__/mockCiliumApi';
import { PolicyReadinessSection } from './PolicyReadinessSection';

jest.setTimeout(30_000);

type Decision = Awaited<ReturnType<PermissionApi['authorize']>>;

const ENTITY_REF = 'resource:default/democluster1';
let entityNo = 0;

// usePermission caches answers per resource: one entity per test.
const render = async (
  api = mockCiliumApi(),
  opts: { allow?: boolean; url?: string } = {},
) => {
  const name = `democluster1-${entityNo++}`;
  // AuthorizeResult.DENY / ALLOW (@backstage/plugin-permission-common).
  const result = opts.allow === false ? 'DENY' : 'ALLOW';
  const authorize = jest.fn(async () => ({ result } as Decision));
  await act(async () => {
    renderInTestApp(
      <PolicyReadinessSection
        cluster="democluster1"
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name },
          spec: { type: 'kubernetes-cluster', owner: 'group:default/owners' },
        }}
        entityRef={ENTITY_REF}
      />,
      {
        apis: [
          [ciliumApiRef, api],
          [permissionApiRef, { authorize }],
        ],
        initialRouteEntries: [opts.url ?? '/?readinessNamespace=tenant-jobs'],
      },
    );
  });
  return api;
};

const withDoc = (doc: Partial<PolicyReadinessResponse>) =>
  mockCiliumApi({
    getPolicyReadiness: jest.fn(async () => ({ ...policyReadiness, ...doc })),
  });

describe('PolicyReadinessSection', () => {
  it('lists the would-drop edges per direction, the proposal and the replay', async () => {
    const api = await render();
    expect(api.getPolicyReadiness).toHaveBeenCalledWith('democluster1', {
      namespace: 'tenant-jobs',
      keep: undefined,
    });
    const ingress = await screen.findByTestId('readiness-ingress');
    expect(ingress).toHaveTextContent('Would drop on ingress (1)');
    expect(within(ingress).getByTestId('readiness-edge')).toHaveTextContent(
      'tenant-jobs/schedulertenant-jobs/worker:8080/TCP2',
    );
    expect(screen.getByTestId('readiness-egress')).toHaveTextContent(
      'world (downloads.example.org):443/TCP',
    );
    expect(screen.getByTestId('readiness-selected')).toHaveTextContent(
      'tenant-jobs/worker: default-deny on ingress (allow-scheduler-to-worker)',
    );
    expect(screen.getByTestId('readiness-replay')).toHaveTextContent(
      'Replay of 12 flows: 0 newly dropped for kept edges',
    );
    expect(screen.getByTestId('readiness-proposal')).toHaveTextContent(
      'Proposal: 2 CiliumNetworkPolicies for 2 kept edges',
    );
    expect(screen.getByLabelText('Proposed policies (YAML)')).toHaveTextContent(
      'kind: CiliumNetworkPolicy',
    );
    const link = screen.getByTestId('propose-policies');
    const formData = JSON.parse(
      new URL(link.getAttribute('href')!, 'http://x').searchParams.get(
        'formData',
      )!,
    );
    expect(link.getAttribute('href')).toMatch(
      /^\/create\/templates\/default\/cilium-policy-proposal\?formData=/,
    );
    expect(formData).toMatchObject({
      cluster: ENTITY_REF,
      namespace: 'tenant-jobs',
      replay: expect.stringContaining(
        'Replay of 12 flows against current + proposed policies: 0 newly dropped for 2 kept edge(s)',
      ),
    });
    expect(formData.readiness).toContain(
      '| ingress | tenant-jobs/scheduler → tenant-jobs/worker:8080/TCP | 2 | 2026-11-26T10:00:01.001Z | allow |',
    );
    expect(JSON.parse(formData.policies)).toEqual(
      policyReadiness.proposal!.policies,
    );
  });

  it('recomputes the proposal with the kept edges when one is unticked', async () => {
    const api = await render();
    const box = await screen.findByRole('checkbox', {
      name: /Keep tenant-jobs\/worker → world/,
    });
    expect(box).toBeChecked();
    await act(async () => {
      fireEvent.click(box);
    });
    expect(api.getPolicyReadiness).toHaveBeenLastCalledWith('democluster1', {
      namespace: 'tenant-jobs',
      keep: [schedulerToWorker.id],
    });
    expect(
      await screen.findByRole('checkbox', {
        name: /Keep tenant-jobs\/worker → world/,
      }),
    ).not.toBeChecked();
    expect(workerToWorld.id).not.toBe(schedulerToWorker.id);
  });

  it('disables "Propose policies" with the reason when the replay drops a kept edge', async () => {
    await render(
      withDoc({
        proposal: {
          ...policyReadiness.proposal!,
          replay: {
            ...policyReadiness.proposal!.replay,
            keptNewlyDropped: [workerToWorld],
            valid: false,
          },
        },
      }),
    );
    expect(await screen.findByTestId('readiness-replay')).toHaveTextContent(
      '1 newly dropped for kept edges',
    );
    expect(screen.getByTestId('replay-drop')).toHaveTextContent(
      'Dropped: tenant-jobs/worker → world (downloads.example.org):443/TCP',
    );
    expect(screen.queryByTestId('propose-policies')).not.toBeInTheDocument();
    expect(screen.getByTestId('propose-policies-disabled')).toBeDisabled();
    expect(screen.getByTestId('propose-blocked-reason')).toHaveTextContent(
      'The replay drops 1 kept edge(s)',
    );
  });

  it('says so when there are no flows in the window', async () => {
    await render(
      withDoc({
        flowsConsidered: 0,
        wouldDrop: { ingress: [], egress: [] },
        proposal: undefined,
      }),
    );
    expect(await screen.findByTestId('readiness-no-flows')).toHaveTextContent(
      'No flows of tenant-jobs in the window',
    );
  });

  it('says so when no Hubble Relay is configured', async () => {
    await render(
      withDoc({
        flowsConsidered: 0,
        errors: [
          {
            source: 'hubble',
            reason: 'not-configured',
            message: 'No Hubble Relay configured',
          },
        ] as PolicyReadinessResponse['errors'],
      }),
    );
    expect(
      (await screen.findAllByTestId('readiness-no-hubble'))[0],
    ).toHaveTextContent('No Hubble Relay is configured for democluster1');
  });

  it('shows a failing policy source as its own error beside the edges', async () => {
    await render(
      withDoc({
        errors: [
          {
            source: 'ciliumClusterwideNetworkPolicies',
            reason: 'forbidden',
            message: 'ciliumclusterwidenetworkpolicies is forbidden',
          },
        ] as PolicyReadinessResponse['errors'],
      }),
    );
    expect(
      await screen.findByTestId(
        'cilium-source-error-ciliumClusterwideNetworkPolicies',
      ),
    ).toHaveTextContent('CiliumClusterwideNetworkPolicies: permission denied');
    expect(screen.getByTestId('readiness-ingress')).toBeInTheDocument();
  });

  it('shows a failed request as an error panel', async () => {
    await render(
      mockCiliumApi({
        getPolicyReadiness: jest.fn(async () => {
          throw await responseError(
            400,
            'InputError',
            "Invalid query parameter 'namespace': must be a DNS-1123 label",
          );
        }),
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'must be a DNS-1123 label',
    );
  });

  it('asks for a namespace first', async () => {
    const api = await render(undefined, { url: '/' });
    expect(await screen.findByTestId('readiness-pick')).toBeInTheDocument();
    expect(api.getPolicyReadiness).not.toHaveBeenCalled();
  });

  it('hides the section without the flows permission and makes no request', async () => {
    const api = await render(undefined, { allow: false });
    expect(await screen.findByTestId('readiness-hidden')).toHaveTextContent(
      'permission cilium.flows.read',
    );
    expect(api.getPolicyReadiness).not.toHaveBeenCalled();
    expect(api.getFlowsSummary).not.toHaveBeenCalled();
  });
});
