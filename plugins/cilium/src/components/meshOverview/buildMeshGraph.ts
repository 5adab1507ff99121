import { MeshClusterInfo } from '@internal/plugin-cilium-common';

export type LinkState = 'ready' | 'broken' | 'unknown';

export interface MeshGraphNode {
  name: string;
  clusterId?: number;
  /** Known to the backend's mesh overview (else only named as a peer). */
  known: boolean;
  reachable: boolean;
  x: number;
  y: number;
}

export interface MeshGraphEdge {
  a: string;
  b: string;
  state: LinkState;
  /** Readiness as each side reports it; undefined when that side is silent. */
  aToB?: boolean | null;
  bToA?: boolean | null;
}

/** One direction's readiness combined with the other: any false breaks, both true is ready. */
export function combine(x?: boolean | null, y?: boolean | null): LinkState {
  if (x === false || y === false) return 'broken';
  const known = [x, y].filter(v => v !== undefined);
  if (known.length > 0 && known.every(v => v === true)) return 'ready';
  return 'unknown';
}

/** Nodes on a circle, one undirected edge per pair of clusters that name each other. */
export function buildMeshGraph(
  clusters: MeshClusterInfo[],
  size: { width: number; height: number },
): { nodes: MeshGraphNode[]; edges: MeshGraphEdge[] } {
  const byName = new Map(clusters.map(c => [c.name, c]));
  const names = new Set<string>(clusters.map(c => c.name));
  clusters.forEach(c => c.peers.forEach(p => names.add(p.name)));
  const sorted = [...names].sort();

  const cx = size.width / 2;
  const cy = size.height / 2;
  const r = Math.min(size.width, size.height) / 2 - 60;
  const nodes = sorted.map((name, i) => {
    const angle = (2 * Math.PI * i) / sorted.length - Math.PI / 2;
    const c = byName.get(name);
    return {
      name,
      clusterId: c?.clusterId,
      known: Boolean(c),
      reachable: c?.reachable ?? false,
      x: sorted.length === 1 ? cx : Math.round(cx + r * Math.cos(angle)),
      y: sorted.length === 1 ? cy : Math.round(cy + r * Math.sin(angle)),
    };
  });

  const readiness = (from: string, to: string) =>
    byName.get(from)?.peers.find(p => p.name === to)?.ready;
  const edges: MeshGraphEdge[] = [];
  const seen = new Set<string>();
  for (const c of clusters) {
    for (const p of c.peers) {
      const [a, b] = [c.name, p.name].sort();
      const key = `${a}\u0000${b}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      const aToB = readiness(a, b);
      const bToA = readiness(b, a);
      edges.push({ a, b, aToB, bToA, state: combine(aToB, bToA) });
    }
  }
  return { nodes, edges };
}
