import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A PEM key pair; the self-signed certificate is also the CA to trust. */
export interface KeyPair {
  key: string;
  cert: string;
}

const cache = new Map<string, KeyPair>();

/**
 * A throw-away self-signed certificate (EC P-256, two days) for a test
 * server, valid for `subjectAltNames` (e.g. `DNS:localhost`,
 * `IP:127.0.0.1`). Made with the `openssl` CLI, once per process and name set.
 */
export function selfSignedCertificate(
  commonName: string,
  subjectAltNames: string[],
): KeyPair {
  const id = `${commonName}|${subjectAltNames.join(',')}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-server-tls-'));
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
        `/CN=${commonName}`,
        '-addext',
        `subjectAltName=${subjectAltNames.join(',')}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
    const pair = {
      key: fs.readFileSync(keyFile, 'utf8'),
      cert: fs.readFileSync(certFile, 'utf8'),
    };
    cache.set(id, pair);
    return pair;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A client certificate and the CA that signed it (for x509 client auth). */
export interface ClientCertificate extends KeyPair {
  /** PEM of the CA a server trusts for client certificates. */
  caPem: string;
}

/**
 * A throw-away CA and a client certificate it signed, with `/CN=<user>` and
 * `/O=<group>` as the Kubernetes API server reads them. Made with the
 * `openssl` CLI.
 */
export function clientCertificate(
  user: string,
  group = 'system:masters',
): ClientCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-client-tls-'));
  const f = (name: string) => path.join(dir, name);
  const run = (args: string[]) =>
    execFileSync('openssl', args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  try {
    run([
      'req',
      '-x509',
      ...ec,
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=test-client-ca',
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.crt'),
    ]);
    run([
      'req',
      '-new',
      ...ec,
      '-nodes',
      '-subj',
      `/O=${group}/CN=${user}`,
      '-keyout',
      f('client.key'),
      '-out',
      f('client.csr'),
    ]);
    run([
      'x509',
      '-req',
      '-in',
      f('client.csr'),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      f('client.crt'),
    ]);
    return {
      caPem: fs.readFileSync(f('ca.crt'), 'utf8'),
      cert: fs.readFileSync(f('client.crt'), 'utf8'),
      key: fs.readFileSync(f('client.key'), 'utf8'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
