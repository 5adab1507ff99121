import {
  startHubbleRelayTestServer,
  type HubbleRelayTestServer,
} from '@internal/cilium-test-servers';
import { HubbleRelayClient } from './client';

describe('HubbleRelayClient over TLS (relay server TLS enabled)', () => {
  let relay: HubbleRelayTestServer;

  beforeAll(async () => {
    relay = await startHubbleRelayTestServer({ tls: true });
  });
  afterAll(() => relay.close());

  async function healthyWith(
    tls: ConstructorParameters<typeof HubbleRelayClient>[0]['tls'],
  ) {
    const client = new HubbleRelayClient({
      address: relay.address,
      timeoutMs: 2000,
      tls,
    });
    try {
      return (await client.serverStatus()).healthy;
    } finally {
      client.close();
    }
  }

  it('verifies the relay against the configured CA and server name', async () => {
    expect(
      await healthyWith({
        enabled: true,
        caData: relay.caPem,
        serverName: 'ui.hubble-relay.cilium.io',
      }),
    ).toBe(true);
  });

  it('refuses a relay whose certificate is not trusted', async () => {
    await expect(healthyWith({ enabled: true })).rejects.toMatchObject({
      name: 'HubbleRelayError',
      code: 'UNAVAILABLE',
    });
  });

  it('refuses a certificate for another name', async () => {
    await expect(
      healthyWith({
        enabled: true,
        caData: relay.caPem,
        serverName: 'relay.example.com',
      }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('skips verification when told to', async () => {
    expect(await healthyWith({ enabled: true, insecureSkipVerify: true })).toBe(
      true,
    );
  });

  it('does not speak plaintext to a TLS relay', async () => {
    await expect(healthyWith(undefined)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});
