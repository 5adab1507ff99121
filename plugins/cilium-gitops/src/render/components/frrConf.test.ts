import { FRR_CONF_PATH } from './frrConf';
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

  it('accepts LB pools and pod CIDRs from the cluster and passes only LB pools upstream in tunnel mode', () => {
    expect(lines).toContain(
      'ip prefix-list CILIUM-LB-POOLS seq 10 permit 10.245.12.0/24 le 32',
    );
    expect(lines).toContain(
      'ip prefix-list CILIUM-POD-CIDRS seq 10 permit 10.0.0.0/16 le 32',
    );
    expect(lines).toContain('  neighbor CILIUM route-map CILIUM-IN in');
    expect(lines).toContain('  neighbor 172.22.0.1 route-map UPSTREAM-OUT out');
    const upstreamOut = lines.filter(l =>
      l.startsWith('route-map UPSTREAM-OUT'),
    );
    expect(upstreamOut).toEqual([
      'route-map UPSTREAM-OUT permit 10',
      'route-map UPSTREAM-OUT deny 100',
    ]);
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
