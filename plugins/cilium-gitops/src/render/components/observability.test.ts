import { finalValues, manifest, render, specWith } from './testContext';
import { schemaErrors } from './testValidate';

describe('kube-prometheus-stack', () => {
  const values = finalValues('kube-prometheus-stack');

  it('leaves CRDs to their own app and picks up every ServiceMonitor', () => {
    expect(values.crds).toEqual({ enabled: false });
    expect(
      values.prometheus.prometheusSpec.serviceMonitorSelectorNilUsesHelmValues,
    ).toBe(false);
  });

  it('stores exemplars and accepts remote writes, on openebs-hostpath', () => {
    const p = values.prometheus.prometheusSpec;
    expect(p.enableFeatures).toContain('exemplar-storage');
    expect(p.enableRemoteWriteReceiver).toBe(true);
    expect(p.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe(
      'openebs-hostpath',
    );
  });

  it('puts Grafana behind a Cilium Ingress with TLS from the cluster issuer', () => {
    expect(values.grafana.ingress).toEqual({
      enabled: true,
      ingressClassName: 'cilium',
      annotations: { 'cert-manager.io/cluster-issuer': 'acme-prod' },
      hosts: ['grafana.c1demo.example.net'],
      tls: [
        { secretName: 'grafana-tls', hosts: ['grafana.c1demo.example.net'] },
      ],
    });
  });

  it('reads the admin password from the Secret ref, never a value', () => {
    expect(values.grafana.admin).toEqual({
      existingSecret: 'grafana-admin',
      userKey: 'admin-user',
      passwordKey: 'password',
    });
    expect(values.grafana).not.toHaveProperty('adminPassword');
    expect(
      render('kube-prometheus-stack').secrets?.map(
        s => `${s.namespace}/${s.name}/${s.key}`,
      ),
    ).toEqual([
      'monitoring/grafana-admin/admin-user',
      'monitoring/grafana-admin/password',
    ]);
  });

  it('loads sidecar dashboards from every namespace into folders', () => {
    expect(values.grafana.sidecar.dashboards).toMatchObject({
      label: 'grafana_dashboard',
      searchNamespace: 'ALL',
      folderAnnotation: 'grafana_folder',
    });
  });

  it('adds Tempo with traces-to-metrics and links exemplars to it', () => {
    const [tempo] = values.grafana.additionalDataSources;
    expect(tempo).toMatchObject({
      type: 'tempo',
      uid: 'tempo',
      url: 'http://tempo.tempo.svc:3200',
    });
    expect(tempo.jsonData.tracesToMetrics.datasourceUid).toBe('prometheus');
    expect(
      values.grafana.sidecar.datasources.exemplarTraceIdDestinations,
    ).toEqual({
      datasourceUid: 'tempo',
      traceIdLabelName: 'traceID',
    });
  });
});

describe('tempo', () => {
  it('receives OTLP and writes span metrics to Prometheus', () => {
    const values = finalValues('tempo');
    expect(values.tempo.receivers.otlp.protocols.grpc.endpoint).toBe(
      '0.0.0.0:4317',
    );
    expect(values.tempo.metricsGenerator).toEqual({
      enabled: true,
      remoteWriteUrl:
        'http://kube-prometheus-stack-prometheus.monitoring.svc:9090/api/v1/write',
    });
  });
});

describe('opentelemetry-operator', () => {
  it('uses cert-manager for webhook certificates (in-cluster control plane) and the contrib collector image', () => {
    const values = finalValues(
      'opentelemetry-operator',
      specWith(s => (s.spec.controlPlane.external = false)),
    );
    expect(values.admissionWebhooks.certManager.enabled).toBe(true);
    expect(values.manager.collectorImage.repository).toBe(
      'otel/opentelemetry-collector-contrib',
    );
  });
});

describe('otel-collector', () => {
  const collector = manifest(
    render('otel-collector'),
    'OpenTelemetryCollector',
  );

  it('is a v1beta1 hostNetwork DaemonSet valid against the CRD schema', () => {
    expect(collector.apiVersion).toBe('opentelemetry.io/v1beta1');
    expect(collector.spec.mode).toBe('daemonset');
    expect(collector.spec.hostNetwork).toBe(true);
    expect(collector.spec.image).toMatch(
      /^otel\/opentelemetry-collector-contrib:/,
    );
    expect(schemaErrors(collector)).toEqual([]);
  });

  it('receives OTLP and Jaeger and exports to Tempo and debug, not logging', () => {
    const { config } = collector.spec;
    expect(Object.keys(config.receivers)).toEqual(['otlp', 'jaeger']);
    expect(config.exporters['otlp/tempo'].endpoint).toBe(
      'tempo.tempo.svc:4317',
    );
    expect(config.exporters).toHaveProperty('debug');
    expect(config.exporters).not.toHaveProperty('logging');
    expect(config.service.pipelines.traces).toEqual({
      receivers: ['otlp', 'jaeger'],
      processors: ['memory_limiter', 'batch'],
      exporters: ['debug', 'otlp/tempo'],
    });
  });
});

describe('hubble-ui-ingress', () => {
  const ingress = manifest(render('hubble-ui-ingress'), 'Ingress', 'hubble-ui');

  it('exposes hubble-ui through the Cilium Ingress with TLS, a certificate and a DNS record', () => {
    expect(schemaErrors(ingress)).toEqual([]);
    expect(ingress.metadata.namespace).toBe('kube-system');
    expect(ingress.spec.ingressClassName).toBe('cilium');
    expect(ingress.metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'acme-prod',
      'external-dns.alpha.kubernetes.io/hostname': 'hubble.c1demo.example.net',
    });
    expect(ingress.spec.tls).toEqual([
      { hosts: ['hubble.c1demo.example.net'], secretName: 'hubble-ui-tls' },
    ]);
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({
      name: 'hubble-ui',
      port: { number: 80 },
    });
  });

  it('has no issuer annotation without TLS settings', () => {
    const plain = manifest(
      render(
        'hubble-ui-ingress',
        specWith(s => delete s.spec.tls),
      ),
      'Ingress',
    );
    expect(plain.metadata.annotations).not.toHaveProperty(
      'cert-manager.io/cluster-issuer',
    );
  });
});

