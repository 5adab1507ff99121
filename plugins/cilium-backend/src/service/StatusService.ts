import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterStatus,
  ClusterSummary,
  ClustersResponse,
  FlowsQuery,
  FlowsResponse,
  MeshOverview,
  Verdict,
} from '@internal/plugin-cilium-common';
import { ClusterConnection, ClusterConnections } from './ClusterConnections';
import { ResponseCache } from './ResponseCache';
import { MeshPeersLookup } from './meshPeersFromCatalog';
import { readClusterStatus, withMeshPeers } from '../status/readClusterStatus';
import { runSource } from '../status/runSource';

/**
 * The status API's operations over the configured clusters, cached and
 * coalesced. Cluster names are looked up in configuration; an unknown name
 * is a NotFoundError, never a new connection.
 */
export class StatusService {
  constructor(
    private readonly connections: ClusterConnections,
    private readonly cache: ResponseCache,
    private readonly timeoutMs: number,
    private readonly meshPeersLookup?: MeshPeersLookup,
  ) {}

  get responseCache() {
    return this.cache;
  }

  private connection(name: string): ClusterConnection {
    const conn = this.connections.get(name);
    if (!conn)
      throw new NotFoundError(`No cluster named '${name}' is configured`);
    return conn;
  }

  async listClusters(): Promise<ClustersResponse> {
    return this.cache.get('cilium:clusters', async () => ({
      items: await Promise.all(
        this.connections.all().map(c => this.summary(c)),
      ),
    }));
  }

  private async summary(conn: ClusterConnection): Promise<ClusterSummary> {
    const { cluster } = conn;
    const version = await runSource('cluster', this.timeoutMs, signal =>
      conn.kubernetes.version({ signal }),
    );
    return {
      name: cluster.name,
      ...(cluster.title ? { title: cluster.title } : {}),
      reachable: version.ok,
      ...(version.ok ? { kubernetesVersion: version.value.gitVersion } : {}),
      hubbleConfigured: Boolean(conn.hubble),
      ...(cluster.argocd.baseUrl
        ? { argocdBaseUrl: cluster.argocd.baseUrl }
        : {}),
      ...(version.ok ? {} : { error: version.error }),
    };
  }

  /** Expected peers: configuration first, else the catalog entity. */
  private async expectedPeers(
    conn: ClusterConnection,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (conn.cluster.meshPeers) return conn.cluster.meshPeers;
    if (!this.meshPeersLookup) return [];
    const principal = JSON.stringify(credentials.principal);
    const peers = await this.cache.get(
      `cilium:peers:${conn.cluster.name}:${principal}`,
      async () =>
        (await this.meshPeersLookup!(conn.cluster.name, credentials)) ?? [],
      { shared: false },
    );
    return peers;
  }

  async status(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<ClusterStatus> {
    const conn = this.connection(name);
    const key = `cilium:status:${name}`;
    const base = () =>
      this.cache.get(key, () => readClusterStatus(conn, this.timeoutMs));
    const peers = await this.expectedPeers(conn, credentials);
    const configured = conn.cluster.meshPeers ?? [];
    if (peers.join(',') === configured.join(',')) return base();
    return this.cache.get(
      `${key}:peers=${peers.join(',')}`,
      async () => withMeshPeers(await base(), peers),
      { shared: false },
    );
  }

  async flows(name: string, query: FlowsQuery): Promise<FlowsResponse> {
    const conn = this.connection(name);
    const key = `cilium:flows:${name}:${JSON.stringify(query)}`;
    return this.cache.get(key, async () => {
      const response: FlowsResponse = {
        cluster: name,
        query,
        flows: [],
        verdictCounts: {},
      };
      const hubble = conn.hubble;
      if (!hubble) {
        response.error = {
          source: 'hubble',
          reason: 'not-configured',
          message: `No Hubble Relay configured for cluster ${name} (cilium.clusters[].hubble.address)`,
        };
        return response;
      }
      const result = await runSource('hubble', this.timeoutMs, signal =>
        hubble.getFlows(query, { signal }),
      );
      if (!result.ok) {
        response.error = result.error;
        return response;
      }
      response.flows = result.value;
      const counts: Partial<Record<Verdict, number>> = {};
      for (const f of result.value)
        counts[f.verdict] = (counts[f.verdict] ?? 0) + 1;
      response.verdictCounts = counts;
      return response;
    });
  }

  async mesh(credentials: BackstageCredentials): Promise<MeshOverview> {
    const clusters = await Promise.all(
      this.connections.all().map(async conn => {
        const status = await this.status(conn.cluster.name, credentials);
        const clusterError = status.errors.find(e => e.source === 'cluster');
        return {
          name: conn.cluster.name,
          ...(conn.cluster.title ? { title: conn.cluster.title } : {}),
          reachable: !clusterError,
          ...(status.ciliumConfig
            ? { clusterId: status.ciliumConfig.clusterId }
            : {}),
          peers: status.clusterMesh?.peers ?? [],
          ...(clusterError ? { error: clusterError } : {}),
        };
      }),
    );
    return { clusters };
  }
}
