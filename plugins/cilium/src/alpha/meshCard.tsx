import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { clusterEntityFilter } from './filter';

/** `entity-card:cilium/cluster-mesh`: peers and readiness on the entity overview. */
export const ciliumMeshCard = EntityCardBlueprint.make({
  name: 'cluster-mesh',
  params: {
    type: 'info',
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/clusterMesh/ClusterMeshCard').then(m => (
        <m.ClusterMeshCard />
      )),
  },
});
