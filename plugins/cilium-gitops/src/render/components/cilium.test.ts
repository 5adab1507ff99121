import { catalog, finalValues, render, specWith } from './testContext';

describe('cilium values', () => {
  const values = finalValues('cilium');

  it('use current keys only: no `tunnel`, no `kubeProxyReplacement: strict`', () => {
    expect(values).not.toHaveProperty('tunnel');
    expect(values.kubeProxyReplacement).toBe(true);
    expect(JSON.stringify(values)).not.toMatch(/"strict"/);
  });

  it('set identity, API server and the external control plane', () => {
    expect(values.cluster).toEqual({ name: 'democluster1', id: 1 });
    expect(values.k8sServiceHost).toBe('10.12.13.14');
    expect(values.k8sServicePort).toBe(6443);
    expect(values.bpf).toEqual({ masquerade: true, lbExternalClusterIP: true });
  });

  it('render tunnel routing as routingMode + tunnelProtocol', () => {
    expect(values.routingMode).toBe('tunnel');
    expect(values.tunnelProtocol).toBe('vxlan');
    expect(values).not.toHaveProperty('ipv4NativeRoutingCIDR');
  });

  it('render native routing with the pod CIDR and direct node routes', () => {
    const native = finalValues(
      'cilium',
      specWith(s => {
        s.spec.network.routingMode = 'native';
        s.spec.controlPlane.external = false;
      }),
    );
    expect(native).toMatchObject({
      routingMode: 'native',
      ipv4NativeRoutingCIDR: '10.0.0.0/16',
      autoDirectNodeRoutes: true,
    });
    expect(native).not.toHaveProperty('tunnelProtocol');
    expect(native.bpf).toEqual({ masquerade: true });
  });

  it('turn on BGP, Ingress (with l7Proxy) and Gateway API for GitOps', () => {
    expect(values.bgpControlPlane.enabled).toBe(true);
    expect(values.l7Proxy).toBe(true);
    expect(values.ingressController.enabled).toBe(true);
    expect(values.gatewayAPI.enabled).toBe(true);
    expect(values.gatewayAPI.gatewayClass.create).toBe('true');
    expect(values.gatewayAPI.secretsNamespace.name).toBe('cilium-secrets');
  });

  it('avoid certificate drift under Argo CD and trust the ServiceMonitor CRDs', () => {
    expect(values.hubble.tls.auto.method).toBe('cronJob');
    expect(values.clustermesh.apiserver.tls.auto.method).toBe('cronJob');
    expect(values.prometheus.serviceMonitor.trustCRDsExist).toBe(true);
    expect(values.operator.prometheus.serviceMonitor.enabled).toBe(true);
    expect(values.envoy.prometheus.serviceMonitor.enabled).toBe(true);
    expect(values.hubble.relay.prometheus.serviceMonitor.enabled).toBe(true);
    expect(render('cilium').ignoreDifferences ?? []).toEqual([]);
  });

  it('enable Hubble OpenMetrics with exemplars and dashboards for the Grafana sidecar', () => {
    expect(values.hubble.metrics.enableOpenMetrics).toBe(true);
    expect(values.hubble.metrics.enabled.join(' ')).toMatch(
      /httpV2:exemplars=true/,
    );
    expect(values.hubble.metrics.serviceMonitor.enabled).toBe(true);
    for (const d of [
      values.dashboards,
      values.operator.dashboards,
      values.hubble.metrics.dashboards,
    ]) {
      expect(d).toMatchObject({
        enabled: true,
        label: 'grafana_dashboard',
        namespace: 'monitoring',
      });
    }
    expect(values.hubble.relay.enabled).toBe(true);
    expect(values.hubble.ui.enabled).toBe(true);
  });

  it.each([
    ['1.18.11', true],
    ['1.19.8', true],
    ['1.20.3', false],
  ])('Cilium %s has the Hubble kafka metric: %s', (version, kafka) => {
    const v = finalValues(
      'cilium',
      specWith(s => (s.spec.cilium.version = version)),
    );
    expect(
      v.hubble.metrics.enabled.some((m: string) => m.startsWith('kafka')),
    ).toBe(kafka);
  });

  it('configure Cluster Mesh peers without secrets inline', () => {
    expect(values.clustermesh).toMatchObject({
      useAPIServer: true,
      apiserver: { service: { type: 'LoadBalancer' } },
      config: {
        enabled: true,
        clusters: [{ name: 'democluster2', port: 2379 }],
      },
    });
    expect(JSON.stringify(values.clustermesh)).not.toMatch(
      /tls":\{"(cert|key|caCert)/,
    );
    expect(render('cilium').secrets).toEqual([
      expect.objectContaining({
        namespace: 'kube-system',
        name: 'cilium-ca',
        key: 'ca.crt',
      }),
      expect.objectContaining({
        namespace: 'kube-system',
        name: 'cilium-ca',
        key: 'ca.key',
      }),
    ]);
  });

  it('leave Cluster Mesh alone without peers and dashboards off without observability', () => {
    const v = finalValues(
      'cilium',
      specWith(s => {
        s.spec.clusterMesh.peers = [];
        s.spec.addons.observability = false;
      }),
    );
    expect(v).not.toHaveProperty('clustermesh');
    expect(v.dashboards).toEqual({ enabled: false });
  });

  it('only use top-level keys the 1.20 chart knows', () => {
    const known = [
      'autoDirectNodeRoutes',
      'bgpControlPlane',
      'bpf',
      'cluster',
      'clustermesh',
      'dashboards',
      'envoy',
      'gatewayAPI',
      'hubble',
      'ingressController',
      'ipam',
      'ipv4NativeRoutingCIDR',
      'k8sServiceHost',
      'k8sServicePort',
      'kubeProxyReplacement',
      'l7Proxy',
      'operator',
      'prometheus',
      'routingMode',
      'tunnelProtocol',
    ];
    expect(Object.keys(values).filter(k => !known.includes(k))).toEqual([]);
    expect(catalog.addons.cilium.releaseName).toBe('cilium');
  });
});
