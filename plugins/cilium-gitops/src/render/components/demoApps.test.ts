import { finalValues, manifest, render, specWith } from './testContext';

describe('echo', () => {
  const out = render('echo');
  const route = manifest(out, 'HTTPRoute', 'echo');

  it('runs echo-1 on 8080 and echo-2 on 8090', () => {
    expect(manifest(out, 'Service', 'echo-1').spec.ports[0].port).toBe(8080);
    expect(manifest(out, 'Service', 'echo-2').spec.ports[0].port).toBe(8090);
    expect(
      manifest(out, 'Deployment', 'echo-2').spec.template.spec.containers[0]
        .ports,
    ).toEqual([{ containerPort: 8080, protocol: 'TCP' }]);
  });

  it('sits behind an HTTP Gateway of class cilium', () => {
    const gw = manifest(out, 'Gateway');
    expect(gw.spec.gatewayClassName).toBe('cilium');
    expect(gw.spec.listeners).toEqual([
      expect.objectContaining({ protocol: 'HTTP', port: 80 }),
    ]);
    expect(route.spec.parentRefs).toEqual([
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: gw.metadata.name,
      },
    ]);
  });

  it('adds some-header, sets user-agent and splits 100/0', () => {
    const [rule] = route.spec.rules;
    const modifier = rule.filters[0];
    expect(modifier.type).toBe('RequestHeaderModifier');
    expect(modifier.requestHeaderModifier.add.map((h: any) => h.name)).toEqual([
      'some-header',
    ]);
    expect(modifier.requestHeaderModifier.set.map((h: any) => h.name)).toEqual([
      'user-agent',
    ]);
    expect(
      rule.backendRefs.map((b: any) => [b.name, b.port, b.weight]),
    ).toEqual([
      ['echo-1', 8080, 100],
      ['echo-2', 8090, 0],
    ]);
  });
});

describe('bookinfo', () => {
  const out = render('bookinfo');
  const gateway = manifest(out, 'Gateway');

  it('terminates TLS on a cilium Gateway with two HTTPS listeners and issuer certificates', () => {
    expect(gateway.spec.gatewayClassName).toBe('cilium');
    expect(gateway.metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'acme-prod',
    });
    expect(
      gateway.spec.listeners.map((l: any) => [
        l.protocol,
        l.port,
        l.hostname,
        l.tls.certificateRefs[0].name,
      ]),
    ).toEqual([
      ['HTTPS', 443, 'bookinfo.c1demo.example.net', 'https-bookinfo-tls'],
      ['HTTPS', 443, 'hipstershop.c1demo.example.net', 'https-hipstershop-tls'],
    ]);
  });

  it('routes /details on the bookinfo host to details:9080 and / on the second host to productpage:9080, as the recipe does', () => {
    const routes = (out.manifests ?? []).filter(
      m => m.kind === 'HTTPRoute',
    ) as any[];
    expect(
      routes.map(r => [
        r.spec.hostnames[0],
        r.spec.rules[0].matches[0].path.value,
        r.spec.rules[0].backendRefs[0].name,
        r.spec.rules[0].backendRefs[0].port,
      ]),
    ).toEqual([
      ['bookinfo.c1demo.example.net', '/details', 'details', 9080],
      ['hipstershop.c1demo.example.net', '/', 'productpage', 9080],
    ]);
  });

  it('runs the bookinfo workloads with pinned images', () => {
    const deployments = (out.manifests ?? [])
      .filter(m => m.kind === 'Deployment')
      .map(d => d.metadata.name);
    expect(deployments).toEqual([
      'details-v1',
      'ratings-v1',
      'reviews-v1',
      'reviews-v2',
      'reviews-v3',
      'productpage-v1',
    ]);
    expect(
      manifest(out, 'Deployment', 'productpage-v1').spec.template.spec
        .containers[0].image,
    ).toBe('docker.io/istio/examples-bookinfo-productpage-v1:1.20.3');
  });
});

describe('jobs-app', () => {
  it.each([
    ['1.19.8', true],
    ['1.20.3', false],
  ])(
    'on Cilium %s has Kafka visibility %s and traces to the collector',
    (version, kafka) => {
      const values = finalValues(
        'jobs-app',
        specWith(s => (s.spec.cilium.version = version)),
      );
      expect(values.networkPolicy).toMatchObject({
        enableKafkaIngressVisibility: kafka,
        enableKafkaEgressVisibility: kafka,
      });
      expect(values.tracing).toEqual({ enabled: true });
    },
  );

  it('is installed in tenant-jobs without a chart-made password', () => {
    expect(render('jobs-app').values).toBeDefined();
    const values = finalValues('jobs-app');
    expect(values.elasticsearch.secret).toEqual({ enabled: false });
  });
});
