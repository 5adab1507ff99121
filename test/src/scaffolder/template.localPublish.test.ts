import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleCilium, {
  localReposUrlReaderFactory,
} from '@internal/plugin-scaffolder-backend-module-cilium';
import request from 'supertest';
import yaml from 'yaml';
import { REPO_ROOT, democluster1Values } from './__testUtils__/dryRunBackend';
import { runTaskToCompletion, waitFor } from './__testUtils__/tasks';

jest.setTimeout(120_000);

/** Every file of a folder (without .git), with its content. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = rel.split(path.sep).join('/');
    if (p === '.git' || p.startsWith('.git/')) continue;
    const abs = path.join(dir, rel);
    if (fs.statSync(abs).isFile()) out[p] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

/**
 * The whole local flow, as in the running app: the real catalog reads the
 * template from templates/, the scaffolder runs it (render → publish:local →
 * catalog:register), the catalog reads catalog-info.yaml back from the new
 * bare repository through the module's URL reader (no HTTP view).
 */
describe('templates/cilium-cluster, run for real with the local publish target', () => {
  const dir = createMockDirectory();
  const baseDir = path.join(dir.path, 'git-repos');
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        scaffolderModuleCilium,
        localReposUrlReaderFactory,
        mockServices.rootConfig.factory({
          data: {
            // Only names the address the URL reader answers: nothing is
            // fetched from it.
            backend: { baseUrl: 'http://localhost:7007' },
            catalog: {
              rules: [{ allow: ['Template', 'Resource', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(
                    REPO_ROOT,
                    'templates/cilium-cluster/template.yaml',
                  ),
                },
              ],
            },
            // As in production: no HTTP view, no backend.reading.allow; the
            // catalog reads the new repository through the URL reader.
            ciliumGitops: { localPublish: { baseDir, serveOverHttp: false } },
          },
        }),
      ],
    }));
  });
  afterAll(() => server?.close());

  it('publishes a clonable repository and registers the cluster entity', async () => {
    await waitFor(async () => {
      const res = await request(server).get(
        '/api/catalog/entities/by-name/template/default/cilium-cluster',
      );
      return res.status === 200 ? true : undefined;
    }, 'the template in the catalog');

    const events = await runTaskToCompletion(
      server,
      'template:default/cilium-cluster',
      democluster1Values,
    );

    // The repository: a bare repo whose clone holds the rendered tree.
    const gitdir = path.join(baseDir, 'democluster1-gitops.git');
    const clone = path.join(dir.path, 'clone');
    execFileSync('git', ['clone', '--quiet', gitdir, clone]);
    const tree = readTree(clone);
    expect(Object.keys(tree)).toEqual(
      expect.arrayContaining([
        'apps/cilium.yaml',
        'values/cilium.yaml',
        'catalog-info.yaml',
        'cluster.yaml',
      ]),
    );
    expect(yaml.parse(tree['cluster.yaml']).metadata.name).toBe('democluster1');

    // The task's links, and the entity the catalog read from the repository.
    const completion = events.find(e => e.type === 'completion')!;
    expect(completion.body.output.links).toEqual([
      expect.objectContaining({
        title: 'Repository',
        url: `file://${gitdir}`,
      }),
      expect.objectContaining({ entityRef: 'resource:default/democluster1' }),
    ]);
    const served = await request(server).get(
      '/api/scaffolder/cilium/local-repos/democluster1-gitops/cluster.yaml',
    );
    expect(served.status).toBe(404);
    const entity = await waitFor(async () => {
      const res = await request(server).get(
        '/api/catalog/entities/by-name/resource/default/democluster1',
      );
      return res.status === 200 ? res.body : undefined;
    }, 'the cluster entity');
    expect(entity.spec).toMatchObject({
      type: 'kubernetes-cluster',
      owner: 'group:default/platform-team',
    });
    expect(
      entity.metadata.annotations['backstage.io/managed-by-location'],
    ).toMatch(
      /^url:http:\/\/localhost:\d+\/api\/scaffolder\/cilium\/local-repos\/democluster1-gitops\/catalog-info\.yaml$/,
    );
  });
});
