import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import { readRepoDir } from '../change/repoDir';
import { defaultComponents, renderClusterRepo } from '../render';
import { writeRenderedRepo } from '../render/write';
import { parseClusterSpecYaml } from '../spec/parse';
import { type CliDeps, EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from './run';

const catalog = loadAddonCatalog();
const EXAMPLE = path.resolve(
  __dirname,
  '../../../../gitops/examples/democluster1/cluster.yaml',
);

/** democluster1 (echo, bookinfo and jobs-app on), optionally edited, rendered into `dir`. */
async function renderExample(dir: string, edit: (doc: any) => void = () => {}) {
  const doc = parse(await fs.readFile(EXAMPLE, 'utf8'));
  edit(doc);
  const spec = parseClusterSpecYaml(JSON.stringify(doc), {
    ciliumVersions: catalog.ciliumVersions,
  });
  await writeRenderedRepo(renderClusterRepo(spec, catalog), dir);
}

describe('cilium-gitops change', () => {
  let tmp: string;
  let repo: string;
  let out: string[];
  let err: string[];
  let deps: CliDeps;
  const run = (...argv: string[]) => runCli(['change', repo, ...argv], deps);
  const stdout = () => out.join('');
  const stderr = () => err.join('');

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cilium-change-'));
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));
  beforeEach(async () => {
    repo = await fs.mkdtemp(path.join(tmp, 'repo-'));
    await fs.rm(repo, { recursive: true });
    await renderExample(repo);
    out = [];
    err = [];
    deps = {
      stdout: t => out.push(t),
      stderr: t => err.push(t),
      cwd: tmp,
      loadCatalog: () => catalog,
      components: () => defaultComponents,
    };
  });

  it('shifts the echo route to 50/50: prints the diff and the summary, writes cluster.yaml and the route only', async () => {
    const before = await readRepoDir(repo);
    expect(await run('--split', 'echo/echo=echo-1:50,echo-2:50')).toBe(EXIT_OK);
    expect(stdout()).toContain(
      'diff --git a/manifests/echo/httproute-echo.yaml b/manifests/echo/httproute-echo.yaml',
    );
    expect(stdout()).toContain(
      '-          weight: 100\n+          weight: 50\n',
    );
    expect(stdout()).toContain(
      '2 files changed, 8 insertions(+), 2 deletions(-)\n',
    );
    const after = await readRepoDir(repo);
    const touched = [...after.keys()].filter(
      p => after.get(p) !== before.get(p),
    );
    expect(touched).toEqual([
      'cluster.yaml',
      'manifests/echo/httproute-echo.yaml',
    ]);
    expect(parse(after.get('cluster.yaml')!).spec.traffic.splits).toEqual([
      { route: 'echo/echo', backends: { 'echo-1': 50, 'echo-2': 50 } },
    ]);
    // The repository is now what `diff` against its own cluster.yaml expects.
    out = [];
    expect(await runCli(['diff', repo], deps)).toBe(EXIT_OK);
    expect(stdout()).toMatch(/^no changes \(\d+ files up to date\)/);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const before = await readRepoDir(repo);
    expect(
      await run('--split', 'echo/echo=echo-1:0,echo-2:100', '--dry-run'),
    ).toBe(EXIT_OK);
    expect(stdout()).toContain('+          weight: 100\n');
    expect(stdout()).toContain('dry run: nothing written');
    expect(await readRepoDir(repo)).toEqual(before);
  });

  it('says so and writes nothing when the change renders the same bytes', async () => {
    await run('--split', 'echo/echo=echo-1:50,echo-2:50');
    const before = await readRepoDir(repo);
    out = [];
    expect(await run('--split', 'echo/echo=echo-1:50,echo-2:50')).toBe(EXIT_OK);
    expect(stdout()).toMatch(/^no changes: .* nothing written\n$/);
    expect(await readRepoDir(repo)).toEqual(before);
  });

  it('turns a demo app off: its manifests and Application go, hand-made files stay', async () => {
    await fs.writeFile(path.join(repo, 'NOTES.md'), 'mine\n');
    expect(await run('--disable', 'jobsApp')).toBe(EXIT_OK);
    expect(stdout()).toContain(
      'deleted file mode 100644\n--- a/apps/jobs-app.yaml\n+++ /dev/null',
    );
    const after = await readRepoDir(repo);
    expect([...after.keys()].some(p => p.includes('jobs-app'))).toBe(false);
    expect(after.get('NOTES.md')).toBe('mine\n');
    // The render manifest changes with the tree.
    const manifest = await fs.readFile(
      path.join(repo, '.cilium-gitops/manifest.json'),
      'utf8',
    );
    expect(manifest).not.toContain('jobs-app');
  });

  it('bumps Cilium one minor; the Application follows the catalog pin', async () => {
    await fs.rm(repo, { recursive: true });
    await renderExample(repo, doc => {
      doc.spec.cilium = { version: '1.19.8' };
    });
    expect(await run('--cilium-version', '1.20.3')).toBe(EXIT_OK);
    const app = (await readRepoDir(repo)).get('apps/cilium.yaml')!;
    expect(app).toContain('targetRevision: 1.20.3');
  });

  it('adds an LB pool, a BGP peer and removes the mesh peer', async () => {
    expect(await run('--add-lb-pool', 'extra=10.245.13.0/24')).toBe(EXIT_OK);
    expect(await run('--add-bgp-peer', 'upstream2=172.22.5.2:64514')).toBe(
      EXIT_OK,
    );
    expect(await run('--remove-mesh-peer', 'democluster2')).toBe(EXIT_OK);
    const spec = parse((await readRepoDir(repo)).get('cluster.yaml')!).spec;
    expect(spec.network.loadBalancerPools.map((p: any) => p.name)).toEqual([
      'default',
      'extra',
    ]);
    expect(spec.bgp.peers.map((p: any) => p.name)).toEqual([
      'upstream',
      'upstream2',
    ]);
    expect(spec.clusterMesh.peers).toEqual([]);
  });

  it('validate checks splits against the rendered routes, as creation does', async () => {
    const doc = parse(await fs.readFile(EXAMPLE, 'utf8'));
    doc.spec.traffic = {
      splits: [{ route: 'echo/echo', backends: { 'echo-9': 1 } }],
    };
    await fs.writeFile(path.join(tmp, 'split.yaml'), JSON.stringify(doc));
    expect(await runCli(['validate', 'split.yaml'], deps)).toBe(EXIT_INVALID);
    expect(stderr()).toContain(
      'spec.traffic.splits[0].backends.echo-9: is not a backend of HTTPRoute echo/echo',
    );
  });

  describe('bad changes: exit 1, an error naming the field, nothing written', () => {
    it.each<[string, string[], string | RegExp]>([
      [
        'unknown route',
        ['--split', 'echo/nope=echo-1:1'],
        'spec.traffic.splits[0].route: echo/nope is not an HTTPRoute of this cluster (rendered HTTPRoutes: bookinfo/bookinfo-details, bookinfo/bookinfo-productpage, echo/echo',
      ],
      [
        'route in another namespace',
        ['--split', 'tenant-jobs/echo=echo-1:1'],
        'spec.traffic.splits[0].route: tenant-jobs/echo is not an HTTPRoute',
      ],
      [
        'route without namespace',
        ['--split', 'echo=echo-1:1'],
        'spec.traffic.splits[0].route: "echo" is not an HTTPRoute reference <namespace>/<name>',
      ],
      [
        'unknown backend',
        ['--split', 'echo/echo=echo-1:50,echo-3:50'],
        'spec.traffic.splits[0].backends.echo-3: is not a backend of HTTPRoute echo/echo (its backends: echo-1, echo-2)',
      ],
      [
        'backend of another route',
        ['--split', 'echo/echo=details:1'],
        'spec.traffic.splits[0].backends.details: is not a backend of HTTPRoute echo/echo',
      ],
      [
        'weight above 1,000,000',
        ['--split', 'echo/echo=echo-1:1000001'],
        'spec.traffic.splits[0].backends.echo-1: 1000001 is not a Gateway API backend weight (an integer 0..1000000)',
      ],
      [
        'negative weight',
        ['--split', 'echo/echo=echo-1:-1,echo-2:5'],
        'spec.traffic.splits[0].backends.echo-1: -1 is not a Gateway API backend weight',
      ],
      [
        'all weights zero',
        ['--split', 'echo/echo=echo-1:0,echo-2:0'],
        'spec.traffic.splits[0].backends: weights are all 0',
      ],
      [
        'backend name not a Service name',
        ['--split', 'echo/echo=Echo_1:5'],
        /spec\.traffic\.splits\[0\]\.backends\.Echo_1: .*is not a DNS-1123 label/,
      ],
      [
        'unknown add-on',
        ['--enable', 'istio'],
        'spec.addons.istio: unknown add-on or demo app (add-ons: certManager, externalDNS, observability, openebs; demo apps: bookinfo, echo, jobsApp)',
      ],
      [
        'add-on another one needs',
        ['--disable', 'certManager'],
        'spec.addons.certManager: is off, but spec.addons.observability needs it',
      ],
      [
        'storage the observability stack needs',
        ['--disable', 'openebs'],
        'spec.addons.openebs: is off, but spec.addons.observability needs it',
      ],
      [
        'unsupported Cilium minor',
        ['--cilium-version', '1.21.0'],
        'spec.cilium.version: "1.21.0" is not a supported Cilium minor (supported: 1.18, 1.19, 1.20)',
      ],
      [
        'Cilium downgrade',
        ['--cilium-version', '1.19.8'],
        'spec.cilium.version: "1.19.8" is older than the running 1.20.3',
      ],
      [
        'unpinned Cilium patch',
        ['--cilium-version', '1.20.99'],
        'spec.cilium.version: "1.20.99" is not a pinned patch of 1.20',
      ],
      [
        'Cilium version that is no version',
        ['--cilium-version', 'latest'],
        'spec.cilium.version: "latest" is not a supported Cilium minor',
      ],
      [
        'mesh peer that is the cluster itself',
        ['--add-mesh-peer', 'democluster1'],
        /spec\.clusterMesh\.peers\[1\]: .*democluster1/,
      ],
      [
        'mesh peer already there',
        ['--add-mesh-peer', 'democluster2'],
        'spec.clusterMesh.peers: democluster2 is already a peer of democluster1',
      ],
      [
        'removing a mesh peer that is not there',
        ['--remove-mesh-peer', 'democluster9'],
        'spec.clusterMesh.peers: democluster9 is not a peer of democluster1 (peers: democluster2)',
      ],
      [
        'mesh peer name Cilium refuses',
        ['--add-mesh-peer', 'Bad_Name'],
        /spec\.clusterMesh\.peers\[1\]: "Bad_Name" is not a DNS-1123 label/,
      ],
      [
        'LB pool overlapping the existing one',
        ['--add-lb-pool', 'x=10.245.12.128/25'],
        'spec.network.loadBalancerPools[1].cidr: 10.245.12.128/25 overlaps spec.network.loadBalancerPools[0].cidr',
      ],
      [
        'LB pool with a bad CIDR',
        ['--add-lb-pool', 'x=10.245.13.0/33'],
        /spec\.network\.loadBalancerPools\[1\]\.cidr: .*10\.245\.13\.0\/33/,
      ],
      [
        'LB pool with a taken name',
        ['--add-lb-pool', 'default=10.245.13.0/24'],
        /spec\.network\.loadBalancerPools\[1\]\.name: .*default/,
      ],
      [
        'LB pool inside the pod CIDR',
        ['--add-lb-pool', 'x=10.0.5.0/24'],
        /spec\.network\.loadBalancerPools\[1\]\.cidr: 10\.0\.5\.0\/24 overlaps spec\.network\.podCIDR/,
      ],
      [
        'BGP peer with a bad address',
        ['--add-bgp-peer', 'up2=172.22.5.300:64514'],
        'spec.bgp.peers[1].address: "172.22.5.300" is not a valid IPv4 address',
      ],
      [
        'BGP peer with ASN 0',
        ['--add-bgp-peer', 'up2=172.22.5.2:0'],
        'spec.bgp.peers[1].asn: 0 is not a valid ASN',
      ],
      [
        'BGP peer with a taken name',
        ['--add-bgp-peer', 'upstream=172.22.5.2:64514'],
        /spec\.bgp\.peers\[1\]\.name: .*upstream/,
      ],
    ])('%s', async (_name, argv, message) => {
      const before = await readRepoDir(repo);
      expect(await run(...argv)).toBe(EXIT_INVALID);
      expect(stderr()).toMatch(message); // a string matches as a substring
      expect(stderr()).toMatch(/^.*: change refused \(\d+ problems?\):\n/);
      expect(stdout()).toBe('');
      expect(await readRepoDir(repo)).toEqual(before);
    });

    it('a repository without cluster.yaml', async () => {
      await fs.rm(path.join(repo, 'cluster.yaml'));
      const before = await readRepoDir(repo);
      expect(await run('--split', 'echo/echo=echo-1:1')).toBe(EXIT_INVALID);
      expect(stderr()).toContain(
        'cluster.yaml: the repository has no cluster.yaml at its root, so there is no spec to change',
      );
      expect(await readRepoDir(repo)).toEqual(before);
    });

    it('a Cilium minor skipped', async () => {
      await fs.rm(repo, { recursive: true });
      await renderExample(repo, doc => {
        doc.spec.cilium = { version: '1.18.11' };
      });
      const before = await readRepoDir(repo);
      expect(await run('--cilium-version', '1.20.3')).toBe(EXIT_INVALID);
      expect(stderr()).toContain(
        'spec.cilium.version: 1.18.11 → 1.20.3 skips a minor; Cilium upgrades one minor at a time',
      );
      expect(await readRepoDir(repo)).toEqual(before);
    });

    it.each([
      [
        ['--split', 'echo/echo'],
        '--split takes <namespace>/<name>=<backend>:<weight>',
      ],
      [
        ['--split', 'echo/echo=echo-1:half'],
        '--split: weight of echo-1 must be an integer, got "half"',
      ],
      [
        ['--enable', 'echo', '--disable', 'bookinfo'],
        'change takes exactly one of',
      ],
      [[], 'change takes exactly one of'],
    ])('usage error %j exits 2', async (argv, message) => {
      expect(await run(...argv)).toBe(EXIT_USAGE);
      expect(stderr()).toContain(message);
    });
  });
});
