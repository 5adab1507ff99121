import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { act, screen } from '@testing-library/react';
import { ciliumApiRef } from '../../api/CiliumApi';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { mockCiliumApi } from '../../__fixtures__/mockCiliumApi';
import { HubbleSection } from './HubbleSection';

jest.setTimeout(30_000);

// usePermission caches answers per resource: one entity per test.
const entityNamed = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'infra' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/owners' },
});

const render = async (
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  name: string,
) => {
  const api = mockCiliumApi();
  const authorize = jest.fn(async () => ({ result }));
  await act(async () => {
    renderInTestApp(
      <HubbleSection
        cluster="prod-eu-1"
        entity={entityNamed(name)}
        statusState={{ loading: false, value: clusterStatus, retry: () => {} }}
      />,
      {
        apis: [
          [ciliumApiRef, api],
          [permissionApiRef, { authorize }],
        ],
      },
    );
  });
  return { api, authorize };
};

describe('HubbleSection with the flows permission', () => {
  it('hides the flows of a cluster the user may not read flows of, and says why', async () => {
    const { api, authorize } = await render(AuthorizeResult.DENY, 'prod-eu-1');
    expect(authorize).toHaveBeenCalledWith({
      permission: expect.objectContaining({ name: 'cilium.flows.read' }),
      resourceRef: 'resource:infra/prod-eu-1',
    });
    const hidden = await screen.findByTestId('flows-hidden');
    expect(hidden).toHaveTextContent('Recent flows are hidden');
    expect(hidden).toHaveTextContent(
      'only members of the group that owns this cluster (group:default/owners) and portal admins may see them (permission cilium.flows.read)',
    );
    // The Hubble status stays; no flows request, no 403 panel.
    expect(screen.getByTestId('hubble-health')).toHaveTextContent('Ok');
    expect(api.getFlows).not.toHaveBeenCalled();
    expect(api.getFlowsSummary).not.toHaveBeenCalled();
    expect(screen.queryByTestId('service-map')).not.toBeInTheDocument();
    expect(screen.queryByTestId('flows-table')).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('cilium-permission-denied'),
    ).not.toBeInTheDocument();
    expect(screen.queryByTestId('flows-refresh')).not.toBeInTheDocument();
  });

  it('shows the flows to a user who may read them', async () => {
    const { api } = await render(AuthorizeResult.ALLOW, 'prod-eu-2');
    expect(await screen.findByTestId('service-map')).toBeInTheDocument();
    expect(api.getFlowsSummary).toHaveBeenCalled();
    expect(screen.queryByTestId('flows-hidden')).not.toBeInTheDocument();
  });
});
