import type {
  FlowEdgePolicy,
  FlowGraphEdge,
  FlowGraphNode,
  FlowsSummary,
} from '../types/flowSummary';
import type { FlowRecord, PolicyRef, Verdict } from '../types/hubble';
import { endpointNode } from './flowNodes';

/** The parts of a flow the service map is made from. */
export type GraphFlow = Pick<
  FlowRecord,
  | 'time'
  | 'verdict'
  | 'dropReason'
  | 'isReply'
  | 'source'
  | 'destination'
  | 'l4'
  | 'l7'
  | 'allowedBy'
  | 'deniedBy'
>;

interface EdgeAcc {
  edge: FlowGraphEdge;
  firstMs: number;
  lastMs: number;
  policies: Map<string, FlowEdgePolicy>;
}

const inc = (rec: Record<string, number>, key: string, by = 1) => {
  rec[key] = (rec[key] ?? 0) + by;
};

/**
 * The edge a flow belongs to: client → server on the server's port. A reply
 * (`is_reply`) travels server → client, so it is counted on the request's
 * edge, as a service map draws one connection.
 */
export function edgeEnds(flow: GraphFlow, localCluster?: string) {
  const reply = flow.isReply === true;
  const from = endpointNode(
    reply ? flow.destination : flow.source,
    localCluster,
  );
  const to = endpointNode(reply ? flow.source : flow.destination, localCluster);
  const port = reply ? flow.l4?.sourcePort : flow.l4?.destinationPort;
  const protocol = flow.l4?.protocol ?? 'unknown';
  const id = `${from.id}→${to.id}${port ? `:${port}` : ''}/${protocol}`;
  return { from, to, port: port || undefined, protocol, id };
}

/**
 * Aggregates flows into the service-map graph: nodes, and edges with their
 * counts per verdict, drop reasons, policies, L7 summary and first/last
 * seen. Every flow lands on exactly one edge, so the verdict counts over all
 * edges add up to the flows added. Pure and incremental: the backend feeds
 * it a relay read, the page feeds it live flows on top of a summary.
 */
export class FlowGraphBuilder {
  private readonly nodes = new Map<string, FlowGraphNode>();
  private readonly edges = new Map<string, EdgeAcc>();
  private flows = 0;
  private oldestMs = Infinity;
  private newestMs = -Infinity;

  constructor(
    private readonly localCluster?: string,
    seed?: Pick<FlowsSummary, 'nodes' | 'edges' | 'window' | 'flowsRead'>,
  ) {
    if (!seed) return;
    for (const n of seed.nodes) this.nodes.set(n.id, n);
    for (const e of seed.edges) {
      const edge: FlowGraphEdge = {
        ...e,
        verdicts: { ...e.verdicts },
        dropReasons: { ...e.dropReasons },
        l7: cloneL7(e.l7),
      };
      this.edges.set(e.id, {
        edge,
        firstMs: Date.parse(e.firstSeen),
        lastMs: Date.parse(e.lastSeen),
        policies: new Map(e.policies.map(p => [policyKey(p), { ...p }])),
      });
    }
    this.flows = seed.flowsRead;
    if (seed.window.oldest) this.oldestMs = Date.parse(seed.window.oldest);
    if (seed.window.newest) this.newestMs = Date.parse(seed.window.newest);
  }

  add(flow: GraphFlow): FlowGraphEdge {
    const { from, to, port, protocol, id } = edgeEnds(flow, this.localCluster);
    if (!this.nodes.has(from.id)) this.nodes.set(from.id, from);
    if (!this.nodes.has(to.id)) this.nodes.set(to.id, to);
    const ms = Date.parse(flow.time);
    let acc = this.edges.get(id);
    if (!acc) {
      const edge: FlowGraphEdge = {
        id,
        source: from.id,
        destination: to.id,
        protocol,
        flows: 0,
        verdicts: {},
        dropReasons: {},
        policies: [],
        l7: {},
        firstSeen: flow.time,
        lastSeen: flow.time,
      };
      if (port !== undefined) edge.port = port;
      acc = { edge, firstMs: ms, lastMs: ms, policies: new Map() };
      this.edges.set(id, acc);
    }
    this.count(acc, flow, ms);
    this.flows++;
    if (ms < this.oldestMs) this.oldestMs = ms;
    if (ms > this.newestMs) this.newestMs = ms;
    return acc.edge;
  }

