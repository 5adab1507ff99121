import { meshPeerDoc } from '../__fixtures__/meshPeer';
import { validSpecDoc } from '../__fixtures__/validSpec';
import { parseClusterSpec } from '../parse';
import { type MeshIssue, meshSetIssues } from './meshSet';

/** democluster1 (one.yaml) and democluster2 (two.yaml), consistent until `mutate` breaks them. */
function pair(mutate: (one: any, two: any) => void = () => {}) {
  const one = validSpecDoc();
  const two = meshPeerDoc();
  mutate(one, two);
  return [
    { source: 'one.yaml', spec: parseClusterSpec(one) },
    { source: 'two.yaml', spec: parseClusterSpec(two) },
  ];
}

/** A third cluster, democluster3 (three.yaml), meshed with both. */
function triangle(mutate: (one: any, two: any, three: any) => void) {
  const one = validSpecDoc();
  const two = meshPeerDoc();
  const three = meshPeerDoc();
  three.metadata.name = 'democluster3';
  three.spec.clusterId = 3;
  three.spec.network.podCIDR = '10.2.0.0/16';
  three.spec.network.loadBalancerPools = [
    { name: 'default', cidr: '10.245.32.0/24' },
  ];
  three.spec.clusterMesh = {
    peers: ['democluster1', 'democluster2'],
    apiserverIP: '10.245.32.10',
    peerIPs: {},
    caName: 'demo-mesh-ca',
  };
  one.spec.clusterMesh.peers.push('democluster3');
  two.spec.clusterMesh.peers.push('democluster3');
  mutate(one, two, three);
  return [
    { source: 'one.yaml', spec: parseClusterSpec(one) },
    { source: 'two.yaml', spec: parseClusterSpec(two) },
    { source: 'three.yaml', spec: parseClusterSpec(three) },
  ];
}

