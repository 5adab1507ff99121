/**
 * Cilium's reserved identities by number (cilium pkg/identity/numericidentity.go:
 * IdentityUnknown = 0, ReservedIdentityHost = 1 ... ReservedIdentityWorldIPv6 = 10).
 * Hubble prints them by name, e.g. `(host)`, and also sends them as labels
 * `reserved:<name>`.
 */
export const RESERVED_IDENTITY_NAMES: Readonly<Record<number, string>> = {
  0: 'unknown',
  1: 'host',
  2: 'world',
  3: 'unmanaged',
  4: 'health',
  5: 'init',
  6: 'remote-node',
  7: 'kube-apiserver',
  8: 'ingress',
  9: 'world-ipv4',
  10: 'world-ipv6',
};
