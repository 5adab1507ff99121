import { meshOverview } from '../../__fixtures__/mesh';
import { buildMeshGraph, combine } from './buildMeshGraph';

describe('buildMeshGraph', () => {
  it('combines both directions of a link', () => {
    expect(combine(true, true)).toBe('ready');
    expect(combine(true, undefined)).toBe('ready');
    expect(combine(true, false)).toBe('broken');
    expect(combine(null, true)).toBe('unknown');
    expect(combine(undefined, undefined)).toBe('unknown');
  });

  it('draws one node per cluster and one edge per pair', () => {
    const { nodes, edges } = buildMeshGraph(meshOverview.clusters, {
      width: 640,
      height: 420,
    });
    expect(nodes.map(n => n.name)).toEqual([
      'prod-eu-1',
      'prod-us-1',
      'staging-eu-1',
    ]);
    expect(edges).toEqual([
      {
        a: 'prod-eu-1',
        b: 'prod-us-1',
        aToB: true,
        bToA: true,
        state: 'ready',
      },
      {
        a: 'prod-eu-1',
        b: 'staging-eu-1',
        aToB: false,
        bToA: null,
        state: 'broken',
      },
    ]);
    for (const n of nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(640);
    }
  });

  it('adds peers that are not configured as nodes', () => {
    const { nodes, edges } = buildMeshGraph(
      [
        {
          name: 'a',
          reachable: true,
          peers: [{ name: 'z', ready: null, source: 'none' }],
        },
      ],
      { width: 100, height: 100 },
    );
    expect(nodes.map(n => [n.name, n.known])).toEqual([
      ['a', true],
      ['z', false],
    ]);
    expect(edges[0].state).toBe('unknown');
  });
});
