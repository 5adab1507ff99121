import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ciliumPermissions } from '@internal/plugin-cilium-common';
import { readSettings } from './config/readSettings';
import { ClusterConnections } from './connections/ClusterConnections';
import { hubbleRelayFactory } from './service/hubbleFactory';
import { meshPeersFromCatalog } from './service/meshPeersFromCatalog';
import { clusterEntityRefsFromCatalog } from './service/clusterEntityRefs';
import { ResponseCache } from './service/ResponseCache';
import { StatusService } from './service/StatusService';
import { MetricsService } from './service/MetricsService';
import { FlowsSummaryService } from './service/FlowsSummaryService';
import { FlowStreamHub } from './service/FlowStreamHub';
import { readFlowStreamSettings } from './config/readFlowStreamSettings';
import { createRouter } from './router/createRouter';
import { ScmIntegrations } from '@backstage/integration';
import { GitLiveService } from './service/GitLiveService';
import { readLimitSettings } from './limits/limitSettings';
import { ConcurrencyLimiter } from './limits/ConcurrencyLimiter';
import { limitedHubbleFactory } from './limits/limitedHubble';
import { timedCache } from './limits/timedCache';
import { withLimits } from './limits/withLimits';

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
        const limits = readLimitSettings(deps.config);
        const relayStreams = new ConcurrencyLimiter(limits.relayStreams);
        const connections = new ClusterConnections(settings.clusters, {
          pageSize: settings.pageSize,
          timeoutMs: settings.timeoutMs,
          hubbleFactory: limitedHubbleFactory(hubbleRelayFactory, relayStreams),
        });
        deps.lifecycle.addShutdownHook(() => connections.close());
        const cache = new ResponseCache(
          timedCache(deps.cache, limits.dependencyTimeoutMs),
          settings.cacheTtlMs,
          deps.logger,
          limits.localCacheMaxBytes,
        );
        const service = new StatusService(
          connections,
          cache,
          settings.timeoutMs,
          meshPeersFromCatalog(
            deps.catalog,
            deps.logger,
            limits.dependencyTimeoutMs,
          ),
        );
        const flowStreams = new FlowStreamHub(
          connections,
          readFlowStreamSettings(deps.config),
          relayStreams,
        );
        deps.lifecycle.addShutdownHook(() => flowStreams.close());
        deps.permissionsRegistry.addPermissions(ciliumPermissions);
        deps.httpRouter.use(
          withLimits(
            await createRouter({
              httpAuth: deps.httpAuth,
              permissions: deps.permissions,
              service,
              clusterEntityRef: clusterEntityRefsFromCatalog(
                deps.catalog,
                deps.auth,
                deps.logger,
                limits.dependencyTimeoutMs,
              ),
              flowsSummary: new FlowsSummaryService(
                connections,
                cache,
                settings.timeoutMs,
              ),
              flowStreams,
              metrics: new MetricsService(connections, cache),
              gitLive: new GitLiveService(
                connections,
                cache,
                settings.timeoutMs,
                ScmIntegrations.fromConfig(deps.config),
              ),
            }),
            { httpAuth: deps.httpAuth, limits },
          ),
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
