import { ANNOTATION_CLUSTER_NAME, CLUSTER_ENTITY_TYPE } from './annotations';

/**
 * "Which entity is a cluster", the one rule for the frontend, the backend,
 * the permission policy and the scaffolder: `kind: Resource` with
 * `spec.type: kubernetes-cluster`, known by the `cilium-gitops/cluster-name`
 * annotation, else by `metadata.name`. Structural types, so this package
 * needs no catalog-model dependency; a catalog `Entity` fits them.
 */
export interface ClusterEntityLike {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: { [key: string]: unknown };
}

/** Catalog filter of every cluster entity (catalog filters ignore case). */
export const CLUSTER_ENTITY_FILTER: Readonly<Record<string, string>> = {
  kind: 'Resource',
  'spec.type': CLUSTER_ENTITY_TYPE,
};

/** `kind: Resource` (any case, as the catalog compares kinds) with `spec.type: kubernetes-cluster`. */
export function isClusterEntity(entity: ClusterEntityLike): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === CLUSTER_ENTITY_TYPE
  );
}

/** The cluster name the backend knows the entity by: the annotation, else `metadata.name`. */
export function clusterNameOf(entity: ClusterEntityLike): string {
  return (
    entity.metadata.annotations?.[ANNOTATION_CLUSTER_NAME] ??
    entity.metadata.name
  );
}

/**
 * Catalog filters (any of them) that find the entity of cluster `cluster`;
 * pass the result through {@link pickClusterEntity}.
 */
export function clusterEntityFilters(
  cluster: string,
): Record<string, string>[] {
  return [
    {
      ...CLUSTER_ENTITY_FILTER,
      [`metadata.annotations.${ANNOTATION_CLUSTER_NAME}`]: cluster,
    },
    { ...CLUSTER_ENTITY_FILTER, 'metadata.name': cluster },
  ];
}

/**
 * The entity of `cluster` among candidates: the one whose annotation names
 * it, else the one so named that has no annotation naming another cluster.
 */
export function pickClusterEntity<T extends ClusterEntityLike>(
  items: T[],
  cluster: string,
): T | undefined {
  const named = (e: T) => e.metadata.annotations?.[ANNOTATION_CLUSTER_NAME];
  return (
    items.find(e => isClusterEntity(e) && named(e) === cluster) ??
    items.find(
      e => isClusterEntity(e) && e.metadata.name === cluster && !named(e),
    )
  );
}
