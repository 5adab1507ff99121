import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import request from 'supertest';
import yaml from 'yaml';
import {
  DryRunResponse,
  democluster1Values,
  dryRunInputOf,
  fileOf,
  loadClusterTemplate,
  startDryRunBackend,
  stepStatuses,
} from './__testUtils__/dryRunBackend';

jest.setTimeout(60_000);

describe('templates/cilium-cluster with the GitHub publish target (dry run)', () => {
  const dir = createMockDirectory();
  let res: DryRunResponse;

  beforeAll(async () => {
    const { server } = await startDryRunBackend({
      localReposDir: path.join(dir.path, 'git-repos'),
      extraFeatures: [githubModule],
    });
    const { gitopsRepoURL, ...values } = democluster1Values;
    const response = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template: loadClusterTemplate(),
        values: {
          ...values,
          publishTarget: 'github',
          repoUrl: 'github.com?owner=example&repo=democluster1-gitops',
        },
        directoryContents: [],
      });
    server.close();
    if (response.status !== 200) {
      throw new Error(
        `dry run: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    res = response.body;
  });

  it('renders, then takes the GitHub steps instead of the local ones', () => {
    expect(stepStatuses(res)).toEqual({
      validate: 'completed',
      render: 'completed',
      'publish-local': 'skipped',
      'publish-github': 'skipped', // publish:github has no dry run
      'register-local': 'skipped',
      'register-github': 'skipped', // catalog:register has no dry run
    });
    expect(dryRunInputOf(res, 'publish-github')).toMatchObject({
      repoUrl: 'github.com?owner=example&repo=democluster1-gitops',
      defaultBranch: 'main',
      repoVisibility: 'private',
    });
    expect(dryRunInputOf(res, 'register-github')).toMatchObject({
      catalogInfoPath: '/catalog-info.yaml',
    });
  });

  it('points Argo CD at the GitHub repository', () => {
    const spec = yaml.parse(fileOf(res, 'cluster.yaml')!);
    expect(spec.spec.gitops.repoURL).toBe(
      'https://github.com/example/democluster1-gitops.git',
    );
    const entity = yaml.parse(fileOf(res, 'catalog-info.yaml')!);
    expect(entity.metadata.annotations['backstage.io/source-location']).toBe(
      'url:https://github.com/example/democluster1-gitops/tree/main/',
    );
  });
});
