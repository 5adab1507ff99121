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
