import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RelayKeyPair {
  key: string;
  cert: string;
}

/**
 * A throw-away self-signed certificate for the test relay, valid for the
 * names Hubble Relay's server certificate carries (`*.hubble-relay.cilium.io`)
 * plus 127.0.0.1 and localhost. Made with the `openssl` CLI, once per process.
 */
let cached: RelayKeyPair | undefined;
export function selfSignedRelayCertificate(): RelayKeyPair {
  if (cached) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-relay-tls-'));
  try {
    const keyFile = path.join(dir, 'tls.key');
    const certFile = path.join(dir, 'tls.crt');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=*.hubble-relay.cilium.io',
        '-addext',
        'subjectAltName=DNS:*.hubble-relay.cilium.io,DNS:localhost,IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
    cached = {
      key: fs.readFileSync(keyFile, 'utf8'),
      cert: fs.readFileSync(certFile, 'utf8'),
    };
    return cached;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
