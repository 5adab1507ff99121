import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { clusterEntityFilter } from './filter';

/** `entity-content:cilium/cluster`: the "Cilium" tab of cluster entities. */
export const ciliumEntityContent = EntityContentBlueprint.make({
  name: 'cluster',
  params: {
    path: 'cilium',
    title: 'Cilium',
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/tab/CiliumClusterContent').then(m => (
        <m.CiliumClusterContent />
      )),
  },
});
