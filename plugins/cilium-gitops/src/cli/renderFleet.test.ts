import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import { standInComponents } from '../render/__fixtures__/standInComponents';
import { meshPeerDoc } from '../spec/__fixtures__/meshPeer';
import { PLANTED_SECRETS, validSpecDoc } from '../spec/__fixtures__/validSpec';
import { type CliDeps, EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from './run';

const catalog = loadAddonCatalog();

describe('cilium-gitops render-fleet', () => {
  let cwd: string;
  let out: string[];
  let err: string[];
  let deps: CliDeps;
  const run = (...argv: string[]) => runCli(argv, deps);
  const writeSpec = async (name: string, doc: unknown) => {
    await fs.mkdir(path.join(cwd, 'fleet', name), { recursive: true });
    await fs.writeFile(
      path.join(cwd, 'fleet', name, 'cluster.yaml'),
      stringify(doc),
    );
  };

  beforeEach(async () => {
    cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'cilium-gitops-fleet-cli-'));
    out = [];
    err = [];
    let loads = 0;
    deps = {
      stdout: t => out.push(t),
      stderr: t => err.push(t),
      cwd,
      loadCatalog: () => {
        expect(++loads).toBe(1);
        return catalog;
      },
      components: () => standInComponents,
    };
  });
  afterEach(() => fs.rm(cwd, { recursive: true, force: true }));

  it.each([
    [['render-fleet', '--out', 'o'], 'render-fleet takes <dir>'],
    [['render-fleet', 'fleet'], 'render-fleet needs --out <dir>'],
    [
      ['render-fleet', 'fleet', '--out', 'o', '--concurrency', 'two'],
      '--concurrency takes a positive integer, not "two"',
    ],
    [
      ['render', 'x.yaml', '--out', 'o', '-j', '2'],
      '--concurrency is an option of render-fleet only',
    ],
  ])('usage error %j exits 2', async (argv, message) => {
    expect(await run(...argv)).toBe(EXIT_USAGE);
    expect(err.join('')).toContain(`cilium-gitops: ${message}`);
  });

  it('exit 1 for a folder without <name>/cluster.yaml', async () => {
    await fs.mkdir(path.join(cwd, 'fleet/empty'), { recursive: true });
    expect(await run('render-fleet', 'fleet', '--out', 'o')).toBe(EXIT_INVALID);
    expect(err.join('')).toBe('fleet: no <name>/cluster.yaml in it\n');
    expect(await run('render-fleet', 'nope', '--out', 'o')).toBe(EXIT_INVALID);
    expect(err.join('')).toMatch(/nope: cannot read: ENOENT/);
  });

  it('follows symlinked cluster folders and skips folders without a spec', async () => {
    await fs.mkdir(path.join(cwd, 'elsewhere/one'), { recursive: true });
    await fs.writeFile(
      path.join(cwd, 'elsewhere/one/cluster.yaml'),
      stringify(validSpecDoc()),
    );
    await fs.mkdir(path.join(cwd, 'fleet/nospec'), { recursive: true });
    await fs.symlink(
      path.join(cwd, 'elsewhere/one'),
      path.join(cwd, 'fleet/one'),
    );
    expect(await run('render-fleet', 'fleet', '--out', 'repos')).toBe(EXIT_OK);
    expect(out.join('')).toContain('rendered 1 of 1 clusters into repos');
    expect(await fs.readdir(path.join(cwd, 'repos'))).toEqual(['one']);
  }, 60_000);

  it('renders each <name>/cluster.yaml into <out>/<name>; a bad spec is reported in full and not written', async () => {
    const two = meshPeerDoc();
    const bad = validSpecDoc();
    bad.metadata.name = 'badcluster';
    bad.spec.network.podCIDR = '10.0.0.0/33';
    bad.spec.dns.rfc2136.tsigSecret = PLANTED_SECRETS.tsig;
    await writeSpec('one', validSpecDoc());
    await writeSpec('two', two);
    await writeSpec('bad', bad);
    await fs.writeFile(path.join(cwd, 'fleet/README.md'), 'not a cluster\n');

    expect(
      await run('render-fleet', 'fleet', '--out', 'repos', '-j', '2'),
    ).toBe(EXIT_INVALID);
    expect(err.join('')).toBe(
      [
        `${path.join(
          'fleet',
          'bad',
          'cluster.yaml',
        )}: invalid cluster spec (2 problems):`,
        '  spec.network.podCIDR: 10.0.0.0/33 is not a valid IPv4 CIDR',
        '  spec.dns.rfc2136.tsigSecret: unknown field; the spec never holds secret values, reference a Secret with {name, key} (here: tsigSecretRef)',
        '',
      ].join('\n'),
    );
    expect(out.join('')).toMatch(
      /^rendered \d+ files into repos\/one\nrendered \d+ files into repos\/two\nrendered 2 of 3 clusters into repos \(2 worker threads\)\n$/,
    );
    expect((await fs.readdir(path.join(cwd, 'repos'))).sort()).toEqual([
      'one',
      'two',
    ]);
    const catalogInfo = (name: string) =>
      fs.readFile(path.join(cwd, 'repos', name, 'catalog-info.yaml'), 'utf8');
    expect(await catalogInfo('one')).toContain('name: democluster1');
    expect(await catalogInfo('two')).toContain('name: democluster2');

    // Fixed and re-run: exit 0, the existing repositories are re-rendered in place.
    bad.spec.network.podCIDR = '10.9.0.0/16';
    delete bad.spec.dns.rfc2136.tsigSecret;
    bad.spec.clusterId = 3;
    await writeSpec('bad', bad);
    out.length = 0;
    err.length = 0;
    deps.loadCatalog = () => catalog;
    expect(await run('render-fleet', 'fleet', '--out', 'repos')).toBe(EXIT_OK);
    expect(err.join('')).toBe('');
    expect(out.join('')).toContain('rendered 3 of 3 clusters into repos');
  }, 60_000);
});
