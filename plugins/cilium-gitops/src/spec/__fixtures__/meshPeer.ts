import { exampleClusterSpecDocument } from '../example';

/**
 * democluster2 as the example spec's (democluster1's) consistent mesh peer:
 * its own name, id, pod CIDR, LB pool and pinned apiserver address, naming
 * democluster1 back. Tests break one thing at a time from here.
 */
export function meshPeerDoc(): any {
  const two: any = exampleClusterSpecDocument();
  two.metadata.name = 'democluster2';
  two.spec.clusterId = 2;
  two.spec.network.podCIDR = '10.1.0.0/16';
  two.spec.network.loadBalancerPools = [
    { name: 'default', cidr: '10.245.22.0/24' },
  ];
  two.spec.clusterMesh = {
    peers: ['democluster1'],
    apiserverIP: '10.245.22.10',
    peerIPs: { democluster1: '10.245.12.10' },
    caName: 'demo-mesh-ca',
  };
  return two;
}
