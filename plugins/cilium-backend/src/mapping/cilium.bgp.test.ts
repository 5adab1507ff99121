import { mapBgp } from './cilium';

const nodeConfig = (establishedTime?: string) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumBGPNodeConfig',
  metadata: { name: 'worker-1' },
  status: {
    bgpInstances: [
      {
        name: 'instance-65001',
        localASN: 65001,
        peers: [
          {
            name: 'tor',
            peerAddress: '172.18.0.1',
            peerASN: 65000,
            peeringState: 'established',
            ...(establishedTime ? { establishedTime } : {}),
          },
        ],
      },
    ],
  },
});

describe('mapBgp', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('reads the uptime from the RFC 3339 time Cilium writes', () => {
    const bgp = mapBgp(
      [{ metadata: { name: 'cilium-bgp' } }],
      [nodeConfig('2026-11-26T09:55:00Z')],
      now,
    );
    expect(bgp).toEqual({
      clusterConfigs: ['cilium-bgp'],
      peers: [
        {
          node: 'worker-1',
          instance: 'instance-65001',
          peerName: 'tor',
          peerAddress: '172.18.0.1',
          peerASN: 65000,
          localASN: 65001,
          sessionState: 'established',
          establishedAt: '2026-11-26T09:55:00Z',
          establishedSeconds: 7500,
        },
      ],
    });
  });

  it('leaves the uptime out when the session has no time or an unreadable one', () => {
    for (const time of [undefined, 'yesterday']) {
      const [peer] = mapBgp([], [nodeConfig(time)], now).peers;
      expect(peer.establishedAt).toBeUndefined();
      expect(peer.establishedSeconds).toBeUndefined();
    }
  });
});
