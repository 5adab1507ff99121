import { validSpecDoc } from './__fixtures__/validSpec';
import { validateClusterSpec } from './parse';

function issuesOf(edit: (doc: any) => void) {
  const doc: any = validSpecDoc();
  edit(doc);
  const result = validateClusterSpec(doc);
  return result.ok ? [] : result.issues;
}

describe('recipe detail fields of the spec', () => {
  it('defaults to the recipe: TXT prefix external-dns-, API server certificate not verified, shared TSIG key', () => {
    const result = validateClusterSpec(validSpecDoc());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.spec.spec.dns.txtPrefix).toBe('external-dns-');
    expect(result.spec.spec.observability?.apiServerScrape).toEqual({
      serverName: 'kubernetes',
    });
    expect(result.spec.spec.tls?.rfc2136).toBeUndefined();
    expect(result.spec.spec.tls?.dns01RecursiveNameservers).toBeUndefined();
  });

  it.each([
    [
      'a TXT prefix with upper case',
      (d: any) => (d.spec.dns.txtPrefix = 'Owner-'),
      'spec.dns.txtPrefix',
      /TXT record prefix/,
    ],
    [
      'a nameserver without port',
      (d: any) => (d.spec.tls.dns01RecursiveNameservers = ['8.8.8.8']),
      'spec.tls.dns01RecursiveNameservers[0]',
      /host:port/,
    ],
    [
      'an empty nameserver list',
      (d: any) => (d.spec.tls.dns01RecursiveNameservers = []),
      'spec.tls.dns01RecursiveNameservers',
      /at least one/,
    ],
    [
      'a pasted TSIG secret for cert-manager',
      (d: any) =>
        (d.spec.tls.rfc2136 = {
          tsigSecretRef: { name: 'k', key: 'v' },
          tsigSecret: 'c2VjcmV0',
        }),
      'spec.tls.rfc2136',
      /tsigSecret/,
    ],
    [
      'a CA together with skipping verification',
      (d: any) =>
        (d.spec.observability.apiServerScrape = {
          insecureSkipVerify: true,
          caSecretRef: { name: 'ca', key: 'ca.crt' },
        }),
      'spec.observability.apiServerScrape.insecureSkipVerify',
      /caSecretRef/,
    ],
  ])('rejects %s, naming the field', (_label, edit, path, message) => {
    const issues = issuesOf(edit);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: expect.stringContaining(path),
          message: expect.stringMatching(message),
        }),
      ]),
    );
  });
});
