import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ClusterEntityRefLookup } from '../service/clusterEntityRefs';

/**
 * The one permission check of the Cilium API, for routes and actions alike:
 * with a cluster, the permission on the cluster's catalog entity
 * (resourceRef); without one (the cluster list, the mesh, which span
 * clusters), the permission unconditionally (a conditional answer denies).
 * Denied: a NotAllowedError naming the permission.
 */
export async function authorizeCluster(
  deps: {
    permissions: PermissionsService;
    clusterEntityRef: ClusterEntityRefLookup;
  },
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'>,
  cluster?: string,
): Promise<void> {
  const [decision] = cluster
    ? await deps.permissions.authorize(
        [{ permission, resourceRef: await deps.clusterEntityRef(cluster) }],
        { credentials },
      )
    : await deps.permissions.authorizeConditional([{ permission }], {
        credentials,
      });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
}
