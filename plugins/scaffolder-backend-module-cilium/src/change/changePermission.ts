import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { ciliumClusterChangePermission } from '@internal/plugin-cilium-common';

/**
 * `cilium.cluster.change` on the cluster entity, for the user who runs the
 * task: the permission the UI asks before it offers "Shift traffic", so
 * what the page shows and what the action allows cannot disagree.
 */
export async function authorizeClusterChange(options: {
  permissions: PermissionsService;
  cluster: string;
  credentials: BackstageCredentials;
}): Promise<void> {
  const resourceRef = stringifyEntityRef(
    parseEntityRef(options.cluster, {
      defaultKind: 'resource',
      defaultNamespace: 'default',
    }),
  );
  const [decision] = await options.permissions.authorize(
    [{ permission: ciliumClusterChangePermission, resourceRef }],
    { credentials: options.credentials },
  );
  if (String(decision.result) !== 'ALLOW') {
    throw new NotAllowedError(
      `Missing permission ${ciliumClusterChangePermission.name} on ${resourceRef}: only its owners and portal admins may change it`,
    );
  }
}
