import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ADDONS_DIR_ENV } from './loadAddonCatalog';

// The package as `npm pack` ships it: the add-on catalog inside, found from
// the package root, so the packed CLI renders with no repository around it.
const PACKAGE_DIR = path.resolve(__dirname, '../..');
const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');
const EXAMPLE = path.join(REPO_ROOT, 'gitops/examples/democluster1');

function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(e =>
      e.isDirectory()
        ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`)
        : [`${prefix}${e.name}`],
    );
}

describe('npm pack of @internal/cilium-gitops', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-gitops-pack-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('ships the add-on catalog, and its CLI renders the example from it', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
        cwd: PACKAGE_DIR,
        encoding: 'utf8',
      }),
    );
    const packed: string[] = pack.files.map((f: { path: string }) => f.path);
    const catalog = filesUnder(path.join(PACKAGE_DIR, 'addons')).map(
      f => `addons/${f}`,
    );
    expect(catalog).toContain('addons/cilium-versions.yaml');
    expect(packed).toEqual(expect.arrayContaining(catalog));
    expect(packed).toContain('bin/cilium-gitops');

    // installed as a dependency: <tmp>/node_modules/@internal/cilium-gitops
    const installed = path.join(tmp, 'node_modules/@internal/cilium-gitops');
    fs.mkdirSync(installed, { recursive: true });
    execFileSync('tar', [
      '-xzf',
      path.join(tmp, pack.filename),
      '-C',
      installed,
      '--strip-components=1',
    ]);
    const out = path.join(tmp, 'out');
    // the package's own dependencies (yaml, zod, tsx, ...) from the
    // workspace install; the catalog only from the unpacked package
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
    };
    delete env[ADDONS_DIR_ENV];
    const result = spawnSync(
      process.execPath,
      [
        path.join(installed, 'bin/cilium-gitops'),
        'render',
        path.join(EXAMPLE, 'cluster.yaml'),
        '--out',
        out,
      ],
      {
        cwd: tmp,
        encoding: 'utf8',
        env,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rendered = filesUnder(out).sort();
    expect(rendered).toEqual(filesUnder(path.join(EXAMPLE, 'repo')).sort());
    for (const file of rendered) {
      expect(fs.readFileSync(path.join(out, file), 'utf8')).toBe(
        fs.readFileSync(path.join(EXAMPLE, 'repo', file), 'utf8'),
      );
    }

    // and it was that copy: without it, the same command fails naming it
    fs.rmSync(path.join(installed, 'addons'), { recursive: true });
    const again = spawnSync(
      process.execPath,
      [
        path.join(installed, 'bin/cilium-gitops'),
        'render',
        path.join(EXAMPLE, 'cluster.yaml'),
        '--out',
        path.join(tmp, 'out2'),
      ],
      { cwd: tmp, encoding: 'utf8', env },
    );
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain(path.join(installed, 'addons'));
  }, 180_000);
});
