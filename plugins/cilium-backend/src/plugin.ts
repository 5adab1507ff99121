import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ciliumPermissions } from '@internal/plugin-cilium-common';
import { readSettings } from './config/readSettings';
import { ClusterConnections } from './service/ClusterConnections';
import { hubbleRelayFactory } from './service/hubbleFactory';
import { meshPeersFromCatalog } from './service/meshPeersFromCatalog';
import { clusterEntityRefsFromCatalog } from './service/clusterEntityRefs';
import { ResponseCache } from './service/ResponseCache';
import { StatusService } from './service/StatusService';
import { createRouter } from './router/createRouter';

/**
 * The Cilium status API: cluster list, per-cluster status (Gateway API,
 * Cilium, Cluster Mesh, Argo CD, Hubble), flows and a mesh overview, under
 * `/api/cilium`.
 */
export const ciliumPlugin = createBackendPlugin({
  pluginId: 'cilium',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readSettings(deps.config, deps.logger);
        const connections = new ClusterConnections(settings.clusters, {
          pageSize: settings.pageSize,
          timeoutMs: settings.timeoutMs,
          hubbleFactory: hubbleRelayFactory,
        });
        deps.lifecycle.addShutdownHook(() => connections.close());
        const service = new StatusService(
          connections,
          new ResponseCache(deps.cache, settings.cacheTtlMs, deps.logger),
          settings.timeoutMs,
          meshPeersFromCatalog(deps.catalog, deps.logger),
        );
        deps.permissionsRegistry.addPermissions(ciliumPermissions);
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            service,
            clusterEntityRef: clusterEntityRefsFromCatalog(
              deps.catalog,
              deps.auth,
              deps.logger,
            ),
          }),
        );
        deps.logger.info(
          `Cilium status API serving ${
            settings.clusters.length
          } cluster(s): ${settings.clusters.map(c => c.name).join(', ')}`,
        );
      },
    });
  },
});
