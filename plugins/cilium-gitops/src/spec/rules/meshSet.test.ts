import { validSpecDoc } from '../__fixtures__/validSpec';
import { parseClusterSpec } from '../parse';
import { meshSetIssues } from './meshSet';

function pair(mutate: (one: any, two: any) => void = () => {}) {
  const one = validSpecDoc();
  const two = validSpecDoc();
  two.metadata.name = 'democluster2';
  two.spec.clusterId = 2;
  two.spec.network.podCIDR = '10.1.0.0/16';
  two.spec.clusterMesh.peers = ['democluster1'];
  mutate(one, two);
  return [
    { source: 'one.yaml', spec: parseClusterSpec(one) },
    { source: 'two.yaml', spec: parseClusterSpec(two) },
  ];
}

describe('meshSetIssues', () => {
  it('accepts a consistent mesh pair', () => {
    expect(meshSetIssues(pair())).toEqual([]);
  });

  it('names a cluster id used twice, once per pair', () => {
    expect(meshSetIssues(pair((_a, b) => (b.spec.clusterId = 1)))).toEqual([
      {
        source: 'one.yaml',
        path: 'spec.clusterId',
        message:
          '1 is also the cluster id of mesh peer democluster2 (two.yaml); ids must be unique in a mesh',
      },
    ]);
  });

  it('names overlapping pod CIDRs', () => {
    expect(
      meshSetIssues(pair((_a, b) => (b.spec.network.podCIDR = '10.0.0.0/16'))),
    ).toEqual([
      {
        source: 'one.yaml',
        path: 'spec.network.podCIDR',
        message:
          '10.0.0.0/16 overlaps the pod CIDR of mesh peer democluster2 (two.yaml) (10.0.0.0/16)',
      },
    ]);
  });

  it('names one-sided peering', () => {
    expect(
      meshSetIssues(pair((_a, b) => (b.spec.clusterMesh.peers = []))),
    ).toEqual([
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.peers[0]',
        message:
          'democluster2 (two.yaml) does not list democluster1 in its spec.clusterMesh.peers; Cluster Mesh peering is mutual',
      },
    ]);
  });
});
