import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/** The entity the rendered `catalog-info.yaml` declares for a cluster. */
export function clusterEntityRef(clusterName: string): string {
  return stringifyEntityRef({
    kind: 'Resource',
    namespace: 'default',
    name: clusterName,
  });
}

/**
 * Throws an InputError naming `metadata.name` when the catalog already has
 * the cluster's entity: registering a second location for it would only
 * produce a conflict warning in the catalog, and the new cluster would not
 * show up.
 */
export async function assertClusterNotInCatalog(
  catalog: CatalogService,
  clusterName: string,
  credentials: BackstageCredentials,
): Promise<void> {
  const ref = clusterEntityRef(clusterName);
  const existing = await catalog.getEntityByRef(ref, { credentials });
  if (existing) {
    const from =
      existing.metadata.annotations?.['backstage.io/managed-by-location'];
    throw new InputError(
      `metadata.name: ${ref} is already in the catalog${
        from ? ` (from ${from})` : ''
      }; choose another cluster name`,
    );
  }
}
