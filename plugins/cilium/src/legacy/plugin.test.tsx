import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ciliumApiRef } from '../api/CiliumApi';
import { clusterEntity, componentEntity } from '../__fixtures__/entities';
import { mockCiliumApi } from '../__fixtures__/mockCiliumApi';
import {
  CiliumMeshPage,
  EntityCiliumContent,
  EntityCiliumMeshCard,
  EntityHubbleCard,
  ciliumPlugin,
  isCiliumClusterEntity,
} from './index';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

describe('cilium plugin (legacy frontend system)', () => {
  it('is a plugin with the client factory and the mesh route', () => {
    expect(ciliumPlugin.getId()).toBe('cilium');
    expect([...ciliumPlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.cilium.client',
    ]);
    expect(ciliumPlugin.routes.mesh).toBeDefined();
    expect(CiliumMeshPage).toBeDefined();
  });

  it('tells cluster entities apart', () => {
    expect(isCiliumClusterEntity(clusterEntity)).toBe(true);
    expect(isCiliumClusterEntity(componentEntity)).toBe(false);
  });

  it('renders the tab content and the cards in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [ciliumApiRef, mockCiliumApi()],
          // Legacy apps get a permission API from createApp's defaults.
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <EntityProvider entity={clusterEntity}>
          <EntityCiliumContent />
          <EntityCiliumMeshCard />
          <EntityHubbleCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('cilium-cluster-title')).toHaveTextContent(
      'Cilium on prod-eu-1',
    );
    expect(await screen.findByTestId('mesh-card-summary')).toHaveTextContent(
      '1/2 peers ready',
    );
    expect(await screen.findAllByTestId('hubble-status')).toHaveLength(2);
  });
});
