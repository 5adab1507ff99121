import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ClusterStatus,
  ClusterSummary,
  ClustersResponse,
  FlowsQuery,
  FlowsResponse,
  FlowsSummary,
  FlowsSummaryQuery,
  ItemsPage,
  ItemsQuery,
  MeshClusterInfo,
  MeshOverview,
  Verdict,
} from '@internal/plugin-cilium-common';
import {
  ClusterConnection,
  ClusterConnections,
} from '../connections/ClusterConnections';
import { ResponseCache } from './ResponseCache';
import { MeshPeersLookup } from './meshPeersFromCatalog';
import {
  CiliumPagedSections,
  CiliumStatusService,
} from '@internal/plugin-cilium-node';
import { valueCodec } from './valueCodec';
import { FlowsSummaryService } from './FlowsSummaryService';
import { readClusterStatus, withMeshPeers } from '../status/readClusterStatus';
import { runSource } from '../sources/runSource';
import {
  sectionPage,
  snapshotEntry,
  StatusEntry,
  statusEntry,
  statusEntryCodec,
} from './statusEntry';
import { requireConnection } from '../connections/requireConnection';

/**
 * The status API's operations over the configured clusters, cached and
 * coalesced (see `CiliumStatusService`). Cluster names are looked up in
 * configuration; an unknown name is a NotFoundError, never a new
 * connection. Serializing, ETags and gzip are the router's business.
 */
export class StatusService implements CiliumStatusService {
  private readonly flowsSummary: FlowsSummaryService;

  constructor(
    private readonly connections: ClusterConnections,
    private readonly cache: ResponseCache,
    private readonly timeoutMs: number,
    private readonly meshPeersLookup?: MeshPeersLookup,
  ) {
    this.flowsSummary = new FlowsSummaryService(connections, cache, timeoutMs);
  }

  private connection(name: string): ClusterConnection {
    const conn = requireConnection(this.connections, name);
    return conn;
  }

  async listClusters(): Promise<ClustersResponse> {
    return this.cache.get(
      'cilium:clusters',
      async () => {
        const items = await Promise.all(
          this.connections.all().map(c => this.summary(c)),
        );
        return { items } satisfies ClustersResponse;
      },
      valueCodec,
    );
  }

  private async summary(conn: ClusterConnection): Promise<ClusterSummary> {
    const { cluster } = conn;
    const version = await runSource('cluster', this.timeoutMs, signal =>
      conn.kubernetes.version({ signal }),
    );
    const out: ClusterSummary = {
      name: cluster.name,
      reachable: version.ok,
      hubbleConfigured: Boolean(conn.hubble),
    };
    if (cluster.title) out.title = cluster.title;
    if (version.ok) out.kubernetesVersion = version.value.gitVersion;
    if (cluster.argocd.baseUrl) out.argocdBaseUrl = cluster.argocd.baseUrl;
    if (!version.ok) out.error = version.error;
    return out;
  }

  /** Expected peers: configuration first, else the catalog entity. */
  private async expectedPeers(
    conn: ClusterConnection,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (conn.cluster.meshPeers) return conn.cluster.meshPeers;
    const lookup = this.meshPeersLookup;
    if (!lookup) return [];
    const principal = JSON.stringify(credentials.principal);
    return this.cache.get(
      `cilium:peers:${conn.cluster.name}:${principal}`,
      async () => (await lookup(conn.cluster.name, credentials)) ?? [],
    );
  }

  /** The cached snapshot with the configured peers (and the page indexes). */
  private snapshot(conn: ClusterConnection): Promise<StatusEntry> {
    return this.cache.get(
      `cilium:status:${conn.cluster.name}`,
      async () => snapshotEntry(await readClusterStatus(conn, this.timeoutMs)),
      statusEntryCodec,
    );
  }

  private async statusEntry(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<StatusEntry> {
    const conn = this.connection(name);
    const peers = await this.expectedPeers(conn, credentials);
    if (peers.join(',') === (conn.cluster.meshPeers ?? []).join(',')) {
      return this.snapshot(conn);
    }
    // Peers from the catalog: the same document with other peers, derived
    // from the cached snapshot (rare; configured peers avoid it).
    const key = `cilium:status:${name}:peers=${peers.join(',')}`;
    return this.cache.get(key, async () => {
      const base = await this.snapshot(conn);
      return statusEntry(withMeshPeers(base.status, peers), base.sections);
    });
  }

  async getClusterStatus(
    name: string,
    options: { credentials: BackstageCredentials },
  ): Promise<ClusterStatus> {
    return (await this.statusEntry(name, options.credentials)).status;
  }

  /**
   * A page of a cluster's Gateways or HTTPRoutes, cut from the same cached
   * snapshot as its status document (mesh peers do not matter here).
   */
  async getItems<S extends keyof CiliumPagedSections>(
    name: string,
    section: S,
    query: ItemsQuery,
  ): Promise<ItemsPage<CiliumPagedSections[S]>> {
    const entry = await this.snapshot(this.connection(name));
    return sectionPage(entry, section, query) as ItemsPage<
      CiliumPagedSections[S]
    >;
  }

  async getFlowsSummary(
    name: string,
    query: FlowsSummaryQuery,
  ): Promise<FlowsSummary> {
    return this.flowsSummary.summary(name, query);
  }

  async getFlows(name: string, query: FlowsQuery): Promise<FlowsResponse> {
    const conn = this.connection(name);
    const key = `cilium:flows:${name}:${JSON.stringify(query)}`;
    return this.cache.get(
      key,
      async () => this.readFlows(conn, query),
      valueCodec,
    );
  }

  private async readFlows(
    conn: ClusterConnection,
    query: FlowsQuery,
  ): Promise<FlowsResponse> {
    const name = conn.cluster.name;
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
  }

  async getMesh(options: {
    credentials: BackstageCredentials;
  }): Promise<MeshOverview> {
    const clusters = await Promise.all(
      this.connections.all().map(async conn => {
        const entry = await this.statusEntry(
          conn.cluster.name,
          options.credentials,
        );
        const info: MeshClusterInfo = {
          name: conn.cluster.name,
          ...entry.mesh,
        };
        if (conn.cluster.title) info.title = conn.cluster.title;
        return info;
      }),
    );
    return { clusters } satisfies MeshOverview;
  }
}
