/**
 * The rule of a PEM certificate bundle in the spec (the API server's CA):
 * one or more `-----BEGIN CERTIFICATE-----` blocks, each a parseable X.509
 * certificate, and never anything that looks like a private key. Messages
 * never echo the value (a pasted key must not reach a log or a form).
 */
import { X509Certificate } from 'node:crypto';

const BLOCK =
  /-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

const PRIVATE_KEY =
  'looks like a private key; a key must never be put in the spec (only the public CA certificate: -----BEGIN CERTIFICATE----- blocks)';

/** `value` base64-decoded when it is base64 text (a kubeconfig's `*-data`), else `undefined`. */
function decodedBase64(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!compact || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64').toString('latin1');
}

/** What is wrong with `value` as a PEM certificate bundle; `undefined` when it is one. */
export function pemCertificatesProblem(value: string): string | undefined {
  const decoded = decodedBase64(value);
  if (/PRIVATE KEY/.test(value) || /PRIVATE KEY/.test(decoded ?? '')) {
    return PRIVATE_KEY;
  }
  if (decoded?.includes('-----BEGIN CERTIFICATE-----')) {
    return "is base64-encoded (like a kubeconfig's certificate-authority-data); put the decoded PEM here (base64 -d), the renderer encodes it for the catalog";
  }
  const blocks = [...value.matchAll(BLOCK)];
  const rest = value.replace(BLOCK, '');
  if (blocks.length === 0 || rest.trim() !== '') {
    return 'must be one or more PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- blocks, nothing else)';
  }
  for (const [index, block] of blocks.entries()) {
    try {
      // eslint-disable-next-line no-new
      new X509Certificate(block[0]);
    } catch {
      return `certificate ${index + 1} of ${
        blocks.length
      } is not a valid X.509 certificate`;
    }
  }
  return undefined;
}
