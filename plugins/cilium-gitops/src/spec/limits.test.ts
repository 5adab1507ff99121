import { exampleClusterSpecDocument } from './example';
import { validateClusterSpec } from './parse';

function issuesOf(doc: unknown) {
  const result = validateClusterSpec(doc);
  return result.ok ? [] : result.issues.map(i => `${i.path}: ${i.message}`);
}

describe('spec size caps', () => {
  it('refuses 20,000 LB pools with one error naming the field and the cap', () => {
    const doc = exampleClusterSpecDocument();
    doc.spec.network.loadBalancerPools = Array.from(
      { length: 20_000 },
      (_, i) => ({
        name: `pool-${i}`,
        cidr: `10.${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32`,
      }),
    );
    expect(issuesOf(doc)).toEqual([
      'spec.network.loadBalancerPools: at most 64 pools (got 20000)',
    ]);
  });

  it('accepts a spec right at the caps', () => {
    const doc = exampleClusterSpecDocument();
    const pools = doc.spec.network.loadBalancerPools; // holds the mesh apiserverIP
    for (let i = 1; i < 64; i++) {
      pools.push({ name: `pool-${i}`, cidr: `10.246.${i}.0/24` });
    }
    expect(issuesOf(doc)).toEqual([]);
  });

  it('names every exceeded cap: peers, worker nodes, mesh peers, splits, backends', () => {
    const doc = exampleClusterSpecDocument();
    doc.spec.bgp.peers = Array.from({ length: 65 }, (_, i) => ({
      name: `p${i}`,
      address: '172.22.5.1',
      asn: 64513,
    }));
    doc.spec.bgp.router.workerNodes = Array.from(
      { length: 5001 },
      () => '172.22.5.31',
    );
    doc.spec.clusterMesh.peers = Array.from({ length: 255 }, (_, i) => `c${i}`);
    doc.spec.traffic = {
      splits: [
        {
          route: 'echo/echo',
          backends: Object.fromEntries(
            Array.from({ length: 17 }, (_, i) => [`b${i}`, 1]),
          ),
        },
      ],
    };
    expect(issuesOf(doc)).toEqual([
      'spec.bgp.peers: at most 64 BGP peers (got 65)',
      'spec.bgp.router.workerNodes: at most 5000 worker nodes (got 5001)',
      'spec.clusterMesh.peers: at most 254 mesh peers (got 255)',
      'spec.traffic.splits[0].backends: at most 16 backends (got 17)',
    ]);
  });

  it('caps string length without echoing the value (it may be a secret)', () => {
    const doc = exampleClusterSpecDocument();
    const long = `s3cr3t${'x'.repeat(5000)}`;
    doc.metadata.description = long;
    doc.spec.unknownField = { [long]: 1 };
    const issues = issuesOf(doc);
    expect(issues).toEqual([
      'metadata.description: at most 2048 characters (got 5006)',
      'spec.unknownField: has a key longer than 2048 characters',
    ]);
    expect(issues.join('\n')).not.toContain('s3cr3t');
  });

  it('caps lists and maps the spec does not name, and nesting depth', () => {
    const doc = exampleClusterSpecDocument();
    doc.spec.extra = Array.from({ length: 100 }, () => 1);
    let deep: any = 1;
    for (let i = 0; i < 50; i++) deep = [deep];
    doc.spec.deep = deep;
    expect(issuesOf(doc)).toEqual([
      'spec.extra: at most 64 items (got 100)',
      'spec.deep[0][0][0][0][0][0][0][0][0][0]: nested deeper than 12 levels',
    ]);
  });
});
