import { componentRenderers, enabledAddonIds } from './index';
import { exampleSpec, render, specWith } from './testContext';
import { invalidObjects, schemaErrors } from './testValidate';

const VARIANTS = {
  'the example spec on Cilium 1.20': exampleSpec(),
  'Cilium 1.18 with native routing': specWith(s => {
    s.spec.cilium.version = '1.18.11';
    s.spec.network.routingMode = 'native';
  }),
  'Cilium 1.19 with two LB pools and no mesh': specWith(s => {
    s.spec.cilium.version = '1.19';
    s.spec.network.loadBalancerPools.push({
      name: 'extra',
      cidr: '10.245.13.0/24',
    });
    s.spec.clusterMesh.peers = [];
  }),
};

describe('every rendered object validates against its upstream schema', () => {
  it.each(Object.entries(VARIANTS))('%s', (_label, spec) => {
    const ids = enabledAddonIds(spec);
    const objects = ids.flatMap(id => render(id, spec).manifests ?? []);
    expect(objects.length).toBeGreaterThan(20);
    expect(invalidObjects(objects)).toEqual([]);
  });

  it('the validators catch a broken object', () => {
    const [gateway] = (render('echo').manifests ?? []).filter(
      m => m.kind === 'Gateway',
    );
    const broken = JSON.parse(JSON.stringify(gateway));
    delete broken.spec.listeners[0].protocol;
    expect(schemaErrors(broken).join()).toMatch(/protocol/);
  });
});

describe('component index', () => {
  it('has a renderer for every addon of the catalog and nothing else', () => {
    const { catalog } = jest.requireActual('./testContext');
    expect(Object.keys(componentRenderers).sort()).toEqual(
      Object.keys(catalog.addons).sort(),
    );
  });

  it('turns on everything for the example spec, in sync-wave order', () => {
    const ids = enabledAddonIds(exampleSpec());
    expect(ids).toHaveLength(17);
    const { catalog } = jest.requireActual('./testContext');
    const waves = ids.map(id => catalog.addons[id].syncWave);
    expect(waves).toEqual([...waves].sort((a, b) => a - b));
  });

  it('leaves out what the spec turns off', () => {
    const ids = enabledAddonIds(
      specWith(s => {
        s.spec.addons = {
          certManager: false,
          externalDNS: false,
          observability: false,
          openebs: false,
        };
        s.spec.demoApps = { bookinfo: false, echo: true, jobsApp: false };
        delete s.spec.observability;
      }),
    );
    expect(ids).toEqual([
      'argo-cd',
      'gateway-api-crds',
      'prometheus-operator-crds',
      'cilium',
      'cilium-config',
      'echo',
    ]);
  });
});
