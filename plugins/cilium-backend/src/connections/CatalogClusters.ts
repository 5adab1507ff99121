import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_HUBBLE_RELAY_ADDRESS,
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_PROMETHEUS_URL,
  CLUSTER_ENTITY_FILTER,
  clusterNameOf,
  isClusterEntity,
} from '@internal/plugin-cilium-common';
import { CatalogClusterSettings } from '../config/clusterLocators';
import { clusterDefinition } from '../config/readSettings';
import { kubeConfigFor } from '../config/kubeConfigs';
import { ClusterDefinition } from '../config/types';
import { ClusterConnections } from './ClusterConnections';

/**
 * Clusters taken from the catalog, like the Kubernetes plugin's
 * CatalogClusterLocator (@backstage/plugin-kubernetes-backend
 * dist/cluster-locator/CatalogClusterLocator.cjs.js): `kind: Resource`,
 * `spec.type: kubernetes-cluster` entities with `kubernetes.io/api-server`
 * and `kubernetes.io/api-server-certificate-authority` (base64 PEM, its
 * `caData`). Unlike it, the token is this backend's service-account token
 * from configuration, never from the entity. Each refresh adds, replaces
 * and removes connections; configured clusters win on name clashes.
 */
export class CatalogClusters {
  /** Per catalog cluster: what its connection was built from. */
  private readonly known = new Map<string, string>();
  private running?: Promise<void>;
  private firstLoad?: Promise<void>;
  private readonly warned = new Set<string>();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      connections: ClusterConnections;
      settings: CatalogClusterSettings;
      /** Names of configured clusters; these win. */
      configured: Set<string>;
      reposDir: string;
    },
  ) {}

  /** Resolves once the catalog was read at least once (successfully or not). */
  loaded(): Promise<void> {
    this.firstLoad ??= this.refresh().catch(() => {});
    return this.firstLoad;
  }

  /** Reads the catalog now (one read at a time) and applies the difference. */
  refresh(): Promise<void> {
    this.running ??= this.read().finally(() => {
      this.running = undefined;
    });
    this.firstLoad ??= this.running.catch(() => {});
    return this.running;
  }

  private async read() {
    const { catalog, auth, logger, connections } = this.deps;
    const { items } = await catalog.getEntities(
      { filter: CLUSTER_ENTITY_FILTER },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const wanted = new Map<string, ClusterDefinition>();
    const prints = new Map<string, string>();
    for (const entity of items) {
      const found = this.definitionOf(entity);
      if (!found) continue;
      if (wanted.has(found.cluster.name)) {
        this.warnOnce(
          `twice:${found.cluster.name}`,
          `Two catalog entities name cluster '${found.cluster.name}'; the first is used`,
        );
        continue;
      }
      wanted.set(found.cluster.name, found.cluster);
      prints.set(found.cluster.name, found.print);
    }
    for (const name of [...this.known.keys()]) {
      if (!wanted.has(name)) {
        connections.delete(name);
        this.known.delete(name);
        logger.info(`Cilium cluster '${name}' left the catalog; removed`);
      }
    }
    for (const [name, cluster] of wanted) {
      if (this.known.get(name) === prints.get(name)) continue;
      connections.set(cluster);
      logger.info(
        `Cilium cluster '${name}' ${
          this.known.has(name) ? 'changed in' : 'taken from'
        } the catalog`,
      );
      this.known.set(name, prints.get(name)!);
    }
  }

  private definitionOf(
    entity: Entity,
  ): { cluster: ClusterDefinition; print: string } | undefined {
    if (!isClusterEntity(entity)) return undefined;
    const name = clusterNameOf(entity);
    const annotations = entity.metadata.annotations ?? {};
    const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
    const caData = annotations[ANNOTATION_KUBERNETES_API_SERVER_CA];
    if (!url || !caData) return undefined;
    if (this.deps.configured.has(name)) {
      this.warnOnce(
        `clash:${name}`,
        `Catalog cluster '${name}' has the name of a configured cluster; the configured one is used`,
      );
      return undefined;
    }
    if (!isHttpsUrl(url)) {
      this.warnOnce(
        `url:${name}`,
        `Catalog cluster '${name}' ignored: ${ANNOTATION_KUBERNETES_API_SERVER} must be an https URL`,
      );
      return undefined;
    }
    const { tokens, defaultToken } = this.deps.settings;
    const token = tokens.get(name) ?? defaultToken;
    if (!token) {
      this.warnOnce(
        `token:${name}`,
        `Catalog cluster '${name}' ignored: no service-account token for it (cilium.clusterLocatorMethods[type=catalog].clusters[].serviceAccountToken or .serviceAccountToken)`,
      );
      return undefined;
    }
    const hubble = annotations[ANNOTATION_HUBBLE_RELAY_ADDRESS];
    const prometheus = annotations[ANNOTATION_PROMETHEUS_URL];
    const title = entity.metadata.title;
    const base = {
      name,
      url,
      title,
      kubeConfig: kubeConfigFor({ name, url, token, caData }),
    };
    const extras = new ConfigReader({
      ...(hubble ? { hubble: { address: hubble } } : {}),
      ...(prometheus ? { prometheus: { url: prometheus } } : {}),
    });
    return {
      cluster: clusterDefinition(base, extras, [base], this.deps.reposDir),
      // Compared in memory only, to rebuild a connection when it changed.
      print: JSON.stringify([url, caData, token, hubble, prometheus, title]),
    };
  }

  private warnOnce(key: string, message: string) {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.deps.logger.warn(message);
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
