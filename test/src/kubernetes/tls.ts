import { KeyPair, selfSignedCertificate } from '../tls';

export type { KeyPair };

/**
 * The Kubernetes API test server's certificate, valid for 127.0.0.1 and
 * localhost; it is also the CA clients must trust.
 */
export function selfSignedApiServerCertificate(): KeyPair {
  return selfSignedCertificate('kube-apiserver', [
    'DNS:localhost',
    'DNS:kubernetes.default.svc',
    'IP:127.0.0.1',
  ]);
}
