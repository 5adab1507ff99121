import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { ciliumApiRef } from '../api/CiliumApi';
import { CiliumClient } from '../api/CiliumClient';
import {
  clusterEntity,
  componentEntity,
  peerEntity,
} from '../__fixtures__/entities';
import { mockCiliumApi } from '../__fixtures__/mockCiliumApi';
import { ciliumApi } from './apis';
import { ciliumEntityContent } from './entityContent';
import { ciliumHubbleCard } from './hubbleCard';
import { ciliumMeshCard } from './meshCard';
import { ciliumMeshPage } from './meshPage';
import { ciliumPlugin } from './plugin';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

const apis = [[ciliumApiRef, mockCiliumApi()]] as const;

describe('cilium plugin (new frontend system)', () => {
  it('has the expected extension ids', () => {
    expect(ciliumPlugin.pluginId).toBe('cilium');
    expect(ciliumPlugin.getExtension('api:cilium')).toBeDefined();
    expect(
      ciliumPlugin.getExtension('entity-content:cilium/cluster'),
    ).toBeDefined();
    expect(
      ciliumPlugin.getExtension('entity-card:cilium/cluster-mesh'),
    ).toBeDefined();
    expect(
      ciliumPlugin.getExtension('entity-card:cilium/hubble'),
    ).toBeDefined();
    expect(ciliumPlugin.getExtension('page:cilium/mesh')).toBeDefined();
  });

  it('provides the CiliumClient', () => {
    const tester = createExtensionTester(ciliumApi);
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe('plugin.cilium.client');
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async () => 'http://x' },
      fetchApi: { fetch },
    });
    expect(client).toBeInstanceOf(CiliumClient);
  });

  it('adds a Cilium tab at cilium for kubernetes-cluster resources only', async () => {
    const tester = createExtensionTester(ciliumEntityContent, { apis });
    expect(tester.get(coreExtensionData.routePath)).toBe('cilium');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Cilium');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(clusterEntity)).toBe(true);
    expect(filter?.(componentEntity)).toBe(false);
    expect(filter?.({ ...clusterEntity, spec: { type: 'database' } })).toBe(
      false,
    );

    await renderInTestApp(
      <EntityProvider entity={clusterEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis },
    );
    expect(await screen.findByTestId('cilium-cluster-title')).toHaveTextContent(
      'Cilium on prod-eu-1',
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: 'HTTPRoutes' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('list', { name: 'HTTPRoutes' }),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('route-item')).toHaveLength(2);
  });

  it.each([
    ['Cluster Mesh', 'prod-eu-1 (ID 1) · 1/2 peers ready'],
    ['Hubble', '8,190/8,190 (100.00%)'],
  ])('adds a %s card for cluster entities', async (heading, text) => {
    const tester =
      heading === 'Hubble'
        ? createExtensionTester(ciliumHubbleCard, { apis })
        : createExtensionTester(ciliumMeshCard, { apis });
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(clusterEntity)).toBe(true);
    expect(filter?.(componentEntity)).toBe(false);
    const { unmount } = await renderInTestApp(
      <EntityProvider entity={clusterEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis },
    );
    expect(
      await screen.findByRole('heading', { name: heading }),
    ).toBeInTheDocument();
    expect(
      (await screen.findAllByText(text, { exact: false }))[0],
    ).toBeInTheDocument();
    unmount();
  });

  it('mounts the mesh overview page at /cilium/mesh', () => {
    const tester = createExtensionTester(ciliumMeshPage, { apis });
    expect(tester.get(coreExtensionData.routePath)).toBe('/cilium/mesh');
    expect(tester.get(coreExtensionData.title)).toBe('Cluster Mesh');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('serves the mesh overview at /cilium/mesh inside an app', async () => {
    await renderTestApp({
      features: [ciliumPlugin],
      initialRouteEntries: ['/cilium/mesh'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [ciliumApiRef, mockCiliumApi()],
        [
          catalogApiRef,
          {
            getEntities: async () => ({
              items: [clusterEntity, peerEntity('prod-us-1', 2)],
            }),
          },
        ],
      ],
    });
    expect(
      await screen.findByRole('heading', { name: 'Cluster Mesh overview' }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('mesh-graph')).toBeInTheDocument();
  });
});
