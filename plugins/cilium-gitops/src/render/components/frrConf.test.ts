import { readFileSync } from 'fs';
import * as path from 'path';
import { FRR_CONF_PATH } from './frrConf';
import { thirdClusterSpec } from '../__fixtures__/thirdCluster';
import { render, specWith } from './testContext';

function frrConf(spec = undefined as Parameters<typeof render>[1]): string[] {
  const files = render('cilium-config', spec).files ?? [];
  expect(files.map(f => f.path)).toEqual([FRR_CONF_PATH]);
  return files[0].content.split('\n');
}

describe('router/frr.conf', () => {
  const lines = frrConf();

  it('is FRR syntax, not YAML, ending with a newline', () => {
    expect(lines[0].startsWith('!')).toBe(true);
    expect(lines).toContain('hostname frr1');
    expect(lines).toContain('router bgp 64513');
    expect(lines).toContain(' bgp router-id 172.22.5.1');
    expect(lines.at(-1)).toBe('');
  });

  it('has a neighbor per worker node with the cluster ASN, and the upstream neighbor', () => {
    expect(lines).toContain(' neighbor CILIUM remote-as 64512');
    expect(lines).toContain(
      ' bgp listen range 172.22.5.0/24 peer-group CILIUM',
    );
    for (const node of ['172.22.5.31', '172.22.5.32', '172.22.5.33']) {
      expect(lines).toContain(` neighbor ${node} peer-group CILIUM`);
    }
    expect(lines).toContain(' neighbor 172.22.0.1 remote-as 64500');
  });

  it('accepts LB pools and pod CIDRs from the cluster', () => {
    expect(lines).toContain(
      'ip prefix-list CILIUM-LB-POOLS seq 10 permit 10.245.12.0/24 le 32',
    );
    expect(lines).toContain(
      'ip prefix-list CILIUM-POD-CIDRS seq 10 permit 10.0.0.0/16 le 32',
    );
    expect(lines).toContain('  neighbor CILIUM route-map CILIUM-IN in');
    expect(lines).toContain('  neighbor 172.22.0.1 route-map UPSTREAM-OUT out');
  });

  it('passes only LB pools upstream with an in-cluster control plane, tunnel mode and no mesh', () => {
    const plain = frrConf(
      specWith(s => {
        s.spec.controlPlane.external = false;
        s.spec.clusterMesh.peers = [];
      }),
    );
    expect(plain.filter(l => l.startsWith('route-map UPSTREAM-OUT'))).toEqual([
      'route-map UPSTREAM-OUT permit 10',
      'route-map UPSTREAM-OUT deny 100',
    ]);
    expect(plain.join('\n')).not.toMatch(/ip route|network /);
  });

  it('routes the service CIDR to every worker for the external control plane, announces it and the worker CIDR, and exports both upstream', () => {
    expect(lines.filter(l => l.startsWith('ip route'))).toEqual([
      'ip route 10.192.0.0/12 172.22.5.31',
      'ip route 10.192.0.0/12 172.22.5.32',
      'ip route 10.192.0.0/12 172.22.5.33',
    ]);
    expect(lines.filter(l => l.startsWith('  network'))).toEqual([
      '  network 10.192.0.0/12',
      '  network 172.22.5.0/24',
    ]);
    expect(lines).toContain(
      'ip prefix-list CLUSTER-SERVICE-CIDR seq 10 permit 10.192.0.0/12',
    );
    expect(lines).toContain(
      'ip prefix-list WORKER-NODES seq 10 permit 172.22.5.0/24',
    );
    const text = lines.join('\n');
    expect(text).toContain(
      'route-map UPSTREAM-OUT permit 30\n match ip address prefix-list CLUSTER-SERVICE-CIDR',
    );
    expect(text).toContain(
      'route-map UPSTREAM-OUT permit 40\n match ip address prefix-list WORKER-NODES',
    );
  });

  it('announces the worker CIDR for Cluster Mesh peers even with an in-cluster control plane', () => {
    const mesh = frrConf(specWith(s => (s.spec.controlPlane.external = false)));
    expect(mesh.filter(l => l.startsWith('  network'))).toEqual([
      '  network 172.22.5.0/24',
    ]);
    expect(mesh).toContain('route-map UPSTREAM-OUT permit 40');
    expect(mesh.join('\n')).not.toMatch(/ip route|CLUSTER-SERVICE-CIDR/);
  });

  it('uses the third cluster’s own CIDRs, workers and ASNs', () => {
    const third = frrConf(thirdClusterSpec());
    expect(third).toContain('router bgp 65020');
    expect(third).toContain(' neighbor CILIUM remote-as 4200000101');
    expect(third.filter(l => l.startsWith('ip route'))).toEqual([
      'ip route 10.96.0.0/12 192.168.10.11',
      'ip route 10.96.0.0/12 192.168.10.12',
    ]);
    expect(third.filter(l => l.startsWith('  network'))).toEqual([
      '  network 10.96.0.0/12',
      '  network 192.168.10.0/25',
    ]);
    expect(third.filter(l => l.startsWith('route-map UPSTREAM-OUT'))).toEqual([
      'route-map UPSTREAM-OUT permit 10',
      'route-map UPSTREAM-OUT permit 20',
      'route-map UPSTREAM-OUT permit 30',
      'route-map UPSTREAM-OUT permit 40',
      'route-map UPSTREAM-OUT deny 100',
    ]);
    expect(third).toContain(
      'ip prefix-list CILIUM-LB-POOLS seq 20 permit 192.168.60.0/28 le 32',
    );
  });

  it('also passes pod CIDRs upstream with native routing', () => {
    const native = frrConf(
      specWith(s => (s.spec.network.routingMode = 'native')),
    );
    expect(native).toContain('route-map UPSTREAM-OUT permit 20');
  });

  it('leaves out the upstream neighbor when the router has none', () => {
    const alone = frrConf(specWith(s => delete s.spec.bgp!.router!.upstream));
    expect(alone.join('\n')).not.toMatch(/UPSTREAM|172\.22\.0\.1/);
  });
});

describe('router/frr.conf of a mesh pair: the routers learn each other’s worker subnets through the upstream', () => {
  const EXAMPLES = path.resolve(__dirname, '../../../../../gitops/examples');
  const confOf = (name: string) =>
    readFileSync(path.join(EXAMPLES, name, 'repo', FRR_CONF_PATH), 'utf8');

  it.each([
    ['democluster1', '172.22.5.0/24'],
    ['democluster2', '172.22.6.0/24'],
  ])(
    '%s announces %s upstream and accepts every upstream route',
    (name, workers) => {
      const conf = confOf(name);
      expect(conf).toContain(`  network ${workers}\n`);
      expect(conf).toContain(
        `ip prefix-list WORKER-NODES seq 10 permit ${workers}\n`,
      );
      expect(conf).toContain(
        'route-map UPSTREAM-OUT permit 40\n match ip address prefix-list WORKER-NODES\nexit\n',
      );
      // UPSTREAM-IN has no match: the peer cluster's worker subnet comes in.
      expect(conf).toContain('route-map UPSTREAM-IN permit 10\nexit\n');
      expect(conf).toContain('neighbor 172.22.0.1 route-map UPSTREAM-IN in');
    },
  );
});
