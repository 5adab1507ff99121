/**
 * Issue 9 item 5: the recipe's details, on the two example clusters and a
 * third one that overrides every new spec field.
 */
import { parse } from 'yaml';
import { threeClusters } from './__fixtures__/threeClusters';

const [c1, c2, edge] = threeClusters();
const values = (c: typeof c1, id: string) =>
  parse(c.file(`values/${id}.yaml`)) as Record<string, any>;

describe.each([c1, c2, edge].map(c => [c.name, c] as const))(
  '%s',
  (name, c) => {
    const kps = values(c, 'kube-prometheus-stack');

    it('labels every Prometheus series with the cluster name', () => {
      expect(kps.prometheus.prometheusSpec.externalLabels).toEqual({
        cluster: name,
      });
    });

    it('turns off the kube-proxy ServiceMonitor and rules (Cilium replaces kube-proxy)', () => {
      expect(values(c, 'cilium').kubeProxyReplacement).toBe(true);
      expect(kps.kubeProxy.enabled).toBe(false);
      expect(kps.defaultRules.rules.kubeProxy).toBe(false);
    });

    it('counts flows by workload name or reserved identity, as the recipe', () => {
      expect(values(c, 'cilium').hubble.metrics.enabled).toContain(
        'flow:sourceContext=workload-name|reserved-identity;destinationContext=workload-name|reserved-identity',
      );
    });

    it('loads the policy-verdict dashboard at the recipe revision with its datasource mapped', () => {
      expect(kps.grafana.dashboards.cilium['cilium-policy-verdicts']).toEqual({
        gnetId: 18015,
        revision: 4,
        datasource: [{ name: 'DS_PROMETHEUS', value: 'prometheus' }],
      });
      // The uid the mapping points at is the Prometheus datasource the
      // Tempo datasource links to as well.
      const tempo = kps.grafana.additionalDataSources.find(
        (d: any) => d.uid === 'tempo',
      );
      expect(tempo.jsonData.serviceMap.datasourceUid).toBe('prometheus');
    });

    it('pairs the bookinfo host with /details and the second host with /', () => {
      const domain = c.spec.spec.dns.domain;
      const routes = c
        .objects()
        .filter(
          o => o.kind === 'HTTPRoute' && o.metadata.namespace === 'bookinfo',
        )
        .map((r: any) => [
          r.spec.hostnames,
          r.spec.rules[0].matches[0].path.value,
          r.spec.rules[0].backendRefs[0].name,
        ]);
      expect(routes).toEqual([
        [[`bookinfo.${domain}`], '/details', 'details'],
        [[`hipstershop.${domain}`], '/', 'productpage'],
      ]);
    });
  },
);

describe('the recipe defaults (example clusters)', () => {
  it.each([c1, c2].map(c => [c.name, c] as const))(
    '%s: skips API server certificate checks as the recipe, prefixes TXT records with external-dns-, one shared TSIG key',
    (_n, c) => {
      const kps = values(c, 'kube-prometheus-stack');
      expect(kps.kubeApiServer.tlsConfig).toEqual({
        serverName: 'kubernetes',
        insecureSkipVerify: true,
      });
      expect(kps.kubeApiServer.serviceMonitor?.enabled).not.toBe(false);
      expect(values(c, 'external-dns').txtPrefix).toBe('external-dns-');
      expect(values(c, 'cert-manager')).toMatchObject({
        dns01RecursiveNameservers: '10.53.0.2:53',
        dns01RecursiveNameserversOnly: true,
      });
      const issuer = parse(
        c.file('manifests/cert-manager-issuers/clusterissuer-acme-prod.yaml'),
      );
      expect(issuer.spec.acme.solvers[0].dns01.rfc2136).toMatchObject({
        tsigKeyName: 'externaldns',
        tsigSecretSecretRef: { name: 'externaldns-tsig', key: 'tsig-secret' },
      });
    },
  );
});

describe('edge-lab-7 overrides', () => {
  it('verifies the API server certificate against a CA Secret with its own ServiceMonitor', () => {
    const kps = values(edge, 'kube-prometheus-stack');
    expect(kps.kubeApiServer).toMatchObject({
      tlsConfig: {
        serverName: 'api.edge7.lab.example.org',
        insecureSkipVerify: false,
      },
      serviceMonitor: { enabled: false },
    });
    const monitor = edge
      .objects()
      .find(o => o.kind === 'ServiceMonitor') as any;
    expect(monitor.metadata.namespace).toBe('monitoring');
    expect(monitor.spec.jobLabel).toBe('component');
    expect(monitor.spec.endpoints[0].tlsConfig).toEqual({
      ca: { secret: { name: 'edge7-apiserver-ca', key: 'ca.crt' } },
      serverName: 'api.edge7.lab.example.org',
      insecureSkipVerify: false,
    });
    expect(edge.file('README.md')).toContain(
      'kubectl -n monitoring create secret generic edge7-apiserver-ca',
    );
  });

  it('uses its TXT prefix and DNS-01 nameservers', () => {
    expect(values(edge, 'external-dns').txtPrefix).toBe('owner-');
    expect(values(edge, 'cert-manager').dns01RecursiveNameservers).toBe(
      '192.168.40.53:5353,192.168.40.54:53',
    );
  });

  it('gives cert-manager its own TSIG key and ExternalDNS the other', () => {
    const issuer = parse(
      edge.file('manifests/cert-manager-issuers/clusterissuer-edge7-acme.yaml'),
    );
    expect(issuer.spec.acme.solvers[0].dns01.rfc2136).toEqual({
      nameserver: '192.168.40.53:5353',
      tsigKeyName: 'edge7-certmanager',
      tsigAlgorithm: 'HMACSHA512',
      tsigSecretSecretRef: { name: 'edge7-cm-key', key: 'tsig' },
    });
    const edns = values(edge, 'external-dns');
    expect(edns.extraArgs).toContain(
      '--rfc2136-tsig-keyname=edge7-externaldns',
    );
    expect(edns.env[0].valueFrom.secretKeyRef).toEqual({
      name: 'edge7-dns-key',
      key: 'secret',
    });
    const readme = edge.file('README.md');
    expect(readme).toContain(
      'kubectl -n cert-manager create secret generic edge7-cm-key',
    );
    expect(readme).toContain(
      'kubectl -n external-dns create secret generic edge7-dns-key',
    );
  });
});
