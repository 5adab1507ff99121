import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  clusterEntityFilters,
  pickClusterEntity,
} from '@internal/plugin-cilium-common';

/**
 * The catalog entity of a configured cluster (the rule lives in
 * cilium-common's clusterEntity.ts).
 */
export async function findClusterEntity(
  catalog: CatalogService,
  cluster: string,
  credentials: BackstageCredentials,
  fields: string[],
): Promise<Entity | undefined> {
  const { items } = await catalog.getEntities(
    {
      filter: clusterEntityFilters(cluster),
      fields: [
        ...new Set([
          ...fields,
          'kind',
          'spec.type',
          'metadata.name',
          'metadata.annotations',
        ]),
      ],
    },
    { credentials },
  );
  return pickClusterEntity(items, cluster);
}