const BAD_MESHES: Array<{
  name: string;
  mesh: () => ReturnType<typeof pair>;
  expected: MeshIssue[];
}> = [
  {
    name: 'duplicate cluster id',
    mesh: () => pair((_a, b) => (b.spec.clusterId = 1)),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.clusterId',
        message:
          'democluster1 and its peer democluster2 (two.yaml) both have cluster id 1; ids must be unique in a mesh',
      },
    ],
  },
  {
    name: 'overlapping pod CIDRs (one inside the other)',
    mesh: () => pair((_a, b) => (b.spec.network.podCIDR = '10.0.128.0/17')),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.network.podCIDR',
        message:
          "democluster1's pod CIDR 10.0.0.0/16 overlaps the pod CIDR of its peer democluster2 (two.yaml) (10.0.128.0/17); Cluster Mesh needs distinct pod CIDRs",
      },
    ],
  },
  {
    name: 'one-sided peer',
    mesh: () =>
      pair((_a, b) => {
        b.spec.clusterMesh.peers = [];
        b.spec.clusterMesh.peerIPs = {};
      }),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.peers[0]',
        message:
          'democluster1 lists democluster2, but democluster2 (two.yaml) does not list democluster1 in its spec.clusterMesh.peers; Cluster Mesh peering is mutual',
      },
    ],
  },
  {
    name: 'unknown peer',
    mesh: () => pair(a => a.spec.clusterMesh.peers.push('democluster9')),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.peers[1]',
        message:
          'democluster1 lists democluster9, but no cluster of the mesh is named democluster9',
      },
    ],
  },
  {
    name: 'Cilium minors two apart',
    mesh: () => pair(a => (a.spec.cilium.version = '1.18')),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.cilium.version',
        message:
          'democluster1 runs Cilium 1.18 and its peer democluster2 (two.yaml) 1.20.3; peers must be at most one minor apart',
      },
    ],
  },
  {
    name: 'different mesh CAs',
    mesh: () => pair((_a, b) => (b.spec.clusterMesh.caName = 'other-ca')),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.caName',
        message:
          'democluster1 names mesh CA "demo-mesh-ca" but its peer democluster2 (two.yaml) names "other-ca"; every cluster of a mesh shares one CA',
      },
    ],
  },
  {
    name: 'mesh CA named on one side only',
    mesh: () => pair(a => delete a.spec.clusterMesh.caName),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.caName',
        message:
          'democluster1 names mesh CA none but its peer democluster2 (two.yaml) names "demo-mesh-ca"; every cluster of a mesh shares one CA',
      },
    ],
  },
  {
    name: 'duplicate cluster name',
    mesh: () =>
      pair((_a, b) => {
        b.metadata.name = 'democluster1';
        b.spec.clusterMesh.peers = ['democluster2'];
        b.spec.clusterMesh.peerIPs = {};
      }),
    expected: [
      {
        source: 'two.yaml',
        path: 'metadata.name',
        message:
          'democluster1 is also the name of the cluster in one.yaml; cluster names must be unique in a mesh',
      },
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.peers[0]',
        message:
          'democluster1 lists democluster2, but no cluster of the mesh is named democluster2',
      },
    ],
  },
  {
    name: 'peer address that is not the peer’s pinned address',
    mesh: () =>
      pair(a => (a.spec.clusterMesh.peerIPs.democluster2 = '10.245.22.11')),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.peerIPs.democluster2',
        message:
          'democluster1 dials democluster2 at 10.245.22.11, but democluster2 (two.yaml) pins its clustermesh-apiserver at 10.245.22.10',
      },
    ],
  },
  {
    name: 'two clusters pinning the same apiserver address',
    mesh: () =>
      pair((_a, b) => {
        b.spec.network.loadBalancerPools = [
          { name: 'default', cidr: '10.245.12.0/24' },
        ];
        b.spec.clusterMesh.apiserverIP = '10.245.12.10';
        b.spec.clusterMesh.peerIPs = {};
      }),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.peerIPs.democluster2',
        message:
          'democluster1 dials democluster2 at 10.245.22.10, but democluster2 (two.yaml) pins its clustermesh-apiserver at 10.245.12.10',
      },
      {
        source: 'one.yaml',
        path: 'spec.clusterMesh.apiserverIP',
        message:
          'democluster1 and its peer democluster2 (two.yaml) both pin their clustermesh-apiserver at 10.245.12.10',
      },
    ],
  },
  {
    name: 'different mesh domains',
    mesh: () =>
      pair((_a, b) => {
        b.spec.dns.domain = 'c2demo.example.org';
        b.spec.dns.rfc2136.zone = 'example.org';
        b.spec.observability.grafanaHost = 'grafana.c2demo.example.org';
        b.spec.observability.hubbleUIHost = 'hubble.c2demo.example.org';
      }),
    expected: [
      {
        source: 'one.yaml',
        path: 'spec.dns.rfc2136.zone',
        message:
          "democluster1's mesh domain mesh.example.net differs from mesh.example.org of its peer democluster2 (two.yaml); each would dial the other by a name its certificate does not carry",
      },
    ],
  },
  {
    name: 'three clusters: a one-sided edge and a duplicate id between the other two',
    mesh: () =>
      triangle((one, _two, three) => {
        one.spec.clusterMesh.peers = ['democluster2'];
        three.spec.clusterId = 2;
      }),
    expected: [
      {
        source: 'two.yaml',
        path: 'spec.clusterId',
        message:
          'democluster2 and its peer democluster3 (three.yaml) both have cluster id 2; ids must be unique in a mesh',
      },
      {
        source: 'three.yaml',
        path: 'spec.clusterMesh.peers[0]',
        message:
          'democluster3 lists democluster1, but democluster1 (one.yaml) does not list democluster3 in its spec.clusterMesh.peers; Cluster Mesh peering is mutual',
      },
    ],
  },
];

describe('meshSetIssues', () => {
  it('accepts a consistent mesh pair and a consistent triangle', () => {
    expect(meshSetIssues(pair(), { requirePeers: true })).toEqual([]);
    expect(
      meshSetIssues(
        triangle(() => {}),
        { requirePeers: true },
      ),
    ).toEqual([]);
  });

  it('accepts Cilium minors one apart', () => {
    expect(meshSetIssues(pair(a => (a.spec.cilium.version = '1.19')))).toEqual(
      [],
    );
  });

  it('has at least ten bad meshes', () => {
    expect(BAD_MESHES.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(BAD_MESHES.map(b => [b.name, b] as const))('%s', (_n, bad) => {
    const issues = meshSetIssues(bad.mesh(), { requirePeers: true });

    it('is reported with the field and both clusters', () => {
      expect(issues).toEqual(bad.expected);
      for (const issue of issues) {
        // Both clusters, by name or (for two clusters of one name) by file.
        const names = issue.message.match(/democluster\d|\w+\.yaml/g)!;
        expect(new Set(names).size).toBeGreaterThanOrEqual(2);
        for (const name of names) expect(issue.message).toContain(name);
        expect(issue.path).toMatch(/^(metadata|spec)\./);
      }
    });
  });

  it('ignores peers outside the given specs unless the whole mesh is given', () => {
    const mesh = pair(a => a.spec.clusterMesh.peers.push('democluster9'));
    expect(meshSetIssues(mesh)).toEqual([]);
  });
});
