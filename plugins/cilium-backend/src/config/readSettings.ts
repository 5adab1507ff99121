import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { KubeConfig } from '@kubernetes/client-node';
import { ArgoCdSettings, CiliumSettings, ClusterDefinition } from './types';
import { kubeConfigFor, kubeConfigsFromFile } from './kubeConfigs';
import { gitRepoSettings, localReposDir } from './gitSettings';
import { inClusterCluster } from './inCluster';
import { expandHome } from './paths';
import { readClusterLocators } from './clusterLocators';

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_CACHE_TTL_SECONDS = 10;
const DEFAULT_PAGE_SIZE = 500;
const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

export interface BaseCluster {
  name: string;
  url: string;
  title?: string;
  kubeConfig: KubeConfig;
}

/**
 * Reads the clusters the status API may contact: `config` and
 * `localKubectlProxy` cluster locators of `kubernetes.clusterLocatorMethods`,
 * the pod's own cluster (`cilium.inCluster`) and the contexts of
 * `cilium.kubeconfig` (`~` expanded in every file path), merged with the per-cluster
 * extras of `cilium.clusters`. Nothing else is ever contacted.
 */
export function readSettings(
  config: Config,
  logger: LoggerService,
): CiliumSettings {
  const base = readClusterLocators(config).config
    ? readBaseClusters(config, logger)
    : [];
  const extras = new Map(
    (config.getOptionalConfigArray('cilium.clusters') ?? []).map(c => [
      c.getString('name'),
      c,
    ]),
  );
  for (const name of extras.keys()) {
    if (!base.some(c => c.name === name)) {
      logger.warn(
        `cilium.clusters names '${name}', which is not a configured Kubernetes cluster; ignored`,
      );
    }
  }
  const reposDir = localReposDir(config);
  const clusters = base.map(b =>
    clusterDefinition(b, extras.get(b.name), base, reposDir),
  );
  const ttl =
    config.getOptionalNumber('cilium.cacheTtlSeconds') ??
    DEFAULT_CACHE_TTL_SECONDS;
  return {
    timeoutMs:
      config.getOptionalNumber('cilium.timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    cacheTtlMs: Math.max(0, ttl * 1000),
    pageSize: config.getOptionalNumber('cilium.pageSize') ?? DEFAULT_PAGE_SIZE,
    clusters,
  };
}

function readBaseClusters(config: Config, logger: LoggerService) {
  const clusters: BaseCluster[] = [];
  const add = (c: BaseCluster) => {
    if (clusters.some(x => x.name === c.name)) {
      throw new Error(`Cluster name '${c.name}' is configured twice`);
    }
    clusters.push(c);
  };
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  for (const method of methods) {
    const type = method.getString('type');
    if (type === 'localKubectlProxy') {
      const url = 'http://localhost:8001';
      add({
        name: 'local',
        url,
        kubeConfig: kubeConfigFor({ name: 'local', url }),
      });
    } else if (type === 'config') {
      for (const c of method.getOptionalConfigArray('clusters') ?? []) {
        const name = c.getString('name');
        const authProvider =
          c.getOptionalString('authProvider') ?? 'serviceAccount';
        if (authProvider !== 'serviceAccount') {
          logger.warn(
            `Cluster '${name}' uses authProvider '${authProvider}'; the Cilium status API supports only 'serviceAccount' and skips it`,
          );
          continue;
        }
        const url = c.getString('url');
        add({
          name,
          url,
          title: c.getOptionalString('title'),
          kubeConfig: kubeConfigFor({
            name,
            url,
            token: c.getOptionalString('serviceAccountToken'),
            caData: c.getOptionalString('caData'),
            caFile: expandHome(c.getOptionalString('caFile')),
            skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
          }),
        });
      }
    }
  }
  const inCluster = config.getOptionalConfig('cilium.inCluster');
  if (inCluster) add(inClusterCluster(inCluster));
  const kubeconfigPath = expandHome(
    config.getOptionalString('cilium.kubeconfig'),
  );
  if (kubeconfigPath) {
    kubeConfigsFromFile(kubeconfigPath).forEach(add);
  }
  return clusters;
}

/** A cluster's definition: its connection and the extras of `cilium.clusters`. */
export function clusterDefinition(
  base: BaseCluster,
  extra: Config | undefined,
  all: BaseCluster[],
  reposDir: string,
): ClusterDefinition {
  return {
    ...base,
    ciliumNamespace:
      extra?.getOptionalString('ciliumNamespace') ?? 'kube-system',
    hubble: extra?.getOptionalConfig('hubble'),
    prometheus: extra?.getOptionalConfig('prometheus'),
    argocd: argoCdSettings(base, extra?.getOptionalConfig('argocd'), all),
    meshPeers: extra?.getOptionalStringArray('meshPeers'),
    git: gitRepoSettings(base.name, extra?.getOptionalConfig('git'), reposDir),
  };
}

function argoCdSettings(
  base: BaseCluster,
  argo: Config | undefined,
  all: BaseCluster[],
): ArgoCdSettings {
  const cluster = argo?.getOptionalString('cluster') ?? base.name;
  if (!all.some(c => c.name === cluster)) {
    throw new Error(
      `cilium.clusters[${base.name}].argocd.cluster names '${cluster}', which is not a configured cluster`,
    );
  }
  const local = cluster === base.name;
  return {
    cluster,
    namespace: argo?.getOptionalString('namespace') ?? 'argocd',
    baseUrl: argo?.getOptionalString('baseUrl')?.replace(/\/+$/, ''),
    labelSelector: argo?.getOptionalString('labelSelector'),
    destinationNames:
      argo?.getOptionalStringArray('destinationNames') ??
      (local ? [base.name, 'in-cluster'] : [base.name]),
    destinationServers:
      argo?.getOptionalStringArray('destinationServers') ??
      (local ? [base.url, IN_CLUSTER_SERVER] : [base.url]),
  };
}
