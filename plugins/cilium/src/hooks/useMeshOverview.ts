import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { CLUSTER_ENTITY_FILTER } from '@internal/plugin-cilium-common';
import { useApiQuery, useCiliumQuery } from './useApiQuery';

/** Cluster entities from the catalog and the backend's mesh overview, loaded independently. */
export function useMeshOverview() {
  const entities = useApiQuery(
    useApi(catalogApiRef),
    ['catalog', 'cluster-entities'],
    async (catalogApi): Promise<Entity[]> => {
      const res = await catalogApi.getEntities({
        filter: { ...CLUSTER_ENTITY_FILTER },
      });
      return res.items;
    },
  );
  const mesh = useCiliumQuery(['mesh'], api => api.getMesh());
  return { entities, mesh };
}
