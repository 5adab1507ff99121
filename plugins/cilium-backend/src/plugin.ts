import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ciliumPermissions } from '@internal/plugin-cilium-common';
import { ciliumStatusServiceRef } from '@internal/plugin-cilium-node';
import { clusterEntityRefsFromCatalog } from './service/clusterEntityRefs';
import { ciliumRuntimeServiceRef } from './service/ciliumRuntime';
import { MetricsService } from './service/MetricsService';
import { FlowStreamHub } from './service/FlowStreamHub';
import { readFlowStreamSettings } from './config/readFlowStreamSettings';
import { createRouter } from './router/createRouter';
import { ScmIntegrations } from '@backstage/integration';
import { GitLiveService } from './service/GitLiveService';
import { PolicyReadinessService } from './service/PolicyReadinessService';
import { withLimits } from './limits/withLimits';
import { registerCiliumActions } from './actions/registerCiliumActions';

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
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        runtime: ciliumRuntimeServiceRef,
        service: ciliumStatusServiceRef,
      },
      async init(deps) {
        const { settings, limits, connections, cache } = deps.runtime;
        const flowStreams = new FlowStreamHub(
          connections,
          readFlowStreamSettings(deps.config),
          deps.runtime.relayStreams,
        );
        deps.lifecycle.addShutdownHook(() => flowStreams.close());
        deps.permissionsRegistry.addPermissions(ciliumPermissions);
        const clusterEntityRef = clusterEntityRefsFromCatalog(
          deps.catalog,
          deps.auth,
          deps.logger,
          limits.dependencyTimeoutMs,
        );
        registerCiliumActions({
          actionsRegistry: deps.actionsRegistry,
          service: deps.service,
          permissions: deps.permissions,
          clusterEntityRef,
        });
        const { catalogClusters } = deps.runtime;
        if (catalogClusters) {
          // The first request waits for the first catalog read.
          deps.httpRouter.use((_req, _res, next) => {
            catalogClusters.loaded().then(() => next());
          });
        }
        deps.httpRouter.use(
          withLimits(
            await createRouter({
              httpAuth: deps.httpAuth,
              permissions: deps.permissions,
              service: deps.service,
              clusterEntityRef,
              flowStreams,
              metrics: new MetricsService(connections, cache),
              gitLive: new GitLiveService(
                connections,
                cache,
                settings.timeoutMs,
                ScmIntegrations.fromConfig(deps.config),
              ),
              policyReadiness: new PolicyReadinessService(
                connections,
                cache,
                settings.timeoutMs,
              ),
            }),
            { httpAuth: deps.httpAuth, limits },
          ),
        );
        deps.logger.info(
          `Cilium status API serving ${
            settings.clusters.length
          } configured cluster(s): ${settings.clusters
            .map(c => c.name)
            .join(', ')}${
            catalogClusters ? ', and clusters from the catalog' : ''
          }`,
        );
      },
    });
  },
});
