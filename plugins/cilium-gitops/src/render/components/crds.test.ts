import { resolveAddonSources } from '../../catalog';
import { contextFor, render, specWith } from './testContext';

describe('gateway-api-crds', () => {
  it.each([
    ['1.18.11', 'v1.3.0', true],
    ['1.19', 'v1.4.1', true],
    ['1.20.3', 'v1.6.1', false],
  ])(
    'Cilium %s installs Gateway API %s (experimental TLSRoute too: %s)',
    (version, tag, tlsRoute) => {
      const ctx = contextFor(
        'gateway-api-crds',
        specWith(s => (s.spec.cilium.version = version)),
      );
      const sources = resolveAddonSources(ctx.addon, ctx.ciliumVersion);
      expect(
        sources.map(s => s.type === 'git' && [s.path, s.targetRevision]),
      ).toEqual([
        ['config/crd/standard', tag],
        ...(tlsRoute ? [['config/crd/experimental', tag]] : []),
      ]);
      expect(ctx.addon.syncOptions).toContain('ServerSideApply=true');
      expect(render('gateway-api-crds')).toEqual({});
    },
  );

  it('comes before Cilium, together with the Prometheus Operator CRDs', () => {
    const gw = contextFor('gateway-api-crds').addon;
    const prom = contextFor('prometheus-operator-crds').addon;
    const cilium = contextFor('cilium').addon;
    expect(gw.syncWave).toBe(prom.syncWave);
    expect(gw.syncWave).toBeLessThan(cilium.syncWave);
    expect(prom.syncOptions).toContain('ServerSideApply=true');
  });
});
