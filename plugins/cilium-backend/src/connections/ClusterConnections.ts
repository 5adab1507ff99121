import type { HubbleSource, HubbleSourceFactory } from '../hubble/HubbleSource';
import { ClusterDefinition } from '../config/types';
import { ClusterClient } from '../kubernetes/ClusterClient';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { prometheusFor } from '../prometheus/connection';

export interface ClusterConnection {
  cluster: ClusterDefinition;
  kubernetes: ClusterClient;
  /** The client of the cluster Argo CD runs in (often the same). */
  argocd: ClusterClient;
  /** Undefined when the cluster has no Hubble Relay configured. */
  hubble?: HubbleSource;
  /** Undefined when the cluster has no Prometheus configured. */
  prometheus?: PrometheusClient;
  /** Why the `prometheus` block could not be used, when it is bad. */
  prometheusConfigError?: string;
}

/**
 * One connection per cluster, built at startup from configuration; clusters
 * taken from the catalog come and go with `set`/`delete`. Lookups are by name only: nothing from a request becomes an
 * address.
 */
export class ClusterConnections {
  private readonly byName = new Map<string, ClusterConnection>();

  constructor(
    clusters: ClusterDefinition[],
    private readonly opts: {
      pageSize: number;
      timeoutMs: number;
      hubbleFactory: HubbleSourceFactory;
    },
  ) {
    const clients = new Map(
      clusters.map(c => [
        c.name,
        new ClusterClient(c.kubeConfig, opts.pageSize),
      ]),
    );
    for (const cluster of clusters) {
      this.byName.set(
        cluster.name,
        this.connect(
          cluster,
          clients.get(cluster.name)!,
          clients.get(cluster.argocd.cluster)!,
        ),
      );
    }
  }

  /**
   * Adds (or replaces) a cluster whose Argo CD runs in the cluster itself,
   * e.g. one taken from the catalog; closes the connection it replaces.
   */
  set(cluster: ClusterDefinition) {
    const client = new ClusterClient(cluster.kubeConfig, this.opts.pageSize);
    const previous = this.byName.get(cluster.name);
    this.byName.set(cluster.name, this.connect(cluster, client, client));
    if (previous) closeConnection(previous);
  }

  /** Removes a cluster and closes its connections. */
  delete(name: string) {
    const previous = this.byName.get(name);
    this.byName.delete(name);
    if (previous) closeConnection(previous);
  }

  private connect(
    cluster: ClusterDefinition,
    kubernetes: ClusterClient,
    argocd: ClusterClient,
  ): ClusterConnection {
    return {
      cluster,
      kubernetes,
      argocd,
      hubble: cluster.hubble
        ? hubbleOrError(cluster, this.opts.hubbleFactory, this.opts.timeoutMs)
        : undefined,
      ...prometheusFor(cluster, this.opts.timeoutMs),
    };
  }

  get(name: string): ClusterConnection | undefined {
    return this.byName.get(name);
  }

  all(): ClusterConnection[] {
    return [...this.byName.values()];
  }

  close() {
    for (const c of this.byName.values()) closeConnection(c);
  }
}

function closeConnection(c: ClusterConnection) {
  c.hubble?.close();
  c.prometheus?.close();
  c.kubernetes.close();
}

/**
 * The cluster's Hubble client; a bad `hubble` block (e.g. an address that is
 * not host:port) becomes a source that fails with that message instead of
 * failing the whole backend's startup.
 */
function hubbleOrError(
  cluster: ClusterDefinition,
  factory: HubbleSourceFactory,
  timeoutMs: number,
): HubbleSource {
  try {
    return factory(cluster, timeoutMs);
  } catch (e) {
    const error = new Error(
      `Invalid Hubble Relay configuration for cluster ${cluster.name}: ${
        (e as Error).message
      }`,
    );
    const fail = () => Promise.reject(error);
    return {
      serverStatus: fail,
      getFlows: fail,
      getGraphFlows: fail,
      follow: (_query, handlers) => {
        setImmediate(() => handlers.onEnd(error));
        return { cancel: () => {} };
      },
      close: () => {},
    };
  }
}
