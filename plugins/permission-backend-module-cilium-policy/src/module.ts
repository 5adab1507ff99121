import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { CiliumProductionPolicy } from './CiliumProductionPolicy';
import { CatalogOwnership } from './ownership';
import { readPolicySettings } from './settings';

/** Everyone may do everything: `permission.ciliumPolicy: allow-all`. */
class AllowAllPolicy implements PermissionPolicy {
  async handle(): Promise<PolicyDecision> {
    return { result: AuthorizeResult.ALLOW };
  }
}

/**
 * The portal's permission policy, chosen by `permission.ciliumPolicy`:
 * `production` (the default) or `allow-all` (local development only).
 */
export const permissionModuleCiliumPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'cilium-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ policy, config, logger, auth, catalog }) {
        const settings = readPolicySettings(config);
        if (settings.mode === 'allow-all') {
          logger.warn(
            'permission.ciliumPolicy is allow-all: everyone may do everything (local development only)',
          );
          policy.setPolicy(new AllowAllPolicy());
          return;
        }
        logger.info(
          `Production permission policy; admin groups: ${
            settings.adminGroups.join(', ') || 'none'
          }`,
        );
        policy.setPolicy(
          new CiliumProductionPolicy(
            new CatalogOwnership(catalog, auth),
            settings.adminGroups,
          ),
        );
      },
    });
  },
});
