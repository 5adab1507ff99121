import { ConfigReader } from '@backstage/config';
import { readHubbleRelayConfig } from './config';

describe('readHubbleRelayConfig', () => {
  it('reads a plaintext relay and applies the default timeout', () => {
    expect(
      readHubbleRelayConfig(
        new ConfigReader({ address: 'hubble-relay.kube-system.svc:80' }),
        5000,
      ),
    ).toEqual({
      address: 'hubble-relay.kube-system.svc:80',
      timeoutMs: 5000,
    });
  });

  it('turns TLS on for a tls:// address, like the Hubble CLI', () => {
    expect(
      readHubbleRelayConfig(
        new ConfigReader({
          address: 'tls://relay.example.com:443',
          timeoutMs: 800,
        }),
        5000,
      ),
    ).toEqual({
      address: 'relay.example.com:443',
      tls: { enabled: true },
      timeoutMs: 800,
    });
  });

  it('reads every TLS setting', () => {
    const config = new ConfigReader({
      address: '10.0.0.5:4245',
      tls: {
        caData: '-----BEGIN CERTIFICATE-----\n...',
        caFile: '/etc/hubble/ca.crt',
        serverName: 'ui.hubble-relay.cilium.io',
        insecureSkipVerify: false,
      },
    });
    expect(readHubbleRelayConfig(config, 5000).tls).toEqual({
      enabled: true,
      caData: '-----BEGIN CERTIFICATE-----\n...',
      caFile: '/etc/hubble/ca.crt',
      serverName: 'ui.hubble-relay.cilium.io',
      insecureSkipVerify: false,
    });
  });

  it('keeps TLS off when the block says enabled: false', () => {
    const config = new ConfigReader({
      address: '[fd00::5]:80',
      tls: { enabled: false },
    });
    expect(readHubbleRelayConfig(config, 5000)).toEqual({
      address: '[fd00::5]:80',
      tls: { enabled: false },
      timeoutMs: 5000,
    });
  });

  it.each(['hubble-relay', 'http://relay:80', 'relay:80/path', 'tls://'])(
    'rejects the address %p',
    address => {
      expect(() =>
        readHubbleRelayConfig(new ConfigReader({ address }), 5000),
      ).toThrow(/hubble.address/);
    },
  );

  it('requires an address and a positive timeout', () => {
    expect(() => readHubbleRelayConfig(new ConfigReader({}), 5000)).toThrow(
      /address/,
    );
    expect(() =>
      readHubbleRelayConfig(
        new ConfigReader({ address: 'relay:80', timeoutMs: 0 }),
        5000,
      ),
    ).toThrow(/timeoutMs/);
  });
});
