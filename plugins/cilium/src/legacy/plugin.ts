import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ciliumApiRef } from '../api/CiliumApi';
import { CiliumClient } from '../api/CiliumClient';

/** Route of the mesh overview page in legacy apps. */
export const legacyMeshRouteRef = createRouteRef({ id: 'cilium:mesh' });

/** The Cilium plugin for apps on the legacy frontend system. */
export const ciliumPlugin = createPlugin({
  id: 'cilium',
  apis: [
    createApiFactory({
      api: ciliumApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CiliumClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { mesh: legacyMeshRouteRef },
});

/** Mesh overview page; mount it at e.g. `/cilium/mesh`. */
export const CiliumMeshPage = ciliumPlugin.provide(
  createRoutableExtension({
    name: 'CiliumMeshPage',
    mountPoint: legacyMeshRouteRef,
    component: () =>
      import('../components/meshOverview/MeshOverviewPage').then(
        m => m.MeshOverviewPage,
      ),
  }),
);

/** The Cilium tab content for cluster entities (`EntityLayout.Route`). */
export const EntityCiliumContent = ciliumPlugin.provide(
  createComponentExtension({
    name: 'EntityCiliumContent',
    component: {
      lazy: () =>
        import('../components/tab/CiliumClusterContent').then(
          m => m.CiliumClusterContent,
        ),
    },
  }),
);

/** Cluster Mesh card for the entity overview. */
export const EntityCiliumMeshCard = ciliumPlugin.provide(
  createComponentExtension({
    name: 'EntityCiliumMeshCard',
    component: {
      lazy: () =>
        import('../components/clusterMesh/ClusterMeshCard').then(
          m => m.ClusterMeshCard,
        ),
    },
  }),
);

/** Hubble status card for the entity overview. */
export const EntityHubbleCard = ciliumPlugin.provide(
  createComponentExtension({
    name: 'EntityHubbleCard',
    component: {
      lazy: () =>
        import('../components/hubble/HubbleCard').then(m => m.HubbleCard),
    },
  }),
);
