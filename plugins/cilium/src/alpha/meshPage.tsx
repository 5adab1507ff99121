import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { RiShareLine } from '@remixicon/react';
import { meshOverviewRouteRef } from '../routes';

/** `page:cilium/mesh`: the mesh overview at `/cilium/mesh`, with a nav item. */
export const ciliumMeshPage = PageBlueprint.make({
  name: 'mesh',
  params: {
    path: '/cilium/mesh',
    title: 'Cluster Mesh',
    icon: <RiShareLine />,
    routeRef: meshOverviewRouteRef,
    loader: () =>
      import('../components/meshOverview/MeshOverviewPage').then(m => (
        <m.MeshOverviewPage />
      )),
  },
});
