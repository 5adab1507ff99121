import {
  FLOWS_SUMMARY_LAST_DEFAULT,
  FlowRecord,
  PolicyReadinessQuery,
  PolicyReadinessResponse,
  SourceError,
  StatusSource,
} from '@internal/plugin-cilium-common';
import { KubeObject } from '../kubernetes/ClusterClient';
import {
  readCiliumClusterwideNetworkPolicies,
  readCiliumNetworkPolicies,
  readNetworkPolicies,
} from '../readers/networkPolicies';
import { runSource } from '../sources/runSource';
import {
  ClusterConnection,
  ClusterConnections,
} from '../connections/ClusterConnections';
import { ResponseCache } from './ResponseCache';
import { computeReadiness, ReadinessInputs } from './policyReadiness';
import { valueCodec } from './valueCodec';
import { requireConnection } from '../connections/requireConnection';

const POLICY_SOURCES: [
  StatusSource,
  (conn: ClusterConnection, signal: AbortSignal) => Promise<KubeObject[]>,
][] = [
  [
    'ciliumNetworkPolicies',
    (c, s) => readCiliumNetworkPolicies(c.kubernetes, s),
  ],
  [
    'ciliumClusterwideNetworkPolicies',
    (c, s) => readCiliumClusterwideNetworkPolicies(c.kubernetes, s),
  ],
  ['networkPolicies', (c, s) => readNetworkPolicies(c.kubernetes, s)],
];

/**
 * Zero-trust readiness of one namespace: the cluster's policies (three
 * sources, each with its own timeout and error) and the flows summary's
 * window of Hubble flows for the namespace, evaluated by
 * `@internal/cilium-network-policy`. Cached and coalesced like the other
 * per-cluster documents.
 */
export class PolicyReadinessService {
  constructor(
    private readonly connections: ClusterConnections,
    private readonly cache: ResponseCache,
    private readonly timeoutMs: number,
  ) {}

  async readiness(
    name: string,
    query: PolicyReadinessQuery,
  ): Promise<PolicyReadinessResponse> {
    const conn = requireConnection(this.connections, name);
    return this.cache.get(
      `cilium:policy-readiness:${name}:${JSON.stringify(query)}`,
      async () => computeReadiness(await this.inputs(conn, query), query),
      valueCodec,
    );
  }

  private async inputs(
    conn: ClusterConnection,
    query: PolicyReadinessQuery,
  ): Promise<ReadinessInputs> {
    const cluster = conn.cluster.name;
    const hubble = conn.hubble;
    const [flows, ...policies] = await Promise.all([
      hubble
        ? runSource('hubble', this.timeoutMs, signal =>
            // The flows summary's window: its newest 10,000 flows, here of
            // the namespace (the relay filters on source or destination).
            hubble.getFlows(
              { namespace: query.namespace, last: FLOWS_SUMMARY_LAST_DEFAULT },
              { signal },
            ),
          )
        : undefined,
      ...POLICY_SOURCES.map(([source, read]) =>
        runSource(source, this.timeoutMs, signal => read(conn, signal)),
      ),
    ]);
    const errors: SourceError[] = [];
    const out: ReadinessInputs = {
      cluster,
      policies: [],
      flows: [],
      windowSeconds: 0,
      errors,
    };
    for (const p of policies) {
      if (p.ok) out.policies.push(...p.value);
      else errors.push(p.error);
    }
    if (!flows) {
      errors.push({
        source: 'hubble',
        reason: 'not-configured',
        message: `No Hubble Relay configured for cluster ${cluster} (cilium.clusters[].hubble.address)`,
      });
    } else if (!flows.ok) {
      errors.push(flows.error);
    } else {
      out.flows = flows.value;
      out.windowSeconds = windowSeconds(out.flows);
    }
    return out;
  }
}

function windowSeconds(flows: FlowRecord[]): number {
  let oldest = Infinity;
  let newest = -Infinity;
  for (const f of flows) {
    const t = Date.parse(f.time);
    if (!Number.isFinite(t)) continue;
    if (t < oldest) oldest = t;
    if (t > newest) newest = t;
  }
  return newest >= oldest ? Math.round((newest - oldest) / 1000) : 0;
}
