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
import { ResponseCache } from './service/ResponseCache';
import { StatusService } from './service/StatusService';
import { FlowsSummaryService } from './service/FlowsSummaryService';
import { FlowStreamHub } from './service/FlowStreamHub';
import { readFlowStreamSettings } from './config/readFlowStreamSettings';
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
        const responseCache = new ResponseCache(
          deps.cache,
          settings.cacheTtlMs,
          deps.logger,
        );
        const service = new StatusService(
          connections,
          responseCache,
          settings.timeoutMs,
          meshPeersFromCatalog(deps.catalog, deps.logger),
        );
        const flowStreams = new FlowStreamHub(
          connections,
          readFlowStreamSettings(deps.config),
        );
        deps.lifecycle.addShutdownHook(() => flowStreams.close());
        deps.permissionsRegistry.addPermissions(ciliumPermissions);
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            service,
            flowsSummary: new FlowsSummaryService(
              connections,
              responseCache,
              settings.timeoutMs,
            ),
            flowStreams,
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
