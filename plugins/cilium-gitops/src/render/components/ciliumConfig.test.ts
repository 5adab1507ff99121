import { manifest, render, specWith } from './testContext';
import { schemaErrors } from './testValidate';

describe('cilium-config', () => {
  const out = render('cilium-config');

  it('renders one LB-IPAM pool per spec pool with `blocks`', () => {
    const pool = manifest(out, 'CiliumLoadBalancerIPPool', 'default');
    expect(pool.apiVersion).toBe('cilium.io/v2');
    expect(pool.spec).toEqual({
      blocks: [{ cidr: '10.245.12.0/24' }],
      disabled: false,
    });
    expect(pool.spec).not.toHaveProperty('cidrs');
    expect(schemaErrors(pool)).toEqual([]);
  });

  it('restricts pools after the first to labelled Services', () => {
    const two = render(
      'cilium-config',
      specWith(s =>
        s.spec.network.loadBalancerPools.push({
          name: 'extra',
          cidr: '10.245.13.0/24',
        }),
      ),
    );
    expect(
      manifest(two, 'CiliumLoadBalancerIPPool', 'extra').spec.serviceSelector,
    ).toEqual({
      matchLabels: { 'lb-pool': 'extra' },
    });
  });

  it('peers every selected node with the spec peers through one peer config', () => {
    const cluster = manifest(out, 'CiliumBGPClusterConfig');
    expect(cluster.spec.nodeSelector).toEqual({
      matchLabels: { bgp: 'worker' },
    });
    expect(cluster.spec.bgpInstances).toEqual([
      {
        name: 'instance-64512',
        localASN: 64512,
        peers: [
          {
            name: 'upstream',
            peerASN: 64513,
            peerAddress: '172.22.5.1',
            peerConfigRef: { name: 'peer-config' },
          },
        ],
      },
    ]);
  });

  it('advertises LoadBalancer IPs of every Service and pod CIDRs, selected by the peer config', () => {
    const peer = manifest(out, 'CiliumBGPPeerConfig');
    const advert = manifest(out, 'CiliumBGPAdvertisement');
    const selector = peer.spec.families[0].advertisements.matchLabels;
    expect(advert.metadata.labels).toMatchObject(selector);
    const types = advert.spec.advertisements.map(
      (a: any) => a.advertisementType,
    );
    expect(types).toEqual(['PodCIDR', 'Service']);
    const service = advert.spec.advertisements[1];
    expect(service.service.addresses).toEqual(['LoadBalancerIP']);
    expect(service.selector.matchExpressions[0].operator).toBe('NotIn');
  });

  it('uses cilium.io/v2 for BGP on every supported minor (no v2alpha1, no CiliumBGPPeeringPolicy)', () => {
    for (const version of ['1.18.11', '1.19.8', '1.20.3']) {
      const objs =
        render(
          'cilium-config',
          specWith(s => (s.spec.cilium.version = version)),
        ).manifests ?? [];
      expect(objs.map(o => o.apiVersion)).toEqual(
        objs.map(() => 'cilium.io/v2'),
      );
      expect(objs.map(o => o.kind)).not.toContain('CiliumBGPPeeringPolicy');
    }
  });

  it('renders no BGP objects and no router config without spec.bgp', () => {
    const noBgp = render(
      'cilium-config',
      specWith(s => delete s.spec.bgp),
    );
    expect((noBgp.manifests ?? []).map(m => m.kind)).toEqual([
      'CiliumLoadBalancerIPPool',
    ]);
    expect(noBgp.files).toEqual([]);
  });
});
