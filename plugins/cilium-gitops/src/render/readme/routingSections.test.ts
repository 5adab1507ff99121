import { thirdClusterSpec } from '../__fixtures__/thirdCluster';
import { exampleSpec, specWith } from '../components/testContext';
import type { ClusterSpec } from '../../spec/types';
import {
  clusterMeshSection,
  routerAnnouncementsSection,
} from './routingSections';
import type { ReadmeInput } from './types';

const text = (lines: string[]) => lines.join('\n');
const routingSections = (spec: ClusterSpec) => {
  const input = { spec } as ReadmeInput;
  return [...routerAnnouncementsSection(input), ...clusterMeshSection(input)];
};

describe('README: Router and Cluster Mesh sections', () => {
  it('explains the external control plane routing and why static routes, for democluster1', () => {
    const readme = text(routingSections(exampleSpec()));
    expect(readme).toContain('### What the router announces');
    expect(readme).toContain(
      'exports to its upstream 172.22.0.1 (AS 64500) the LoadBalancer pools (10.245.12.0/24), the service CIDR (10.192.0.0/12), the worker CIDR (172.22.5.0/24).',
    );
    expect(readme).toContain('ip route 10.192.0.0/12 <worker>');
    expect(readme).toMatch(
      /Why static routes and not a `CiliumBGPAdvertisement` of ClusterIPs/,
    );
    expect(readme).toContain('port 10260');
  });

  it('documents the mesh: address, peers, and the one shared CA with the Secret each cluster needs (names, no values)', () => {
    const readme = text(routingSections(exampleSpec()));
    expect(readme).toContain(
      '`democluster1.mesh.example.net:2379` at 10.245.12.10',
    );
    expect(readme).toContain(
      '- `democluster2.mesh.example.net:2379`, resolved to 10.245.22.10',
    );
    expect(readme).toContain('### The shared mesh CA `demo-mesh-ca`');
    expect(readme).toContain('once per mesh');
    expect(readme).toContain(
      'as the Secret `cilium-ca` in `kube-system` with the keys `ca.crt` and `ca.key`',
    );
    expect(readme).not.toMatch(/BEGIN (CERTIFICATE|PRIVATE KEY)/);
  });

  it('third cluster: native routing exports pod CIDRs; a peer without address is reached by DNS', () => {
    const readme = text(routingSections(thirdClusterSpec()));
    expect(readme).toContain('the pod CIDR (172.30.0.0/16)');
    expect(readme).toContain(
      '`edge-lab-7.mesh.edge.example.org:2379` at 192.168.60.5',
    );
    expect(readme).toContain(
      '- `edge-lab-9.mesh.edge.example.org:2379`, resolved through DNS',
    );
  });

  it('has neither section without a router and without peers', () => {
    const spec = specWith(s => {
      delete s.spec.bgp!.router;
      s.spec.clusterMesh.peers = [];
      s.spec.clusterMesh.peerIPs = {};
    });
    expect(routingSections(spec)).toEqual([]);
  });

  it('omits the external control plane part with an in-cluster control plane', () => {
    const readme = text(
      routingSections(specWith(s => (s.spec.controlPlane.external = false))),
    );
    expect(readme).toContain('### What the router announces');
    expect(readme).not.toContain('external control plane');
  });
});
