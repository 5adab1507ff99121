import { loadAddonCatalog } from './loadAddonCatalog';
import { mergeHelmValues } from './mergeValues';
import {
  resolveAddonSources,
  resolveCiliumVersion,
} from './resolveAddonSources';

const catalog = loadAddonCatalog();

describe('resolveAddonSources', () => {
  it('installs the Cilium chart at the spec version', () => {
    expect(resolveAddonSources(catalog.addons.cilium, '1.19.8')).toEqual([
      {
        type: 'chart',
        repoURL: 'https://helm.cilium.io',
        chart: 'cilium',
        version: '1.19.8',
      },
    ]);
  });

  it('uses the catalog chart version elsewhere', () => {
    const [src] = resolveAddonSources(catalog.addons['cert-manager'], '1.20.3');
    expect(src).toMatchObject({
      type: 'chart',
      chart: 'cert-manager',
      version: 'v1.21.2',
    });
  });

  it.each([
    ['1.18.11', 'v1.3.0', 2],
    ['1.19.8', 'v1.4.1', 2],
    ['1.20.3', 'v1.6.1', 1],
  ])('Cilium %s gets Gateway API CRDs %s', (cilium, tag, count) => {
    const sources = resolveAddonSources(
      catalog.addons['gateway-api-crds'],
      cilium,
    );
    expect(sources).toHaveLength(count);
    expect(sources[0]).toMatchObject({
      type: 'git',
      path: 'config/crd/standard',
      targetRevision: tag,
    });
    const experimental = {
      type: 'git',
      repoURL: 'https://github.com/kubernetes-sigs/gateway-api.git',
      path: 'config/crd/experimental',
      targetRevision: tag,
      include: 'gateway.networking.k8s.io_tlsroutes.yaml',
    };
    expect(sources.slice(1)).toEqual(count === 2 ? [experimental] : []);
  });

  it('gives manifest-only addons no upstream source', () => {
    expect(
      resolveAddonSources(catalog.addons['cilium-config'], '1.20.3'),
    ).toEqual([]);
  });
});

describe('resolveCiliumVersion', () => {
  it('maps a minor to its newest pinned patch', () => {
    expect(resolveCiliumVersion('1.20', catalog)).toBe('1.20.3');
    expect(resolveCiliumVersion('1.19.7', catalog)).toBe('1.19.7');
    expect(() => resolveCiliumVersion('1.17.2', catalog)).toThrow(/not pinned/);
  });
});

describe('mergeHelmValues', () => {
  it('merges mappings and replaces lists', () => {
    expect(
      mergeHelmValues(
        { a: { b: 1, c: [1, 2] }, d: 1 },
        { a: { c: [3] }, e: 2 },
      ),
    ).toEqual({ a: { b: 1, c: [3] }, d: 1, e: 2 });
  });
});

describe('Helm charts in Git', () => {
  it('marks the jobs-app chart directory as a Helm chart at a pinned commit', () => {
    const [src] = resolveAddonSources(catalog.addons['jobs-app'], '1.20.3');
    expect(src).toMatchObject({
      type: 'git',
      path: 'helm/jobs-app',
      helmChart: true,
    });
    expect(src.type === 'git' && src.targetRevision).toMatch(/^[0-9a-f]{40}$/);
  });
});
