import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { PLANTED_SECRETS, validSpecDoc } from '../spec/__fixtures__/validSpec';

const BIN = path.resolve(__dirname, '../../bin/cilium-gitops');

// Each case spawns the CLI (tsx, worker threads); a shared machine needs
// more than Jest's 5 s default.
jest.setTimeout(120_000);

/** Runs the real command (bin → tsx → main.ts) as a user would, from `cwd`. */
function cli(cwd: string, ...args: string[]) {
  const env = { ...process.env };
  delete env.INIT_CWD;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test spawns the real command (node → tsx → main.ts): seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('cilium-gitops (spawned)', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'cilium-gitops-bin-'));
    // A valid spec whose file holds a secret in a comment (a note a user
    // left): the CLI reads it, and no rendered file may carry it.
    await fs.writeFile(
      path.join(cwd, 'good.yaml'),
      `# TSIG key for ops, do not commit: ${PLANTED_SECRETS.tsig}\n${stringify(
        validSpecDoc(),
      )}`,
    );
    const bad = validSpecDoc();
    bad.spec.network.serviceCIDR = '10.0.0.0/12';
    bad.spec.dns.rfc2136.tsigSecret = PLANTED_SECRETS.tsig;
    await fs.writeFile(path.join(cwd, 'bad.yaml'), stringify(bad));
  });
  afterAll(async () => fs.rm(cwd, { recursive: true, force: true }));

  it('exits 2 on a usage error', () => {
    const { code, stderr } = cli(cwd, 'render', 'good.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('render needs --out <dir>');
  });

  it('exits 1 on an invalid spec, prints every problem, writes nothing, never echoes the pasted secret', async () => {
    const { code, stdout, stderr } = cli(
      cwd,
      'render',
      'bad.yaml',
      '--out',
      'repo',
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      '  spec.network.serviceCIDR: 10.0.0.0/12 overlaps spec.network.podCIDR (10.0.0.0/16)',
    );
    expect(stderr).toContain('  spec.dns.rfc2136.tsigSecret: unknown field;');
    expect(stdout + stderr).not.toContain(PLANTED_SECRETS.tsig);
    expect((await fs.readdir(cwd)).sort()).toEqual(['bad.yaml', 'good.yaml']);
  });

  it('exits 0 and renders relative to the directory it was run from', async () => {
    const { code, stdout } = cli(cwd, 'render', 'good.yaml', '--out', 'repo');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^rendered \d+ files into repo/);
    await expect(
      fs.stat(path.join(cwd, 'repo/bootstrap/root-app.yaml')),
    ).resolves.toBeTruthy();
    const files = await fs.readdir(path.join(cwd, 'repo'), {
      recursive: true,
      withFileTypes: true,
    });
    const texts = await Promise.all(
      files
        .filter(f => f.isFile())
        .map(f => fs.readFile(path.join(f.parentPath, f.name), 'utf8')),
    );
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.join('\n')).toContain('externaldns-tsig');
    expect(texts.join('\n')).not.toContain(PLANTED_SECRETS.tsig);
    expect(cli(cwd, 'diff', 'good.yaml', 'repo').stdout).toMatch(/^no changes/);
  });

  it('render-fleet: workers run the TypeScript sources under tsx; exit 1 when one spec is bad, the others are written', async () => {
    await fs.mkdir(path.join(cwd, 'fleet/good'), { recursive: true });
    await fs.mkdir(path.join(cwd, 'fleet/bad'), { recursive: true });
    await fs.copyFile(
      path.join(cwd, 'good.yaml'),
      path.join(cwd, 'fleet/good/cluster.yaml'),
    );
    await fs.copyFile(
      path.join(cwd, 'bad.yaml'),
      path.join(cwd, 'fleet/bad/cluster.yaml'),
    );
    const { code, stdout, stderr } = cli(
      cwd,
      'render-fleet',
      'fleet',
      '--out',
      'repos',
    );
    expect(stderr).toContain('fleet/bad/cluster.yaml: invalid cluster spec (');
    expect(stderr).not.toContain(PLANTED_SECRETS.tsig);
    expect(stdout).toMatch(/^rendered \d+ files into repos\/good\n/);
    expect(code).toBe(1);
    expect(await fs.readdir(path.join(cwd, 'repos'))).toEqual(['good']);
    expect(cli(cwd, 'diff', 'good.yaml', 'repos/good').stdout).toMatch(
      /^no changes/,
    );
  }, 60_000); // spawns tsx workers: seconds on a loaded machine
});
