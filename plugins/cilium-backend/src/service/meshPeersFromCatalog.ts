import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CLUSTER_NAME,
  ANNOTATION_MESH_PEERS,
  CLUSTER_ENTITY_TYPE,
} from '@internal/plugin-cilium-common';
import { safeMessage } from '../limits/safeMessage';
import { withTimeout } from '../limits/withTimeout';

/** Expected mesh peers of a cluster for a caller; undefined when unknown. */
export type MeshPeersLookup = (
  cluster: string,
  credentials: BackstageCredentials,
) => Promise<string[] | undefined>;

/**
 * Reads `cilium-gitops/mesh-peers` from the cluster's catalog entity
 * (`kind: Resource`, `spec.type: kubernetes-cluster`; the cluster name is the
 * `cilium-gitops/cluster-name` annotation or `metadata.name`), with the
 * caller's credentials so the catalog's own permissions apply, within
 * `timeoutMs` (no answer: peers unknown, logged).
 */
export function meshPeersFromCatalog(
  catalog: CatalogService,
  logger: LoggerService,
  timeoutMs: number = 5000,
): MeshPeersLookup {
  return async (cluster, credentials) => {
    const base = { kind: 'Resource', 'spec.type': CLUSTER_ENTITY_TYPE };
    try {
      const { items } = await withTimeout(
        catalog.getEntities(
          {
            filter: [
              {
                ...base,
                [`metadata.annotations.${ANNOTATION_CLUSTER_NAME}`]: cluster,
              },
              { ...base, 'metadata.name': cluster },
            ],
            fields: ['metadata.name', 'metadata.annotations'],
          },
          { credentials },
        ),
        timeoutMs,
        'The catalog',
      );
      const named = (e: (typeof items)[number]) =>
        e.metadata.annotations?.[ANNOTATION_CLUSTER_NAME];
      const entity =
        items.find(e => named(e) === cluster) ??
        items.find(e => e.metadata.name === cluster && !named(e));
      const value = entity?.metadata.annotations?.[ANNOTATION_MESH_PEERS];
      if (value === undefined) return undefined;
      return value
        .split(',')
        .map(s => s.trim())
        .filter(s => s && s !== cluster);
    } catch (e) {
      logger.warn(
        `Catalog lookup of mesh peers for ${cluster} failed: ${safeMessage(
          String(e),
        )}`,
      );
      return undefined;
    }
  };
}