  private count(acc: EdgeAcc, flow: GraphFlow, ms: number) {
    const edge = acc.edge;
    edge.flows++;
    inc(edge.verdicts as Record<string, number>, flow.verdict);
    if (flow.verdict === 'DROPPED' && flow.dropReason)
      inc(edge.dropReasons, flow.dropReason);
    if (ms < acc.firstMs) {
      acc.firstMs = ms;
      edge.firstSeen = flow.time;
    }
    if (ms > acc.lastMs) {
      acc.lastMs = ms;
      edge.lastSeen = flow.time;
    }
    addPolicies(acc, flow.allowedBy, 'allowed');
    addPolicies(acc, flow.deniedBy, 'denied');
    const l7 = flow.l7;
    if (l7?.http) {
      const http = (edge.l7.http ??= { methods: {}, statusClasses: {} });
      if (l7.type === 'RESPONSE' && l7.http.code)
        inc(http.statusClasses, `${Math.floor(l7.http.code / 100)}xx`);
      else if (l7.http.method) inc(http.methods, l7.http.method);
    }
    if (l7?.dns?.query) {
      const dns = (edge.l7.dns ??= { queries: {} });
      inc(dns.queries, l7.dns.query);
    }
  }

  /** Flows added (including the seed's). */
  get flowsRead(): number {
    return this.flows;
  }

  /** Nodes and edges sorted by id; window from the oldest to the newest flow. */
  result(): Pick<FlowsSummary, 'nodes' | 'edges' | 'window' | 'flowsRead'> {
    const edges = [...this.edges.values()]
      .map(acc => {
        acc.edge.policies = [...acc.policies.values()].sort((a, b) =>
          policyKey(a).localeCompare(policyKey(b)),
        );
        return acc.edge;
      })
      .sort(byId);
    const nodes = [...this.nodes.values()].sort(byId);
    const iso = (ms: number) =>
      Number.isFinite(ms) ? new Date(ms).toISOString() : null;
    return {
      nodes,
      edges,
      flowsRead: this.flows,
      window: { oldest: iso(this.oldestMs), newest: iso(this.newestMs) },
    };
  }
}

function cloneL7(l7: FlowGraphEdge['l7']): FlowGraphEdge['l7'] {
  const out: FlowGraphEdge['l7'] = {};
  if (l7.http)
    out.http = {
      methods: { ...l7.http.methods },
      statusClasses: { ...l7.http.statusClasses },
    };
  if (l7.dns) out.dns = { queries: { ...l7.dns.queries } };
  return out;
}

function policyKey(
  p: Pick<FlowEdgePolicy, 'verdict' | 'kind' | 'namespace' | 'name'>,
) {
  return `${p.verdict}|${p.kind ?? ''}|${p.namespace ?? ''}|${p.name}`;
}

function addPolicies(
  acc: EdgeAcc,
  refs: PolicyRef[],
  verdict: FlowEdgePolicy['verdict'],
) {
  for (const ref of refs) {
    const policy: FlowEdgePolicy = { name: ref.name, verdict, count: 0 };
    if (ref.namespace) policy.namespace = ref.namespace;
    if (ref.kind) policy.kind = ref.kind;
    const key = policyKey(policy);
    const existing = acc.policies.get(key);
    if (existing) existing.count++;
    else acc.policies.set(key, { ...policy, count: 1 });
  }
}

/** Sum of verdict counts over edges; equals `flowsRead` of a summary. */
export function totalVerdicts(edges: FlowGraphEdge[]): number {
  let total = 0;
  for (const e of edges)
    for (const v of Object.keys(e.verdicts) as Verdict[])
      total += e.verdicts[v] ?? 0;
  return total;
}

/** Orders by `id` in code-unit order (not locale order), so results are stable. */
function byId(a: { id: string }, b: { id: string }): number {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
