import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER_NAME,
  CLUSTER_ENTITY_TYPE,
} from '@internal/plugin-cilium-common';

/** Cluster name the backend knows the entity by: annotation, else metadata.name. */
export function clusterNameOf(entity: Entity): string {
  return (
    entity.metadata.annotations?.[ANNOTATION_CLUSTER_NAME] ??
    entity.metadata.name
  );
}

/** `kind: Resource` with `spec.type: kubernetes-cluster`. */
export function isCiliumClusterEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === CLUSTER_ENTITY_TYPE
  );
}
