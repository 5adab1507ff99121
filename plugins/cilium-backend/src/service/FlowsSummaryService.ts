import {
  FlowGraphBuilder,
  FlowLostEvents,
  FlowsSummary,
  FlowsSummaryQuery,
} from '@internal/plugin-cilium-common';
import { runSource } from '../sources/runSource';
import {
  ClusterConnection,
  ClusterConnections,
} from '../connections/ClusterConnections';
import { valueCodec } from './valueCodec';
import { ResponseCache } from './ResponseCache';
import { requireConnection } from '../connections/requireConnection';

/** `hubble.uiUrl` when it is an http(s) URL, without a trailing slash. */
export function hubbleUiUrl(conn: ClusterConnection): string | undefined {
  const raw = conn.cluster.hubble?.getOptionalString('uiUrl');
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * The flows summary: up to 10,000 flows read from the relay with the
 * filters pushed to it, aggregated into the service-map graph, with the
 * window they cover and what the relay lost. Cached and coalesced like the
 * other routes.
 */
export class FlowsSummaryService {
  constructor(
    private readonly connections: ClusterConnections,
    private readonly cache: ResponseCache,
    private readonly timeoutMs: number,
  ) {}

  async summary(name: string, query: FlowsSummaryQuery): Promise<FlowsSummary> {
    const conn = requireConnection(this.connections, name);
    return this.cache.get(
      `cilium:flows-summary:${name}:${JSON.stringify(query)}`,
      async () => this.read(conn, query),
      valueCodec,
    );
  }

  private async read(
    conn: ClusterConnection,
    query: FlowsSummaryQuery,
  ): Promise<FlowsSummary> {
    const name = conn.cluster.name;
    const out: FlowsSummary = {
      cluster: name,
      query,
      window: { oldest: null, newest: null },
      flowsRead: 0,
      truncated: false,
      lostEvents: { inStream: 0, bySource: {} },
      nodes: [],
      edges: [],
    };
    const ui = hubbleUiUrl(conn);
    if (ui) out.hubbleUiUrl = ui;
    const hubble = conn.hubble;
    if (!hubble) {
      out.error = {
        source: 'hubble',
        reason: 'not-configured',
        message: `No Hubble Relay configured for cluster ${name} (cilium.clusters[].hubble.address)`,
      };
      return out;
    }
    const [read, status] = await Promise.all([
      runSource('hubble', this.timeoutMs, signal =>
        hubble.getGraphFlows(query, { signal }),
      ),
      runSource('hubble', this.timeoutMs, signal =>
        hubble.serverStatus({ signal }),
      ),
    ]);
    if (!read.ok) {
      out.error = read.error;
      return out;
    }
    const builder = new FlowGraphBuilder(name);
    for (const flow of read.value.flows) builder.add(flow);
    const lost: FlowLostEvents = {
      inStream: Object.values(read.value.lost).reduce((a, b) => a + b, 0),
      bySource: read.value.lost,
    };
    if (status.ok) {
      const s = status.value;
      lost.evictedFromBuffers = Math.max(0, s.seenFlows - s.numFlows);
      lost.numFlows = s.numFlows;
      lost.maxFlows = s.maxFlows;
    }
    return {
      ...out,
      ...builder.result(),
      truncated: read.value.received >= query.last,
      lostEvents: lost,
    };
  }
}
