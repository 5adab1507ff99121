import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import { standInComponents } from '../render/__fixtures__/standInComponents';
import { BAD_INPUTS } from '../spec/__fixtures__/badInputs';
import { meshPeerDoc } from '../spec/__fixtures__/meshPeer';
import { PLANTED_SECRETS, validSpecDoc } from '../spec/__fixtures__/validSpec';
import { type CliDeps, EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from './run';

const catalog = loadAddonCatalog();

describe('runCli', () => {
  let cwd: string;
  let out: string[];
  let err: string[];
  let deps: CliDeps;

  const run = (...argv: string[]) => runCli(argv, deps);
  const stdout = () => out.join('');
  const stderr = () => err.join('');
  const writeSpec = (doc: unknown, name = 'cluster.yaml') =>
    fs.writeFile(path.join(cwd, name), stringify(doc));

  beforeEach(async () => {
    cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'cilium-gitops-cli-'));
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

  describe('usage errors exit 2 with the usage text', () => {
    it.each([
      [[], 'cilium-gitops: missing command'],
      [['deploy', 'x.yaml'], 'cilium-gitops: unknown command "deploy"'],
      [['render', 'cluster.yaml'], 'cilium-gitops: render needs --out <dir>'],
      [['validate'], 'cilium-gitops: validate takes <spec.yaml>...'],
      [['diff'], 'cilium-gitops: diff takes <spec.yaml> <existing-repo-dir>'],
      [
        ['validate', 'cluster.yaml', '--out', 'x'],
        'cilium-gitops: --out is an option of render and render-fleet only',
      ],
      [
        ['validate', 'cluster.yaml', '--force'],
        "cilium-gitops: Unknown option '--force'",
      ],
    ])('%j', async (argv, message) => {
      expect(await run(...argv)).toBe(EXIT_USAGE);
      expect(stderr()).toContain(message);
      expect(stderr()).toContain('Usage: cilium-gitops <command>');
    });

    it('--help prints usage and exits 0', async () => {
      expect(await run('--help')).toBe(EXIT_OK);
      expect(stdout()).toContain('render <spec.yaml> --out <dir>');
    });
  });

  it('validate: exit 0 and a one-line summary for a valid spec', async () => {
    await writeSpec(validSpecDoc());
    expect(await run('validate', 'cluster.yaml')).toBe(EXIT_OK);
    expect(stdout()).toBe(
      'cluster.yaml: valid ClusterSpec democluster1 (cluster id 1, Cilium 1.20.3)\n',
    );
  });

  it('validate: exit 1 printing every problem with its field path', async () => {
    const doc = validSpecDoc();
    doc.spec.clusterId = 300;
    doc.spec.network.podCIDR = '10.0.0.0/33';
    doc.spec.dns.rfc2136.tsigSecret = PLANTED_SECRETS.tsig;
    await writeSpec(doc);
    expect(await run('validate', 'cluster.yaml')).toBe(EXIT_INVALID);
    expect(stderr()).toBe(
      [
        'cluster.yaml: invalid cluster spec (3 problems):',
        '  spec.clusterId: 300 is not a valid Cilium cluster id (an integer 1..255)',
        '  spec.network.podCIDR: 10.0.0.0/33 is not a valid IPv4 CIDR',
        '  spec.dns.rfc2136.tsigSecret: unknown field; the spec never holds secret values, reference a Secret with {name, key} (here: tsigSecretRef)',
        '',
      ].join('\n'),
    );
  });

  it('validate: several specs are also checked as one Cluster Mesh', async () => {
    const two = meshPeerDoc();
    two.spec.clusterId = 1;
    two.spec.network.podCIDR = '10.0.0.0/16';
    await writeSpec(validSpecDoc(), 'one.yaml');
    await writeSpec(two, 'two.yaml');
    expect(await run('validate', 'one.yaml', 'two.yaml')).toBe(EXIT_INVALID);
    expect(stderr()).toBe(
      [
        'one.yaml: invalid Cluster Mesh (2 problems):',
        '  spec.clusterId: democluster1 and its peer democluster2 (two.yaml) both have cluster id 1; ids must be unique in a mesh',
        "  spec.network.podCIDR: democluster1's pod CIDR 10.0.0.0/16 overlaps the pod CIDR of its peer democluster2 (two.yaml) (10.0.0.0/16); Cluster Mesh needs distinct pod CIDRs",
        '',
      ].join('\n'),
    );
    two.spec.clusterId = 2;
    two.spec.network.podCIDR = '10.1.0.0/16';
    await writeSpec(two, 'two.yaml');
    err.length = 0;
    expect(await run('validate', 'one.yaml', 'two.yaml')).toBe(EXIT_OK);
    expect(stdout()).toContain(
      'two.yaml: valid ClusterSpec democluster2 (cluster id 2, Cilium 1.20.3)',
    );
  });

  it('validate: exit 1 for a spec file that cannot be read', async () => {
    expect(await run('validate', 'missing.yaml')).toBe(EXIT_INVALID);
    expect(stderr()).toMatch(/^missing\.yaml: cannot read: ENOENT/);
  });

  describe.each(BAD_INPUTS.map(b => [b.name, b] as const))(
    'render rejects: %s',
    (_name, bad) => {
      it(`exit 1, prints ${bad.path}, writes nothing`, async () => {
        const doc = validSpecDoc();
        bad.mutate(doc);
        await writeSpec(doc);
        expect(await run('render', 'cluster.yaml', '--out', 'repo')).toBe(
          EXIT_INVALID,
        );
        expect(stderr()).toContain(`  ${bad.path}: ${bad.message}\n`);
        expect(stdout()).toBe('');
        expect(await fs.readdir(cwd)).toEqual(['cluster.yaml']);
        for (const value of Object.values(PLANTED_SECRETS))
          expect(stderr()).not.toContain(value);
      });
    },
  );

  it('render writes the repository; diff then reports no changes, and shows edits', async () => {
    await writeSpec(validSpecDoc());
    expect(await run('render', 'cluster.yaml', '--out', 'repo')).toBe(EXIT_OK);
    expect(stdout()).toMatch(
      /^rendered \d+ files into repo \(root Application: bootstrap\/root-app\.yaml\)\n$/,
    );
    const apps = await fs.readFile(
      path.join(cwd, 'repo/apps/cilium.yaml'),
      'utf8',
    );
    expect(apps).toContain('kind: Application');

    out.length = 0;
    expect(await run('diff', 'cluster.yaml', 'repo')).toBe(EXIT_OK);
    expect(stdout()).toMatch(/^no changes \(\d+ files up to date\)\n$/);

    const doc = validSpecDoc();
    doc.spec.gitops.targetRevision = 'release';
    await writeSpec(doc);
    out.length = 0;
    expect(await run('diff', 'cluster.yaml', 'repo')).toBe(EXIT_OK);
    expect(stdout()).toContain('changed: apps/cilium.yaml');
    expect(stdout()).toContain(
      '-      targetRevision: main\n+      targetRevision: release',
    );
  });

  it('render leaves hand-made files of an existing repository alone', async () => {
    await fs.mkdir(path.join(cwd, 'repo'));
    await writeSpec(validSpecDoc(), 'repo/cluster.yaml');
    expect(await run('render', 'repo/cluster.yaml', '--out', 'repo')).toBe(
      EXIT_OK,
    );
    await fs.writeFile(path.join(cwd, 'repo/NOTES.md'), 'mine\n');
    expect(await run('render', 'repo/cluster.yaml', '--out', 'repo')).toBe(
      EXIT_OK,
    );
    expect(await fs.readFile(path.join(cwd, 'repo/NOTES.md'), 'utf8')).toBe(
      'mine\n',
    );
    expect(
      await fs.readFile(path.join(cwd, 'repo/cluster.yaml'), 'utf8'),
    ).toContain('democluster1');
  });

  it('render refuses a non-empty folder that is not a render of the cluster, and writes nothing', async () => {
    await fs.mkdir(path.join(cwd, 'work/other'), { recursive: true });
    await fs.writeFile(path.join(cwd, 'work/other/notes.md'), 'mine\n');
    await writeSpec(validSpecDoc());
    expect(await run('render', 'cluster.yaml', '--out', 'work')).toBe(
      EXIT_INVALID,
    );
    expect(stderr()).toContain(
      `refusing to render cluster democluster1 into ${path.join(
        cwd,
        'work',
      )}: it is not empty and not a render (found other)`,
    );
    expect(await fs.readdir(path.join(cwd, 'work'))).toEqual(['other']);
  });
});
