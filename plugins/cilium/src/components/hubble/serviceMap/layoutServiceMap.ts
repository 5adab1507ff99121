import dagre from '@dagrejs/dagre';
import type {
  FlowGraphEdge,
  FlowGraphNode,
  FlowsSummary,
} from '@internal/plugin-cilium-common';

/**
 * Above this many drawn edges, dagre lays out a backbone (each node's
 * busiest incoming edge) and the other edges are drawn straight between the
 * placed nodes: dagre's crossing reduction over 1,000 cyclic edges takes
 * tens of seconds (measured: 20–30 s in Node for 200 nodes / 1,000 edges),
 * over the backbone a fraction of a second.
 */
export const MAX_LAID_OUT_EDGES = 300;

/** Above this many nodes the map draws one node per namespace. */
export const MAX_DRAWN_NODES = 200;

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 34;

/** How an edge is drawn: any dropped flow makes it `dropped`. */
export type EdgeState = 'dropped' | 'forwarded' | 'other';

export interface MapNode {
  id: string;
  label: string;
  /** Namespace, kind or cluster under the label. */
  detail: string;
  kind: FlowGraphNode['kind'] | 'namespace';
  x: number;
  y: number;
  /** Nodes folded into this one (namespace groups). */
  members: number;
}

export interface MapEdge {
  /** `source→target`. */
  id: string;
  source: string;
  target: string;
  state: EdgeState;
  flows: number;
  dropped: number;
  /** Ports/protocols, e.g. `8080/TCP`. */
  ports: string[];
  points: { x: number; y: number }[];
}

export interface ServiceMapLayout {
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
  /** True when nodes were grouped by namespace. */
  grouped: boolean;
}

/** The node an edge end is drawn at: itself, or its namespace group. */
export function groupId(node: FlowGraphNode): string {
  if (!node.namespace) return node.id;
  return `${node.cluster ? `${node.cluster}/` : ''}ns:${node.namespace}`;
}

function nodeDetail(n: FlowGraphNode): string {
  const where = [n.cluster, n.namespace].filter(Boolean).join('/');
  const what = n.kind === 'workload' ? n.workloadKind ?? 'workload' : n.kind;
  return where ? `${where} · ${what}` : what;
}

function edgeState(dropped: number, forwarded: number): EdgeState {
  if (dropped > 0) return 'dropped';
  return forwarded > 0 ? 'forwarded' : 'other';
}

/**
 * Lays the service map out with dagre (layered, left to right): one node
 * per workload (or per namespace beyond {@link MAX_DRAWN_NODES}), one edge
 * per source → destination pair with every port's counts summed.
 */
export function layoutServiceMap(
  summary: Pick<FlowsSummary, 'nodes' | 'edges'>,
  opts: { maxNodes?: number } = {},
): ServiceMapLayout {
  const grouped = summary.nodes.length > (opts.maxNodes ?? MAX_DRAWN_NODES);
  const byId = new Map(summary.nodes.map(n => [n.id, n]));
  const drawnId = (id: string) => {
    const n = byId.get(id);
    return grouped && n ? groupId(n) : id;
  };

  const nodes = new Map<string, Omit<MapNode, 'x' | 'y'>>();
  for (const n of summary.nodes) {
    const id = drawnId(n.id);
    const existing = nodes.get(id);
    if (existing) existing.members++;
    else if (grouped && id !== n.id)
      nodes.set(id, {
        id,
        label: n.namespace!,
        detail: n.cluster ? `${n.cluster} · namespace` : 'namespace',
        kind: 'namespace',
        members: 1,
      });
    else
      nodes.set(id, {
        id,
        label: n.name,
        detail: nodeDetail(n),
        kind: n.kind,
        members: 1,
      });
  }

  const edges = new Map<
    string,
    Omit<MapEdge, 'points' | 'state'> & { forwarded: number }
  >();
  const add = (e: FlowGraphEdge) => {
    const source = drawnId(e.source);
    const target = drawnId(e.destination);
    const id = `${source}→${target}`;
    let m = edges.get(id);
    if (!m) {
      m = { id, source, target, flows: 0, dropped: 0, forwarded: 0, ports: [] };
      edges.set(id, m);
    }
    m.flows += e.flows;
    m.dropped += e.verdicts.DROPPED ?? 0;
    m.forwarded += e.verdicts.FORWARDED ?? 0;
    const port = `${e.port ? `${e.port}/` : ''}${e.protocol}`;
    if (!m.ports.includes(port)) m.ports.push(port);
  };
  summary.edges.forEach(add);

  const g = new dagre.graphlib.Graph();
  g.setGraph({
    rankdir: 'LR',
    nodesep: 14,
    ranksep: 90,
    marginx: 12,
    marginy: 12,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of nodes.keys())
    g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const between = [...edges.values()].filter(e => e.source !== e.target);
  const laidOut =
    between.length <= MAX_LAID_OUT_EDGES ? between : backbone(between);
  for (const e of laidOut) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const straight = (source: string, target: string) => {
    const a = g.node(source);
    const b = g.node(target);
    const dir = b.x >= a.x ? 1 : -1;
    return [
      { x: a.x + (dir * NODE_WIDTH) / 2, y: a.y },
      { x: b.x - (dir * NODE_WIDTH) / 2, y: b.y },
    ];
  };

  const laidNodes: MapNode[] = [...nodes.values()].map(n => {
    const p = g.node(n.id);
    return { ...n, x: p.x, y: p.y };
  });
  const laidEdges: MapEdge[] = [...edges.values()].map(
    ({ forwarded, ...e }) => {
      const state = edgeState(e.dropped, forwarded);
      if (e.source === e.target) {
        // A node talking to itself: a small loop above it.
        const p = g.node(e.source);
        const x = p.x + NODE_WIDTH / 2 - 12;
        const y = p.y - NODE_HEIGHT / 2;
        return {
          ...e,
          state,
          points: [
            { x, y },
            { x: x + 10, y: y - 14 },
            { x: x + 20, y },
          ],
        };
      }
      const laid = g.edge(e.source, e.target);
      return {
        ...e,
        state,
        points: laid ? laid.points : straight(e.source, e.target),
      };
    },
  );
  // Dropped edges last, so they are drawn on top.
  const order: Record<EdgeState, number> = {
    other: 0,
    forwarded: 1,
    dropped: 2,
  };
  laidEdges.sort((a, b) => order[a.state] - order[b.state]);
  const graph = g.graph();
  return {
    nodes: laidNodes,
    edges: laidEdges,
    width: Math.max(graph.width ?? 0, NODE_WIDTH),
    height: Math.max(graph.height ?? 0, NODE_HEIGHT),
    grouped,
  };
}

/** Each node's busiest incoming edge (dropped ones first): a forest dagre lays out fast. */
function backbone<
  E extends { source: string; target: string; flows: number; dropped: number },
>(edges: E[]): E[] {
  const best = new Map<string, E>();
  for (const e of edges) {
    const b = best.get(e.target);
    if (
      !b ||
      e.dropped > b.dropped ||
      (e.dropped === b.dropped && e.flows > b.flows)
    )
      best.set(e.target, e);
  }
  return [...best.values()];
}
