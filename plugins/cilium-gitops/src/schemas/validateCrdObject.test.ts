import { validateCrdObject } from './validateCrdObject';

describe('validateCrdObject', () => {
  it('accepts an LB-IPAM pool with blocks', () => {
    const result = validateCrdObject({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: 'default' },
      spec: {
        blocks: [
          { cidr: '10.245.12.0/24' },
          { start: '10.0.0.10', stop: '10.0.0.20' },
        ],
      },
    });
    expect(result).toEqual({ known: true, errors: [] });
  });

  it('rejects the removed `cidrs` field and a bad CIDR', () => {
    const result = validateCrdObject({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: 'default' },
      spec: {
        cidrs: [{ cidr: '10.0.0.0/24' }],
        blocks: [{ cidr: '10.0.0.0/33' }],
      },
    });
    expect(result.errors).toEqual(
      expect.arrayContaining([
        '/spec must NOT have additional properties',
        '/spec/blocks/0/cidr must match format "cidr"',
      ]),
    );
  });

  it('enforces the advertisement rules of the CRD', () => {
    const result = validateCrdObject({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumBGPAdvertisement',
      metadata: { name: 'a' },
      spec: {
        advertisements: [
          { advertisementType: 'Service' },
          { advertisementType: 'PodCIDR', selector: {} },
        ],
      },
    });
    expect(result.errors.length).toBeGreaterThanOrEqual(2);
  });

  it('rejects a BGP peer without address or auto-discovery and an ASN out of range', () => {
    const result = validateCrdObject({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumBGPClusterConfig',
      metadata: { name: 'c' },
      spec: {
        bgpInstances: [{ name: 'i', localASN: 0, peers: [{ name: 'p' }] }],
      },
    });
    expect(result.errors.join('\n')).toMatch(/localASN must be >= 1/);
    expect(result.errors.join('\n')).toMatch(
      /peers\/0 must match a schema in anyOf/,
    );
  });

  it('knows the OpenTelemetryCollector v1beta1 and rejects a string config', () => {
    const result = validateCrdObject({
      apiVersion: 'opentelemetry.io/v1beta1',
      kind: 'OpenTelemetryCollector',
      metadata: { name: 'otel', namespace: 'x' },
      spec: { mode: 'daemonset', config: 'receivers: {}' },
    });
    expect(result.known).toBe(true);
    expect(result.errors).toContain('/spec/config must be object');
  });

  it('says when it has no schema', () => {
    expect(validateCrdObject({ apiVersion: 'v1', kind: 'Service' }).known).toBe(
      false,
    );
  });
});
