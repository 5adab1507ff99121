import { Config } from '@backstage/config';

const DEFAULT_REFRESH_SECONDS = 300;

/** How clusters are taken from the catalog (`cilium.clusterLocatorMethods[].type: catalog`). */
export interface CatalogClusterSettings {
  /** Service-account token per cluster name; never read from the catalog. */
  tokens: Map<string, string>;
  /** Token of catalog clusters not named in `tokens`. */
  defaultToken?: string;
  refreshSeconds: number;
}

export interface ClusterLocators {
  /** Read the configured clusters (`kubernetes.clusterLocatorMethods`, `cilium.inCluster`, `cilium.kubeconfig`). */
  config: boolean;
  catalog?: CatalogClusterSettings;
}

/**
 * Reads `cilium.clusterLocatorMethods`, modelled on the Kubernetes plugin's
 * `kubernetes.clusterLocatorMethods` (types `config` and `catalog`, see
 * @backstage/plugin-kubernetes-backend dist/cluster-locator/CatalogClusterLocator).
 * Absent, only the configured clusters are read, as before.
 */
export function readClusterLocators(config: Config): ClusterLocators {
  const methods = config.getOptionalConfigArray('cilium.clusterLocatorMethods');
  if (!methods) return { config: true };
  const locators: ClusterLocators = { config: false };
  methods.forEach((method, i) => {
    const type = method.getString('type');
    if (type === 'config') {
      locators.config = true;
    } else if (type === 'catalog') {
      locators.catalog = readCatalog(method, i);
    } else {
      throw new Error(
        `cilium.clusterLocatorMethods[${i}].type must be 'config' or 'catalog', got '${type}'`,
      );
    }
  });
  return locators;
}

function readCatalog(method: Config, i: number): CatalogClusterSettings {
  const refreshSeconds =
    method.getOptionalNumber('refreshIntervalSeconds') ??
    DEFAULT_REFRESH_SECONDS;
  if (!(refreshSeconds > 0)) {
    throw new Error(
      `cilium.clusterLocatorMethods[${i}].refreshIntervalSeconds must be a positive number`,
    );
  }
  return {
    tokens: new Map(
      (method.getOptionalConfigArray('clusters') ?? []).map(c => [
        c.getString('name'),
        c.getString('serviceAccountToken'),
      ]),
    ),
    defaultToken: method.getOptionalString('serviceAccountToken'),
    refreshSeconds,
  };
}
