import { finalValues, render } from './testContext';

describe('external-dns', () => {
  const values = finalValues('external-dns');

  it('uses RFC2136 with the spec server, zone and key', () => {
    expect(values.provider).toEqual({ name: 'rfc2136' });
    expect(values.extraArgs).toEqual([
      '--rfc2136-host=10.53.0.2',
      '--rfc2136-port=53',
      '--rfc2136-zone=example.net',
      '--rfc2136-tsig-keyname=externaldns',
      '--rfc2136-tsig-secret-alg=hmac-sha256',
      '--rfc2136-tsig-axfr',
    ]);
  });

  it('gets the TSIG secret from the Secret ref, not a value', () => {
    expect(values.env).toEqual([
      {
        name: 'EXTERNAL_DNS_RFC2136_TSIG_SECRET',
        valueFrom: {
          secretKeyRef: { name: 'externaldns-tsig', key: 'tsig-secret' },
        },
      },
    ]);
    expect(JSON.stringify(values)).not.toMatch(/tsig-secret=/);
    expect(render('external-dns').secrets).toEqual([
      expect.objectContaining({
        namespace: 'external-dns',
        name: 'externaldns-tsig',
        key: 'tsig-secret',
      }),
    ]);
  });

  it('watches Services, Ingresses and HTTPRoutes and owns records by cluster name', () => {
    expect(values.sources).toEqual(['service', 'ingress', 'gateway-httproute']);
    expect(values.txtOwnerId).toBe('democluster1');
    expect(values.domainFilters).toEqual([
      'c1demo.example.net',
      'democluster1.mesh.example.net',
    ]);
  });

  it('runs non-root with a read-only root file system', () => {
    expect(values.securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
  });
});
