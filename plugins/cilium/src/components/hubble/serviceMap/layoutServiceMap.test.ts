import { FlowGraphBuilder, FlowRecord } from '@internal/plugin-cilium-common';
import { layoutServiceMap, NODE_HEIGHT, NODE_WIDTH } from './layoutServiceMap';

/** A summary of `n` workloads in `ns` namespaces and `e` distinct connections. */
function graph(n: number, e: number, ns = 10) {
  const b = new FlowGraphBuilder('c1');
  const ep = (i: number) => ({
    identity: 1000 + i,
    namespace: `team-${i % ns}`,
    labels: [],
    names: [],
    workloads: [{ name: `svc-${i}`, kind: 'Deployment' }],
  });
  for (let k = 0; k < e; k++) {
    const flow: Pick<
      FlowRecord,
      | 'time'
      | 'verdict'
      | 'isReply'
      | 'source'
      | 'destination'
      | 'l4'
      | 'allowedBy'
      | 'deniedBy'
    > = {
      time: new Date(Date.UTC(2026, 10, 26, 10, 0, 0, k)).toISOString(),
      verdict: k % 7 === 3 ? 'DROPPED' : 'FORWARDED',
      isReply: false,
      source: ep(k % n),
      destination: ep((k * 7 + Math.floor(k / n) + 1) % n),
      l4: { protocol: 'TCP', destinationPort: 8000 + (Math.floor(k / n) % 5) },
      allowedBy: [],
      deniedBy: [],
    };
    b.add(flow);
  }
  return b.result();
}

describe('layoutServiceMap', () => {
  it('draws every workload at 200 nodes / 1,000 connections, without overlaps', () => {
    const g = graph(200, 1000);
    expect(g.edges).toHaveLength(1000);
    const layout = layoutServiceMap(g);
    expect(layout.grouped).toBe(false);
    expect(layout.nodes).toHaveLength(200);
    // pairs with several ports become one drawn edge
    expect(layout.edges.length).toBeLessThanOrEqual(1000);
    expect(layout.edges.reduce((s, e) => s + e.flows, 0)).toBe(1000);
    const boxes = layout.nodes.map(n => [n.x, n.y]);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const overlap =
          Math.abs(boxes[i][0] - boxes[j][0]) < NODE_WIDTH &&
          Math.abs(boxes[i][1] - boxes[j][1]) < NODE_HEIGHT;
        expect(overlap).toBe(false);
      }
    expect(layout.edges[layout.edges.length - 1].state).toBe('dropped');
  });

  it('groups by namespace beyond 200 workloads', () => {
    const layout = layoutServiceMap(graph(300, 1200, 12));
    expect(layout.grouped).toBe(true);
    expect(layout.nodes.map(n => n.id).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `ns:team-${i}`).sort(),
    );
    expect(layout.nodes.every(n => n.members === 25)).toBe(true);
    expect(layout.edges.reduce((s, e) => s + e.flows, 0)).toBe(1200);
  });
});
