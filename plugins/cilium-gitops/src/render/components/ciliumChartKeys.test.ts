import chart from '../../schemas/cilium-chart-1.20-value-paths.json';
import { finalValues, specWith } from './testContext';

const known = new Set<string>(chart.paths);
const hasChildren = new Set<string>(
  chart.paths.map(p => p.slice(0, p.lastIndexOf('.'))),
);

/** Leaf paths of our values; lists are leaves. */
function leafPaths(value: unknown, path = ''): string[] {
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0
  ) {
    return Object.entries(value).flatMap(([k, v]) =>
      leafPaths(v, path ? `${path}.${k}` : k),
    );
  }
  return [path];
}

/**
 * A path is known when the chart has it, or when its longest known prefix is a
 * free-form map in the chart (annotations, labels, node selectors).
 */
function unknownToChart(path: string): boolean {
  if (known.has(path)) return false;
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const prefix = parts.slice(0, i).join('.');
    if (known.has(prefix)) return hasChildren.has(prefix);
  }
  return true;
}

describe('Cilium values keys exist in the 1.20 chart', () => {
  it.each([
    ['tunnel routing, mesh, external control plane', specWith(() => undefined)],
    [
      'native routing, no mesh',
      specWith(s => {
        s.spec.network.routingMode = 'native';
        s.spec.clusterMesh.peers = [];
      }),
    ],
  ])('%s', (_label, spec) => {
    const paths = leafPaths(finalValues('cilium', spec));
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter(unknownToChart)).toEqual([]);
  });

  it('would catch a stale key', () => {
    expect(unknownToChart('tunnel')).toBe(true);
    expect(unknownToChart('hubble.relay.enabledd')).toBe(true);
    expect(
      unknownToChart('clustermesh.apiserver.service.annotations.foo'),
    ).toBe(false);
  });
});
