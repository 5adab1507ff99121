import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import { standInComponents } from '../render/__fixtures__/standInComponents';
import { meshPeerDoc } from '../spec/__fixtures__/meshPeer';
import { validSpecDoc } from '../spec/__fixtures__/validSpec';
import { type CliDeps, EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from './run';

const catalog = loadAddonCatalog();
const EXAMPLES = path.resolve(__dirname, '../../../../gitops/examples');

describe('cilium-gitops validate-mesh <dir>', () => {
  let cwd: string;
  let out: string[];
  let err: string[];
  let deps: CliDeps;

  const run = (...argv: string[]) => runCli(argv, deps);
  const stdout = () => out.join('');
  const stderr = () => err.join('');
  const writeCluster = async (folder: string, doc: unknown) => {
    await fs.mkdir(path.join(cwd, 'mesh', folder), { recursive: true });
    await fs.writeFile(
      path.join(cwd, 'mesh', folder, 'cluster.yaml'),
      stringify(doc),
    );
  };

  beforeEach(async () => {
    cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'cilium-gitops-mesh-'));
    out = [];
    err = [];
    deps = {
      stdout: t => out.push(t),
      stderr: t => err.push(t),
      cwd,
      loadCatalog: () => catalog,
      components: () => standInComponents,
    };
  });
  afterEach(async () => fs.rm(cwd, { recursive: true, force: true }));

  it('passes the example clusters of the repository', async () => {
    deps.cwd = EXAMPLES;
    expect(await run('validate-mesh', '.')).toBe(EXIT_OK);
    expect(stdout()).toBe(
      [
        'democluster1/cluster.yaml: democluster1 (cluster id 1, Cilium 1.20.3) peers with democluster2',
        'democluster2/cluster.yaml: democluster2 (cluster id 2, Cilium 1.20.3) peers with democluster1',
        '.: a consistent Cluster Mesh of 2 clusters',
        '',
      ].join('\n'),
    );
    expect(stderr()).toBe('');
  });

  it('exit 1 with every mesh problem, per file, naming both clusters and the field', async () => {
    const one = validSpecDoc();
    one.spec.clusterMesh.peers.push('democluster9');
    const two = meshPeerDoc();
    two.spec.clusterId = 1;
    two.spec.clusterMesh.caName = 'other-ca';
    await writeCluster('democluster1', one);
    await writeCluster('democluster2', two);
    // A folder without cluster.yaml is not a cluster.
    await fs.mkdir(path.join(cwd, 'mesh', 'notes'));
    expect(await run('validate-mesh', 'mesh')).toBe(EXIT_INVALID);
    expect(stdout()).toBe('');
    expect(stderr()).toBe(
      [
        'mesh/democluster1/cluster.yaml: invalid Cluster Mesh (3 problems):',
        '  spec.clusterId: democluster1 and its peer democluster2 (mesh/democluster2/cluster.yaml) both have cluster id 1; ids must be unique in a mesh',
        '  spec.clusterMesh.caName: democluster1 names mesh CA "demo-mesh-ca" but its peer democluster2 (mesh/democluster2/cluster.yaml) names "other-ca"; every cluster of a mesh shares one CA',
        '  spec.clusterMesh.peers[1]: democluster1 lists democluster9, but no cluster of the mesh is named democluster9',
        '',
      ].join('\n'),
    );
  });

  it('exit 1 when a spec is invalid on its own, naming the file and field', async () => {
    const two = meshPeerDoc();
    two.spec.network.podCIDR = '10.1.0.0/33';
    await writeCluster('democluster1', validSpecDoc());
    await writeCluster('democluster2', two);
    expect(await run('validate-mesh', 'mesh')).toBe(EXIT_INVALID);
    expect(stderr()).toBe(
      [
        'mesh/democluster2/cluster.yaml: invalid cluster spec (1 problem):',
        '  spec.network.podCIDR: 10.1.0.0/33 is not a valid IPv4 CIDR',
        '',
      ].join('\n'),
    );
  });

  it('exit 1 for a missing directory or one without clusters', async () => {
    expect(await run('validate-mesh', 'nowhere')).toBe(EXIT_INVALID);
    expect(stderr()).toMatch(/^nowhere: cannot read: ENOENT/);
    err.length = 0;
    await fs.mkdir(path.join(cwd, 'empty'));
    expect(await run('validate-mesh', 'empty')).toBe(EXIT_INVALID);
    expect(stderr()).toBe('empty: no <name>/cluster.yaml in it\n');
  });

  it('exit 2 without exactly one directory', async () => {
    expect(await run('validate-mesh')).toBe(EXIT_USAGE);
    expect(stderr()).toContain('validate-mesh takes <dir>');
    expect(await run('validate-mesh', 'a', 'b')).toBe(EXIT_USAGE);
  });
});