describe('Grafana dashboards', () => {
  it('come from the Cilium chart (agent, operator, Hubble) plus the policy-verdict dashboard', () => {
    const cilium = finalValues('cilium');
    expect(
      cilium.dashboards.enabled && cilium.operator.dashboards.enabled,
    ).toBe(true);
    expect(cilium.hubble.metrics.dashboards.enabled).toBe(true);
    expect(
      cilium.hubble.metrics.enabled.some((m: string) =>
        m.startsWith('policy:'),
      ),
    ).toBe(true);
    const kps = finalValues('kube-prometheus-stack');
    expect(kps.grafana.dashboards.cilium['cilium-policy-verdicts'].gnetId).toBe(
      18015,
    );
  });
});

describe('storage', () => {
  it('uses openebs-hostpath with OpenEBS and the cluster default without it', () => {
    expect(finalValues('tempo').persistence.storageClassName).toBe(
      'openebs-hostpath',
    );
    const noOpenebs = specWith(s => (s.spec.addons.openebs = false));
    const kps = finalValues('kube-prometheus-stack', noOpenebs);
    // null deletes the catalog default in Helm's merge.
    expect(kps.grafana.persistence.storageClassName).toBeNull();
    expect(
      kps.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec
        .storageClassName,
    ).toBeNull();
    expect(
      kps.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec
        .resources,
    ).toBeDefined();
    expect(
      finalValues('tempo', noOpenebs).persistence.storageClassName,
    ).toBeNull();
  });
});
