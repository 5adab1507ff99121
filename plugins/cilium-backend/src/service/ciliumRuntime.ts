import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readSettings } from '../config/readSettings';
import { CiliumSettings } from '../config/types';
import { LimitSettings, readLimitSettings } from '../limits/limitSettings';
import { ConcurrencyLimiter } from '../limits/ConcurrencyLimiter';
import { limitedHubbleFactory } from '../limits/limitedHubble';
import { timedCache } from '../limits/timedCache';
import { ClusterConnections } from '../connections/ClusterConnections';
import { hubbleRelayFactory } from './hubbleFactory';
import { ResponseCache } from './ResponseCache';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { startCatalogClusters } from '../connections/startCatalogClusters';
import { CatalogClusters } from '../connections/CatalogClusters';

/**
 * What the status service and the plugin's other routes share within one
 * plugin: settings, the cluster connections, the response cache and the
 * Relay stream limit (status reads and live flow streams count together).
 */
export interface CiliumRuntime {
  settings: CiliumSettings;
  limits: LimitSettings;
  connections: ClusterConnections;
  cache: ResponseCache;
  relayStreams: ConcurrencyLimiter;
  /** Clusters taken from the catalog, when `cilium.clusterLocatorMethods` has `type: catalog`. */
  catalogClusters?: CatalogClusters;
}

/** Internal to this package: one runtime per plugin, made on first use. */
export const ciliumRuntimeServiceRef = createServiceRef<CiliumRuntime>({
  id: 'cilium.runtime',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async factory({ config, logger, cache, lifecycle, ...deps }) {
        const settings = readSettings(config, logger);
        const limits = readLimitSettings(config);
        const relayStreams = new ConcurrencyLimiter(limits.relayStreams);
        const connections = new ClusterConnections(settings.clusters, {
          pageSize: settings.pageSize,
          timeoutMs: settings.timeoutMs,
          hubbleFactory: limitedHubbleFactory(hubbleRelayFactory, relayStreams),
        });
        lifecycle.addShutdownHook(() => connections.close());
        const catalogClusters = await startCatalogClusters({
          ...deps,
          config,
          logger,
          connections,
          configured: settings.clusters,
        });
        return {
          catalogClusters,
          settings,
          limits,
          connections,
          relayStreams,
          cache: new ResponseCache(
            timedCache(cache, limits.dependencyTimeoutMs),
            settings.cacheTtlMs,
            logger,
            limits.localCacheMaxBytes,
          ),
        };
      },
    }),
});
