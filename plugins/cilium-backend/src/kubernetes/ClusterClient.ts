import {
  AppsV1Api,
  ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  VersionApi,
} from '@kubernetes/client-node';
import { listAllPages, PrepareRequest } from './pagedList';
import { ConnectionPool } from './connectionPool';

/** A Kubernetes object as returned by a LIST of a custom resource. */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
  status?: any;
};

export interface CallOptions {
  signal: AbortSignal;
}

export interface ListOptions extends CallOptions {
  namespace?: string;
  labelSelector?: string;
}

/** client-node options that prepare each request (signal, pooled agent). */
function withPrepare(prepare: PrepareRequest): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: ctx => {
          prepare(ctx);
          return new Observable(Promise.resolve(ctx));
        },
        post: r => new Observable(Promise.resolve(r)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

/**
 * The read-only calls the status API makes against one configured cluster,
 * through `@kubernetes/client-node`. Every call takes an AbortSignal; LISTs
 * page with `limit` and `continue`.
 */
export class ClusterClient {
  private readonly custom: CustomObjectsApi;
  private readonly core: CoreV1Api;
  private readonly apps: AppsV1Api;
  private readonly versionApi: VersionApi;

  private readonly pool = new ConnectionPool();

  constructor(kubeConfig: KubeConfig, private readonly pageSize: number) {
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.versionApi = kubeConfig.makeApiClient(VersionApi);
  }

  /** Abortable requests over pooled keep-alive connections. */
  private prepare(signal: AbortSignal): PrepareRequest {
    return ctx => {
      ctx.setSignal(signal as any);
      ctx.setAgent(this.pool.pooled(ctx.getAgent()) as any);
    };
  }

  close() {
    this.pool.close();
  }

  /**
   * Every object of a custom resource, in all namespaces or one, each passed
   * through `mapItem` as its page arrives. Pages are pipelined (pagedList).
   */
  async list<T = KubeObject>(
    group: string,
    version: string,
    plural: string,
    opts: ListOptions,
    mapItem: (item: KubeObject) => T = item => item as unknown as T,
  ): Promise<T[]> {
    const out: T[] = [];
    await this.pages(group, version, plural, opts, items => {
      for (const item of items) out.push(mapItem(item));
    });
    return out;
  }

  /**
   * Calls `onItem` for every object of a custom resource, page by page as
   * the pages arrive, keeping nothing: for the large sections, whose items
   * the caller turns into something smaller at once.
   */
  async forEach(
    group: string,
    version: string,
    plural: string,
    opts: ListOptions,
    onItem: (item: KubeObject) => void,
  ): Promise<void> {
    await this.pages(group, version, plural, opts, items => {
      for (const item of items) onItem(item);
    });
  }

  private pages(
    group: string,
    version: string,
    plural: string,
    opts: ListOptions,
    onPage: (items: KubeObject[]) => void,
  ): Promise<void> {
    const { namespace, labelSelector, signal } = opts;
    return listAllPages(
      (token, options) => {
        const params = {
          group,
          version,
          plural,
          limit: this.pageSize,
          _continue: token,
          labelSelector,
        };
        return namespace
          ? this.custom.listNamespacedCustomObject(
              { ...params, namespace },
              options,
            )
          : this.custom.listClusterCustomObject(params, options);
      },
      this.prepare(signal),
      onPage,
    );
  }

  /** One namespaced custom object, whole (with `metadata.managedFields`). */
  async customObject(
    group: string,
    version: string,
    plural: string,
    namespace: string,
    name: string,
    opts: CallOptions,
  ): Promise<KubeObject> {
    return this.custom.getNamespacedCustomObject(
      { group, version, plural, namespace, name },
      withPrepare(this.prepare(opts.signal)),
    );
  }

  async configMap(namespace: string, name: string, opts: CallOptions) {
    return this.core.readNamespacedConfigMap(
      { namespace, name },
      withPrepare(this.prepare(opts.signal)),
    );
  }

  async service(namespace: string, name: string, opts: CallOptions) {
    return this.core.readNamespacedService(
      { namespace, name },
      withPrepare(this.prepare(opts.signal)),
    );
  }

  async deployment(namespace: string, name: string, opts: CallOptions) {
    return this.apps.readNamespacedDeployment(
      { namespace, name },
      withPrepare(this.prepare(opts.signal)),
    );
  }

  async version(opts: CallOptions) {
    return this.versionApi.getCode(withPrepare(this.prepare(opts.signal)));
  }
}
