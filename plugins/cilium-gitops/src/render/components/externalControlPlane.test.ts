import { thirdClusterSpec } from '../__fixtures__/thirdCluster';
import { finalValues, specWith } from './testContext';

const inCluster = () => specWith(s => (s.spec.controlPlane.external = false));

describe('admission webhooks with an external control plane', () => {
  it.each([
    ['democluster1', undefined],
    ['edge-lab-7', thirdClusterSpec()],
  ])(
    '%s: cert-manager’s webhook listens on the host network, not on the kubelet port',
    (_name, spec) => {
      const values = finalValues('cert-manager', spec);
      expect(values.webhook).toEqual({ hostNetwork: true, securePort: 10260 });
      // The rest of the cert-manager values are still there.
      expect(values.crds).toEqual({ enabled: true, keep: true });
    },
  );

  it('keeps cert-manager’s webhook in the pod network with an in-cluster control plane', () => {
    expect(finalValues('cert-manager', inCluster())).not.toHaveProperty(
      'webhook',
    );
  });

  it('keeps the host-network webhook without an RFC2136 server too', () => {
    const values = finalValues(
      'cert-manager',
      specWith(s => delete s.spec.dns.rfc2136),
    );
    expect(values.webhook).toEqual({ hostNetwork: true, securePort: 10260 });
    expect(values).not.toHaveProperty('dns01RecursiveNameservers');
  });

  it('turns the OpenTelemetry operator’s webhooks and their certificates off, as the recipe does', () => {
    const values = finalValues('opentelemetry-operator');
    expect(values.admissionWebhooks).toMatchObject({
      create: false,
      certManager: { enabled: false },
      autoGenerateCert: { enabled: false },
    });
    expect(values.manager.env).toEqual({ ENABLE_WEBHOOKS: 'false' });
    expect(values.manager.collectorImage.repository).toBe(
      'otel/opentelemetry-collector-contrib',
    );
  });

  it('leaves the OpenTelemetry operator’s webhooks on with an in-cluster control plane', () => {
    const values = finalValues('opentelemetry-operator', inCluster());
    expect(values.admissionWebhooks.certManager.enabled).toBe(true);
    expect(values.admissionWebhooks).not.toHaveProperty('create');
    expect(values.manager).not.toHaveProperty('env');
  });
});
