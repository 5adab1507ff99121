import {
  AppsV1Api,
  ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  VersionApi,
} from '@kubernetes/client-node';
import { listAllPages } from './pagedList';

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

/** Makes a client-node call abortable: the request carries the signal. */
function withSignal(signal: AbortSignal): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: ctx => {
          ctx.setSignal(signal as any);
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

  constructor(kubeConfig: KubeConfig, private readonly pageSize: number) {
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.versionApi = kubeConfig.makeApiClient(VersionApi);
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
      signal,
      mapItem,
    );
  }

  async configMap(namespace: string, name: string, opts: CallOptions) {
    return this.core.readNamespacedConfigMap(
      { namespace, name },
      withSignal(opts.signal),
    );
  }

  async service(namespace: string, name: string, opts: CallOptions) {
    return this.core.readNamespacedService(
      { namespace, name },
      withSignal(opts.signal),
    );
  }

  async deployment(namespace: string, name: string, opts: CallOptions) {
    return this.apps.readNamespacedDeployment(
      { namespace, name },
      withSignal(opts.signal),
    );
  }

  async version(opts: CallOptions) {
    return this.versionApi.getCode(withSignal(opts.signal));
  }
}
