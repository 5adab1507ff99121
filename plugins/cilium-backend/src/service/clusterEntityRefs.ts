import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { safeMessage } from '../limits/safeMessage';
import { withTimeout } from '../limits/withTimeout';
import { findClusterEntity } from './findClusterEntity';

/** The catalog entity ref of a configured cluster, for permission checks. */
export type ClusterEntityRefLookup = (cluster: string) => Promise<string>;

const TTL_MS = 30_000;

/**
 * Resolves a cluster name to its entity's ref (`kind: Resource`,
 * `spec.type: kubernetes-cluster`, named by the `cilium-gitops/cluster-name`
 * annotation or `metadata.name`), with the plugin's own credentials, cached
 * for 30 s. A cluster without an entity gets `resource:default/<name>`,
 * which matches no entity, so per-entity rules (ownership) deny it.
 */
export function clusterEntityRefsFromCatalog(
  catalog: CatalogService,
  auth: AuthService,
  logger: LoggerService,
  timeoutMs: number = 5000,
): ClusterEntityRefLookup {
  const cache = new Map<string, { ref: Promise<string>; expires: number }>();
  const lookup = async (cluster: string) => {
    const entity = await withTimeout(
      findClusterEntity(
        catalog,
        cluster,
        await auth.getOwnServiceCredentials(),
        ['kind', 'metadata.namespace'],
      ),
      timeoutMs,
      'The catalog',
    );
    return stringifyEntityRef(entity ?? { kind: 'resource', name: cluster });
  };
  return cluster => {
    const now = Date.now();
    const hit = cache.get(cluster);
    if (hit && hit.expires > now) return hit.ref;
    if (cache.size > 1000) cache.clear();
    const ref = lookup(cluster).catch(e => {
      cache.delete(cluster);
      logger.warn(
        `Catalog lookup of the entity of ${cluster} failed: ${safeMessage(
          String(e),
        )}`,
      );
      throw e;
    });
    cache.set(cluster, { ref, expires: now + TTL_MS });
    return ref;
  };
}
