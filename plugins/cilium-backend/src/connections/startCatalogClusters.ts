import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readClusterLocators } from '../config/clusterLocators';
import { localReposDir } from '../config/gitSettings';
import { ClusterDefinition } from '../config/types';
import { safeMessage } from '../limits/safeMessage';
import { CatalogClusters } from './CatalogClusters';
import { ClusterConnections } from './ClusterConnections';

/** Task id of the catalog cluster refresh. */
export const CATALOG_CLUSTERS_TASK_ID = 'cilium-catalog-clusters-refresh';

/**
 * When `cilium.clusterLocatorMethods` has `type: catalog`: the catalog
 * clusters, refreshed by the scheduler every `refreshIntervalSeconds`. The
 * task is `local`: every backend instance keeps its own connections.
 */
export async function startCatalogClusters(deps: {
  config: Config;
  logger: LoggerService;
  scheduler: SchedulerService;
  auth: AuthService;
  catalog: CatalogService;
  connections: ClusterConnections;
  configured: ClusterDefinition[];
}): Promise<CatalogClusters | undefined> {
  const settings = readClusterLocators(deps.config).catalog;
  if (!settings) return undefined;
  const clusters = new CatalogClusters({
    catalog: deps.catalog,
    auth: deps.auth,
    logger: deps.logger,
    connections: deps.connections,
    settings,
    configured: new Set(deps.configured.map(c => c.name)),
    reposDir: localReposDir(deps.config),
  });
  await deps.scheduler.scheduleTask({
    id: CATALOG_CLUSTERS_TASK_ID,
    scope: 'local',
    frequency: { seconds: settings.refreshSeconds },
    timeout: { seconds: Math.max(30, settings.refreshSeconds) },
    fn: async () => {
      try {
        await clusters.refresh();
      } catch (e) {
        deps.logger.warn(
          `Reading Cilium clusters from the catalog failed: ${safeMessage(
            String((e as Error).message),
          )}`,
        );
      }
    },
  });
  return clusters;
}
