import { finalValues, manifest, render, specWith } from './testContext';
import { schemaErrors } from './testValidate';

describe('cert-manager', () => {
  it('installs and keeps its CRDs and enables Gateway API through the ControllerConfiguration', () => {
    const values = finalValues('cert-manager');
    expect(values.crds).toEqual({ enabled: true, keep: true });
    expect(values).not.toHaveProperty('installCRDs');
    expect(values.config).toEqual({
      apiVersion: 'controller.config.cert-manager.io/v1alpha1',
      kind: 'ControllerConfiguration',
      enableGatewayAPI: true,
    });
    expect(values.dns01RecursiveNameservers).toBe('10.53.0.2:53');
  });
});

describe('cert-manager-issuers', () => {
  const out = render('cert-manager-issuers');
  const issuer = manifest(out, 'ClusterIssuer', 'acme-prod');

  it('renders an ACME ClusterIssuer solving DNS-01 over RFC2136', () => {
    expect(schemaErrors(issuer)).toEqual([]);
    expect(issuer.spec.acme).toMatchObject({
      server: 'https://acme-v02.api.letsencrypt.org/directory',
      email: 'ops@example.net',
    });
    expect(issuer.spec.acme.solvers[0].dns01.rfc2136).toEqual({
      nameserver: '10.53.0.2:53',
      tsigKeyName: 'externaldns',
      tsigAlgorithm: 'HMACSHA256',
      tsigSecretSecretRef: { name: 'externaldns-tsig', key: 'tsig-secret' },
    });
  });

  it('asks for the TSIG Secret in cert-manager’s namespace', () => {
    expect(out.secrets).toEqual([
      expect.objectContaining({
        namespace: 'cert-manager',
        name: 'externaldns-tsig',
        key: 'tsig-secret',
      }),
    ]);
  });

  it('brackets an IPv6 name server', () => {
    const v6 = render(
      'cert-manager-issuers',
      specWith(s => (s.spec.dns.rfc2136!.host = 'fd00::53')),
    );
    expect(
      manifest(v6, 'ClusterIssuer').spec.acme.solvers[0].dns01.rfc2136
        .nameserver,
    ).toBe('[fd00::53]:53');
  });
});
