import { KeyPair, selfSignedCertificate } from '../tls';

export type RelayKeyPair = KeyPair;

/**
 * The test relay's certificate, valid for the names Hubble Relay's server
 * certificate carries (`*.hubble-relay.cilium.io`) plus 127.0.0.1 and
 * localhost.
 */
export function selfSignedRelayCertificate(): RelayKeyPair {
  return selfSignedCertificate('*.hubble-relay.cilium.io', [
    'DNS:*.hubble-relay.cilium.io',
    'DNS:localhost',
    'IP:127.0.0.1',
  ]);
}
