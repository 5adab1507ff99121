import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { clusterEntityFilter } from './filter';

/** `entity-card:cilium/hubble`: `hubble status` on the entity overview. */
export const ciliumHubbleCard = EntityCardBlueprint.make({
  name: 'hubble',
  params: {
    type: 'info',
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/hubble/HubbleCard').then(m => <m.HubbleCard />),
  },
});
