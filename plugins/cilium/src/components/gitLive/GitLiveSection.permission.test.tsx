import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { act, screen, within } from '@testing-library/react';
import { ciliumApiRef } from '../../api/CiliumApi';
import { mockCiliumApi } from '../../__fixtures__/mockCiliumApi';
import { GitLiveSection } from './GitLiveSection';

jest.setTimeout(30_000);

const render = async (
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  entityRef: string,
) => {
  const authorize = jest.fn(async () => ({ result }));
  await act(async () => {
    renderInTestApp(
      <GitLiveSection cluster="prod-eu-1" entityRef={entityRef} />,
      {
        apis: [
          [ciliumApiRef, mockCiliumApi()],
          [permissionApiRef, { authorize }],
        ],
      },
    );
  });
  return authorize;
};

// usePermission caches answers per resource: one entity per test.
describe('GitLiveSection with the change permission', () => {
  it('offers no Shift traffic link to a user who may not change the cluster, and says why', async () => {
    const authorize = await render(
      AuthorizeResult.DENY,
      'resource:default/denied-cluster',
    );
    const [echo] = await screen.findAllByTestId('git-route-row');
    const denied = await within(echo).findByTestId('shift-traffic-link-denied');
    expect(denied).toHaveTextContent(
      'Shift traffic is not available to you: Only members of the group that owns this cluster and portal admins may change it (permission cilium.cluster.change).',
    );
    expect(within(echo).queryByRole('link', { name: /Shift traffic/ })).toBe(
      null,
    );
    expect(authorize).toHaveBeenCalledWith({
      permission: expect.objectContaining({ name: 'cilium.cluster.change' }),
      resourceRef: 'resource:default/denied-cluster',
    });
  });

  it('shows the link to a user who may', async () => {
    await render(AuthorizeResult.ALLOW, 'resource:default/allowed-cluster');
    const [echo] = await screen.findAllByTestId('git-route-row');
    expect(
      await within(echo).findByRole('link', {
        name: 'Shift traffic of echo/echo',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('shift-traffic-link-denied')).toBe(null);
  });
});
