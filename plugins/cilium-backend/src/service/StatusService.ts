import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterSummary,
  ClustersResponse,
  FlowsQuery,
  FlowsResponse,
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
import { bodyCodec, JsonBody, jsonBody } from './jsonBody';
import { readClusterStatus, withMeshPeers } from '../status/readClusterStatus';
import { runSource } from '../sources/runSource';
import {
  PagedSection,
  sectionPage,
  snapshotEntry,
  StatusEntry,
  statusEntry,
  statusEntryCodec,
} from './statusEntry';

/**
 * The status API's operations over the configured clusters, cached and
 * coalesced, answering ready-to-send JSON bodies. Cluster names are looked
 * up in configuration; an unknown name is a NotFoundError, never a new
 * connection.
 */
export class StatusService {
  constructor(
    private readonly connections: ClusterConnections,
    private readonly cache: ResponseCache,
    private readonly timeoutMs: number,
    private readonly meshPeersLookup?: MeshPeersLookup,
  ) {}

  private connection(name: string): ClusterConnection {
    const conn = this.connections.get(name);
    if (!conn) {
      throw new NotFoundError(`No cluster named '${name}' is configured`);
    }
    return conn;
  }

  async listClusters(): Promise<JsonBody> {
    return this.cache.get(
      'cilium:clusters',
      async () => {
        const items = await Promise.all(
          this.connections.all().map(c => this.summary(c)),
        );
        return jsonBody({ items } satisfies ClustersResponse);
      },
      bodyCodec,
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
      const doc = JSON.parse(base.body.buffer.toString('utf8'));
      return statusEntry(withMeshPeers(doc, peers), base.sections);
    });
  }

  async status(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<JsonBody> {
    return (await this.statusEntry(name, credentials)).body;
  }

  /**
   * A page of a cluster's Gateways or HTTPRoutes, cut from the same cached
   * snapshot as its status document (mesh peers do not matter here).
   */
  async page(
    name: string,
    section: PagedSection,
    query: ItemsQuery,
  ): Promise<JsonBody> {
    const entry = await this.snapshot(this.connection(name));
    return sectionPage(entry, section, query);
  }

  async flows(name: string, query: FlowsQuery): Promise<JsonBody> {
    const conn = this.connection(name);
    const key = `cilium:flows:${name}:${JSON.stringify(query)}`;
    return this.cache.get(
      key,
      async () => jsonBody(await this.readFlows(conn, query)),
      bodyCodec,
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

  async mesh(credentials: BackstageCredentials): Promise<JsonBody> {
    const clusters = await Promise.all(
      this.connections.all().map(async conn => {
        const entry = await this.statusEntry(conn.cluster.name, credentials);
        const info: MeshClusterInfo = {
          name: conn.cluster.name,
          ...entry.mesh,
        };
        if (conn.cluster.title) info.title = conn.cluster.title;
        return info;
      }),
    );
    return jsonBody({ clusters } satisfies MeshOverview);
  }
}
