import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CLUSTER_ENTITY_FILTER,
  MeshOverview,
} from '@internal/plugin-cilium-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ciliumApiRef } from '../../api/CiliumApi';

/** Cluster entities from the catalog and the backend's mesh overview, loaded independently. */
export function useMeshOverview() {
  const catalogApi = useApi(catalogApiRef);
  const ciliumApi = useApi(ciliumApiRef);
  const entities = useAsyncRetry(async (): Promise<Entity[]> => {
    const res = await catalogApi.getEntities({
      filter: { ...CLUSTER_ENTITY_FILTER },
    });
    return res.items;
  }, [catalogApi]);
  const mesh = useAsyncRetry(
    (): Promise<MeshOverview> => ciliumApi.getMesh(),
    [ciliumApi],
  );
  return { entities, mesh };
}
