import {
  AppsV1Api,
  ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  VersionApi,
} from '@kubernetes/client-node';
import type { RequestContext } from '@kubernetes/client-node';

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
        pre: (ctx: RequestContext) => {
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

  /** Every object of a custom resource, in all namespaces or one. */
  async list(
    group: string,
    version: string,
    plural: string,
    opts: ListOptions,
  ): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    const options = withSignal(opts.signal);
    let next: string | undefined;
    do {
      const common = {
        group,
        version,
        plural,
        limit: this.pageSize,
        _continue: next,
        labelSelector: opts.labelSelector,
      };
      const page = opts.namespace
        ? await this.custom.listNamespacedCustomObject(
            { ...common, namespace: opts.namespace },
            options,
          )
        : await this.custom.listClusterCustomObject(common, options);
      for (const item of page.items ?? []) items.push(item);
      next = page.metadata?.continue || undefined;
    } while (next);
    return items;
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
