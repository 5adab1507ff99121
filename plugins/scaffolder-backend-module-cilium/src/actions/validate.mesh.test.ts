import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createClusterRenderer } from '../lib/clusterRenderer';
import { mockContext } from '../__testUtils__/mockContext';
import { exampleClusterSpec } from './exampleSpec';
import { createValidateAction } from './validate';

const EXAMPLES = path.resolve(__dirname, '../../../../gitops/examples');
const democluster2 = fs.readFileSync(
  path.join(EXAMPLES, 'democluster2', 'cluster.yaml'),
  'utf8',
);

/** The real renderer: the peers' specs are validated like the new one. */
const action = createValidateAction({ renderer: createClusterRenderer() });

describe('cilium:cluster:validate with meshSpecsDir (Cluster Mesh preflight)', () => {
  const workspace = createMockDirectory();
  beforeEach(() =>
    workspace.setContent({ 'mesh/democluster2/cluster.yaml': democluster2 }),
  );

  const run = (spec: Record<string, any>, meshSpecsDir = 'mesh') =>
    action.handler(
      mockContext({
        input: { spec, meshSpecsDir },
        workspacePath: workspace.path,
      }),
    );

  /** democluster1's spec with `edit` applied. */
  const specWith = (edit: (s: any) => void) => {
    const spec = structuredClone(exampleClusterSpec);
    edit(spec);
    return spec;
  };

  it('accepts democluster1 against the committed democluster2', async () => {
    await expect(run(exampleClusterSpec)).resolves.toBeUndefined();
  });

  it('fails naming the field and both clusters on a duplicate id and a CA mismatch', async () => {
    await expect(
      run(
        specWith(s => {
          s.spec.clusterId = 2;
          s.spec.clusterMesh.caName = 'another-ca';
        }),
      ),
    ).rejects.toThrow(
      'invalid cluster spec in its Cluster Mesh (2 problems):\n' +
        '  spec.clusterId: democluster1 and its peer democluster2 (mesh/democluster2/cluster.yaml) both have cluster id 2; ids must be unique in a mesh\n' +
        '  spec.clusterMesh.caName: democluster1 names mesh CA "another-ca" but its peer democluster2 (mesh/democluster2/cluster.yaml) names "demo-mesh-ca"; every cluster of a mesh shares one CA',
    );
  });

  it('reports a problem found on the peer’s side with the peer’s file', async () => {
    // zz-new sorts after democluster2, so the pair's pod CIDR clash is on democluster2's file.
    const spec = specWith(s => {
      s.metadata.name = 'zz-new';
      s.spec.clusterId = 3;
      s.spec.network.podCIDR = '10.1.0.0/16';
      s.spec.clusterMesh.peerIPs = {};
    });
    await expect(run(spec)).rejects.toThrow(
      '  spec.clusterMesh.peers[0]: zz-new lists democluster2, but democluster2 (mesh/democluster2/cluster.yaml) does not list zz-new in its spec.clusterMesh.peers; Cluster Mesh peering is mutual\n' +
        "  mesh/democluster2/cluster.yaml: spec.network.podCIDR: democluster2's pod CIDR 10.1.0.0/16 overlaps the pod CIDR of its peer zz-new (this cluster) (10.1.0.0/16); Cluster Mesh needs distinct pod CIDRs",
    );
  });

  it('names a peer whose spec there is invalid', async () => {
    workspace.setContent({
      'mesh/democluster2/cluster.yaml': democluster2.replace(
        'clusterId: 2',
        'clusterId: 900',
      ),
    });
    await expect(run(exampleClusterSpec)).rejects.toThrow(
      'spec.clusterMesh.peers[0]: the spec of peer democluster2 (mesh/democluster2/cluster.yaml) is invalid: spec.clusterId: 900 is not a valid Cilium cluster id (an integer 1..255)',
    );
  });

  it('checks nothing for peers whose spec is not there, and refuses a folder outside the workspace', async () => {
    await expect(
      run(specWith(s => (s.spec.clusterMesh.peers = ['democluster5']))),
    ).rejects.toThrow(/peerIPs/); // the spec's own rule: peerIPs names a non-peer
    await expect(
      run(
        specWith(s => {
          s.spec.clusterMesh.peers = ['democluster5'];
          s.spec.clusterMesh.peerIPs = {};
        }),
      ),
    ).resolves.toBeUndefined();
    await expect(run(exampleClusterSpec, '../outside')).rejects.toThrow(
      /outside/,
    );
  });
});
