import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import {
  coreapiIngress,
  crawlerEgress,
} from '../change/__fixtures__/tenantJobsPolicies';
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

describe('cilium-gitops change --policies', () => {
  let tmp: string;
  let repo: string;
  let out: string[];
  let err: string[];
  let deps: CliDeps;
  const run = (...argv: string[]) => runCli(['change', repo, ...argv], deps);

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cilium-policies-'));
    const spec = parseClusterSpecYaml(await fs.readFile(EXAMPLE, 'utf8'), {
      ciliumVersions: catalog.ciliumVersions,
    });
    await writeRenderedRepo(
      renderClusterRepo(spec, catalog),
      path.join(tmp, 'rendered'),
    );
    await fs.writeFile(
      path.join(tmp, 'two.yaml'),
      [coreapiIngress, crawlerEgress].map(p => stringify(p)).join('---\n'),
    );
    await fs.writeFile(
      path.join(tmp, 'list.json'),
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [coreapiIngress],
      }),
    );
    await fs.writeFile(
      path.join(tmp, 'bad.json'),
      JSON.stringify([
        { ...coreapiIngress, metadata: { name: 'x', namespace: 'echo' } },
      ]),
    );
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));
  beforeEach(async () => {
    repo = await fs.mkdtemp(path.join(tmp, 'repo-'));
    await fs.cp(path.join(tmp, 'rendered'), repo, { recursive: true });
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

  it('writes the policies of a YAML file and their Application, prints the diff; the same file again writes nothing', async () => {
    const before = await readRepoDir(repo);
    expect(
      await run('--policies', 'two.yaml', '--namespace', 'tenant-jobs'),
    ).toBe(EXIT_OK);
    expect(out.join('')).toContain(
      'diff --git a/manifests/policies/tenant-jobs/coreapi-ingress.yaml b/manifests/policies/tenant-jobs/coreapi-ingress.yaml',
    );
    expect(out.join('')).toMatch(/3 files changed, \d+ insertions\(\+\)\n/);
    const after = await readRepoDir(repo);
    const touched = [...after.keys()].filter(
      p => after.get(p) !== before.get(p),
    );
    expect(touched).toEqual([
      'apps/policies-tenant-jobs.yaml',
      'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
      'manifests/policies/tenant-jobs/crawler-egress.yaml',
    ]);
    expect(
      parse(after.get('manifests/policies/tenant-jobs/crawler-egress.yaml')!),
    ).toEqual(crawlerEgress);

    out = [];
    expect(
      await run('--policies', 'two.yaml', '--namespace', 'tenant-jobs'),
    ).toBe(EXIT_OK);
    expect(out.join('')).toMatch(/^no changes: .*nothing written\n$/);
    expect(await readRepoDir(repo)).toEqual(after);

    // A kubectl-style List with one policy: the other one goes.
    out = [];
    expect(
      await run('--policies', 'list.json', '--namespace', 'tenant-jobs'),
    ).toBe(EXIT_OK);
    const last = await readRepoDir(repo);
    expect(
      [...last.keys()].filter(p => p.startsWith('manifests/policies/')),
    ).toEqual(['manifests/policies/tenant-jobs/coreapi-ingress.yaml']);
    expect(last.get('apps/policies-tenant-jobs.yaml')).toBe(
      after.get('apps/policies-tenant-jobs.yaml'),
    );
  });

  it('a later change re-renders the folder and keeps the policies and their Application', async () => {
    expect(
      await run('--policies', 'two.yaml', '--namespace', 'tenant-jobs'),
    ).toBe(EXIT_OK);
    const withPolicies = await readRepoDir(repo);
    expect(await run('--split', 'echo/echo=echo-1:50,echo-2:50')).toBe(EXIT_OK);
    const after = await readRepoDir(repo);
    for (const p of [
      'apps/policies-tenant-jobs.yaml',
      'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
      'manifests/policies/tenant-jobs/crawler-egress.yaml',
    ])
      expect(after.get(p)).toBe(withPolicies.get(p));
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const before = await readRepoDir(repo);
    expect(
      await run(
        '--policies',
        'two.yaml',
        '--namespace',
        'tenant-jobs',
        '--dry-run',
      ),
    ).toBe(EXIT_OK);
    expect(out.join('')).toContain('dry run: nothing written');
    expect(await readRepoDir(repo)).toEqual(before);
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const before = await readRepoDir(repo);
    expect(
      await run('--policies', 'bad.json', '--namespace', 'tenant-jobs'),
    ).toBe(EXIT_INVALID);
    expect(err.join('')).toContain(
      'policies[0].metadata.namespace: is "echo", but the proposal is for namespace "tenant-jobs"',
    );
    expect(
      await run('--policies', 'missing.yaml', '--namespace', 'tenant-jobs'),
    ).toBe(EXIT_INVALID);
    expect(err.join('')).toContain('--policies missing.yaml: cannot read');
    expect(await run('--policies', 'two.yaml')).toBe(EXIT_USAGE);
    expect(err.join('')).toContain(
      '--policies <file.yaml|json> needs --namespace <namespace>',
    );
    expect(
      await run('--split', 'echo/echo=echo-1:1', '--namespace', 'echo'),
    ).toBe(EXIT_USAGE);
    expect(await readRepoDir(repo)).toEqual(before);
  });
});
