import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { parse } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import { parseClusterSpecYaml } from '../spec/parse';
import { schemaErrors } from './components/testValidate';
import { diffRenderedRepo, formatRepoDiff, isEmptyDiff } from './diff';
import { renderClusterRepo } from './index';

const EXAMPLES = path.resolve(__dirname, '../../../../gitops/examples');
const catalog = loadAddonCatalog();

describe.each(['democluster1', 'democluster2'])('gitops/examples/%s', name => {
  const dir = path.join(EXAMPLES, name);
  const spec = parseClusterSpecYaml(
    readFileSync(path.join(dir, 'cluster.yaml'), 'utf8'),
    {
      ciliumVersions: catalog.ciliumVersions,
    },
  );
  const repo = renderClusterRepo(spec, catalog);

  it('repo/ is what the renderer makes of cluster.yaml', async () => {
    const diff = await diffRenderedRepo(repo, path.join(dir, 'repo'));
    const regenerate = `gitops/examples/${name}/repo is out of date. Regenerate it with
  yarn cilium-gitops render gitops/examples/${name}/cluster.yaml --out gitops/examples/${name}/repo

`;
    // empty when up to date; otherwise how to fix it and the diff
    expect(
      isEmptyDiff(diff) ? '' : `${regenerate}${formatRepoDiff(diff)}`,
    ).toBe('');
  });

  it('renders the same bytes twice', () => {
    expect(JSON.stringify(renderClusterRepo(spec, catalog))).toBe(
      JSON.stringify(repo),
    );
  });

  it('every Application validates against the Argo CD schema', () => {
    const apps = repo.files.filter(
      f =>
        (f.path.startsWith('apps/') &&
          !f.path.startsWith('apps/appproject-')) ||
        f.path === repo.rootApplicationPath,
    );
    expect(apps.length).toBeGreaterThan(10);
    for (const file of apps) {
      expect(() =>
        new Application(parse(file.content)).validate(),
      ).not.toThrow();
    }
  });

  it('every manifest validates against its upstream schema', () => {
    const manifests = repo.files.filter(
      f =>
        f.path.startsWith('manifests/') &&
        !f.path.endsWith('/kustomization.yaml'),
    );
    expect(manifests.length).toBeGreaterThan(10);
    const problems = manifests.flatMap(f =>
      schemaErrors(parse(f.content)).map(e => `${f.path}: ${e}`),
    );
    expect(problems).toEqual([]);
  });

  it('every values file is read by its Application, and every value file an Application reads exists', () => {
    const paths = new Set(repo.files.map(f => f.path));
    const valueFiles = repo.files
      .filter(f => f.path.startsWith('values/'))
      .map(f => f.path);
    const read = repo.files
      .filter(
        f =>
          f.path.startsWith('apps/') && !f.path.startsWith('apps/appproject-'),
      )
      .flatMap(f => {
        const app = parse(f.content);
        const sources = app.spec.sources ?? [app.spec.source];
        return sources.flatMap((s: any) => s.helm?.valueFiles ?? []);
      })
      .map((v: string) => v.replace('$values/', ''));
    expect([...read].sort()).toEqual(valueFiles);
    for (const v of read) expect(paths.has(v)).toBe(true);
  });

  it('bootstrap/install.sh is valid bash', () => {
    const script = repo.files.find(
      f => f.path === 'bootstrap/install.sh',
    )!.content;
    const result = spawnSync('bash', ['-n'], {
      input: script,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('renders router/frr.conf and every Secret of the spec into the README, no values', () => {
    const paths = repo.files.map(f => f.path);
    expect(paths).toContain('router/frr.conf');
    const readme = repo.files.find(f => f.path === 'README.md')!.content;
    expect(readme).toMatch(
      /create secret generic externaldns-tsig \\\n {2}--from-literal=tsig-secret='<tsig-secret>'/,
    );
    expect(readme).toContain(
      "create secret generic grafana-admin \\\n  --from-literal=admin-user='<admin-user>' \\\n  --from-literal=password='<password>'\n",
    );
    expect(readme).toContain("--from-file=ca.crt='<path to ca.crt>'");
  });
});
