import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CLUSTER_NAME,
  CLUSTER_ENTITY_TYPE,
} from '@internal/plugin-cilium-common';

/**
 * The catalog entity of a configured cluster: `kind: Resource`,
 * `spec.type: kubernetes-cluster`, named by the `cilium-gitops/cluster-name`
 * annotation, else by `metadata.name` (without that annotation).
 */
export async function findClusterEntity(
  catalog: CatalogService,
  cluster: string,
  credentials: BackstageCredentials,
  fields: string[],
): Promise<Entity | undefined> {
  const base = { kind: 'Resource', 'spec.type': CLUSTER_ENTITY_TYPE };
  const { items } = await catalog.getEntities(
    {
      filter: [
        {
          ...base,
          [`metadata.annotations.${ANNOTATION_CLUSTER_NAME}`]: cluster,
        },
        { ...base, 'metadata.name': cluster },
      ],
      fields: [
        ...new Set([...fields, 'metadata.name', 'metadata.annotations']),
      ],
    },
    { credentials },
  );
  const named = (e: Entity) =>
    e.metadata.annotations?.[ANNOTATION_CLUSTER_NAME];
  return (
    items.find(e => named(e) === cluster) ??
    items.find(e => e.metadata.name === cluster && !named(e))
  );
}
