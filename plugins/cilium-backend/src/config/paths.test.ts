import os from 'node:os';
import path from 'node:path';
import { caDataToPem, expandHome } from './paths';

describe('configuration paths', () => {
  it('expands ~ to the home directory and leaves other paths alone', () => {
    expect(expandHome('~/.kube/config')).toBe(
      path.join(os.homedir(), '.kube/config'),
    );
    expect(expandHome('~')).toBe(os.homedir());
    expect(expandHome('/etc/ca.pem')).toBe('/etc/ca.pem');
    expect(expandHome('./ca.pem')).toBe('./ca.pem');
    expect(expandHome('~other/x')).toBe('~other/x');
    expect(expandHome(undefined)).toBeUndefined();
  });

  it('reads caData as base64 PEM or PEM text, naming the field otherwise', () => {
    const pem =
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const b64 = Buffer.from(pem).toString('base64');
    expect(caDataToPem(b64, 'x').toString()).toBe(pem);
    expect(caDataToPem(pem, 'x').toString()).toBe(pem.trim());
    expect(() => caDataToPem('bm90IGEgY2E=', 'hubble.tls.caData')).toThrow(
      'hubble.tls.caData must be a base64-encoded PEM CA bundle',
    );
  });
});
