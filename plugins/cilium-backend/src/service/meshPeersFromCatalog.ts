import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_MESH_PEERS } from '@internal/plugin-cilium-common';
import { safeMessage } from '../limits/safeMessage';
import { withTimeout } from '../limits/withTimeout';
import { findClusterEntity } from './findClusterEntity';

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
    try {
      const entity = await withTimeout(
        findClusterEntity(catalog, cluster, credentials, [
          'metadata.annotations',
        ]),
        timeoutMs,
        'The catalog',
      );
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
