import {
  ADDON_NEEDS,
  enabledAddonIdsOf,
  needsText,
  unmetNeeds,
} from './addonDependencies';

const everything = () => ({
  addons: {
    certManager: true,
    externalDNS: true,
    observability: true,
    openebs: true,
  },
  demoApps: { bookinfo: true, echo: true, jobsApp: true },
  dns: { domain: 'example.net', rfc2136: { host: '10.0.0.1' } },
  tls: { email: 'ops@example.net' },
  observability: { grafanaHost: 'grafana.example.net' },
});

describe('the add-on dependency table', () => {
  it('renders every add-on, in render order, when everything is on and met', () => {
    expect(enabledAddonIdsOf(everything())).toEqual([
      'argo-cd',
      'gateway-api-crds',
      'prometheus-operator-crds',
      'cilium',
      'cilium-config',
      'cert-manager',
      'openebs',
      'external-dns',
      'cert-manager-issuers',
      'kube-prometheus-stack',
      'hubble-ui-ingress',
      'tempo',
      'opentelemetry-operator',
      'otel-collector',
      'bookinfo',
      'echo',
      'jobs-app',
    ]);
    expect(unmetNeeds(everything())).toEqual([]);
  });

  it('renders only the always-on core when every switch is off', () => {
    const spec = {
      addons: {
        certManager: false,
        externalDNS: false,
        observability: false,
        openebs: false,
      },
      demoApps: { bookinfo: false, echo: false, jobsApp: false },
      dns: { domain: 'example.net' },
    };
    expect(enabledAddonIdsOf(spec)).toEqual([
      'argo-cd',
      'gateway-api-crds',
      'prometheus-operator-crds',
      'cilium',
      'cilium-config',
    ]);
    expect(unmetNeeds(spec)).toEqual([]);
  });

  it('reports a need that is not met and leaves out what would break', () => {
    const spec = everything();
    spec.addons.openebs = false;
    expect(unmetNeeds(spec).map(n => [n.who, n.what])).toEqual([
      ['addons.observability', 'addons.openebs'],
    ]);
    const ids = enabledAddonIdsOf(spec);
    expect(ids).not.toContain('kube-prometheus-stack');
    expect(ids).not.toContain('openebs');
    expect(ids).toContain('cert-manager');
  });

  it('says what a form switch needs', () => {
    expect(needsText('addons.observability')).toBe(
      'Needs OpenEBS and cert-manager.',
    );
    expect(needsText('demoApps.jobsApp')).toBe('Needs observability.');
    expect(needsText('addons.openebs')).toBeUndefined();
  });

  it('names only switches and sections the table knows', () => {
    for (const need of ADDON_NEEDS) {
      expect(need.who).toMatch(/^(addons|demoApps)\.\w+$|^observability$/);
      expect(need.what).toMatch(
        /^(addons\.\w+|dns\.rfc2136|tls|observability)$/,
      );
    }
  });
});
