import os from 'node:os';
import path from 'node:path';

/**
 * A configured file path with `~` (`$HOME`) expanded, as users
 * write them (`kubeconfig: ~/.kube/config`); `~user` forms are not expanded.
 * Relative paths stay relative to the backend's working directory.
 */
export function expandHome(p: string): string;
export function expandHome(p: string | undefined): string | undefined;
export function expandHome(p: string | undefined): string | undefined {
  if (p === undefined) return p;
  // like a shell: $HOME, else the account's home directory
  const home = process.env.HOME || os.homedir();
  if (p === '~') return home;
  if (p.startsWith('~/') || p.startsWith(`~${path.sep}`)) {
    return path.join(home, p.slice(2));
  }
  return p;
}

/**
 * A CA bundle given as `caData`: base64 of the PEM, as in a kubeconfig and
 * Backstage's Kubernetes config (`certificate-authority-data`). PEM text
 * itself is accepted too, so both ways users paste a CA work.
 */
export function caDataToPem(caData: string, field: string): Buffer {
  const trimmed = caData.trim();
  if (trimmed.startsWith('-----BEGIN')) return Buffer.from(trimmed);
  const decoded = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64');
  if (!decoded.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error(
      `${field} must be a base64-encoded PEM CA bundle (like a kubeconfig's certificate-authority-data) or PEM text`,
    );
  }
  return decoded;
}
