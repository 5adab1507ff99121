import {
  API_SERVER_CA_PEM,
  PRIVATE_KEY_LOOKALIKE,
  SECOND_CA_PEM,
} from './__fixtures__/apiServerCA';
import { exampleClusterSpecDocument } from './example';
import { validateClusterSpec } from './parse';

function withCA(value: unknown) {
  const doc = exampleClusterSpecDocument();
  (doc.spec.controlPlane as Record<string, unknown>).apiServerCA = value;
  return validateClusterSpec(doc);
}

function issuesOf(value: unknown): string[] {
  const result = withCA(value);
  return result.ok ? [] : result.issues.map(i => `${i.path}: ${i.message}`);
}

describe('spec.controlPlane.apiServerCA', () => {
  it('is optional', () => {
    const result = validateClusterSpec(exampleClusterSpecDocument());
    expect(result.ok && result.spec.spec.controlPlane.apiServerCA).toBe(
      undefined,
    );
  });

  it('keeps a PEM certificate, and a bundle of two, as written', () => {
    for (const pem of [API_SERVER_CA_PEM, API_SERVER_CA_PEM + SECOND_CA_PEM]) {
      const result = withCA(pem);
      expect(result.ok && result.spec.spec.controlPlane.apiServerCA).toBe(pem);
    }
    // CRLF line ends, as a pasted Windows file has them.
    expect(issuesOf(API_SERVER_CA_PEM.replace(/\n/g, '\r\n'))).toEqual([]);
  });

  it('refuses a private key, alone or next to a certificate, without echoing it', () => {
    for (const value of [
      PRIVATE_KEY_LOOKALIKE,
      API_SERVER_CA_PEM + PRIVATE_KEY_LOOKALIKE,
      PRIVATE_KEY_LOOKALIKE.replace(/PRIVATE KEY/g, 'EC PRIVATE KEY'),
      // base64-encoded, as a kubeconfig's client-key-data holds it
      Buffer.from(PRIVATE_KEY_LOOKALIKE).toString('base64'),
    ]) {
      const issues = issuesOf(value);
      expect(issues).toEqual([
        'spec.controlPlane.apiServerCA: looks like a private key; a key must never be put in the spec (only the public CA certificate: -----BEGIN CERTIFICATE----- blocks)',
      ]);
      expect(issues.join()).not.toContain('MIGHAgEA');
    }
  });

  it('refuses a base64-encoded certificate, saying to decode it', () => {
    expect(issuesOf(Buffer.from(API_SERVER_CA_PEM).toString('base64'))).toEqual(
      [
        "spec.controlPlane.apiServerCA: is base64-encoded (like a kubeconfig's certificate-authority-data); put the decoded PEM here (base64 -d), the renderer encodes it for the catalog",
      ],
    );
  });

  it.each([
    ['text', 'not a certificate'],
    ['an empty string', ''],
    ['base64 of something else', 'TUlJQm5qQ0NBVVdn'],
    ['a certificate with text after it', `${API_SERVER_CA_PEM}subject=CN=x\n`],
    ['a public key', API_SERVER_CA_PEM.replace(/CERTIFICATE/g, 'PUBLIC KEY')],
  ])('refuses %s, naming the rule', (_, value) => {
    expect(issuesOf(value)).toEqual([
      'spec.controlPlane.apiServerCA: must be one or more PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- blocks, nothing else)',
    ]);
  });

  it('refuses a CERTIFICATE block that is not X.509, naming which one', () => {
    const broken = SECOND_CA_PEM.replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA');
    expect(issuesOf(API_SERVER_CA_PEM + broken)).toEqual([
      'spec.controlPlane.apiServerCA: certificate 2 of 2 is not a valid X.509 certificate',
    ]);
  });

  it('refuses a number, and a bundle over the size cap', () => {
    expect(issuesOf(42)).toEqual([
      'spec.controlPlane.apiServerCA: must be a string, got a number',
    ]);
    expect(issuesOf(API_SERVER_CA_PEM.repeat(60))).toEqual([
      `spec.controlPlane.apiServerCA: at most 32768 characters (got ${
        API_SERVER_CA_PEM.length * 60
      })`,
    ]);
    // Longer than the 2048 characters of other strings is fine.
    expect(issuesOf(API_SERVER_CA_PEM.repeat(4))).toEqual([]);
  });
});
