import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import request from 'supertest';
import {
  DryRunResponse,
  democluster1Values,
  dryRunInputOf,
  loadClusterTemplate,
  startDryRunBackend,
} from './__testUtils__/dryRunBackend';

jest.setTimeout(60_000);

/** A recognisable GitHub token, as the sign-in would hand it over. */
const PLANTED_TOKEN = 'ghu_PlantedUserOauthToken0123456789abcd';
/** Recognisable values, as a user might paste them. */
const PLANTED_TSIG = 'cGxhbnRlZC10c2lnLXNlY3JldA==';
const PLANTED_PASSWORD = 'Planted-Grafana-Pa55word!';

describe('templates/cilium-cluster keeps secret values out of the repository and the logs', () => {
  const dir = createMockDirectory();
  const template = loadClusterTemplate();
  let server: Awaited<ReturnType<typeof startDryRunBackend>>['server'];
  let githubServer: typeof server;

  beforeAll(async () => {
    ({ server } = await startDryRunBackend({
      localReposDir: path.join(dir.path, 'git-repos'),
    }));
    ({ server: githubServer } = await startDryRunBackend({
      localReposDir: path.join(dir.path, 'git-repos-github'),
      extraFeatures: [githubModule],
    }));
  });
  afterAll(() => {
    server?.close();
    githubServer?.close();
  });

  it('never writes or logs task secrets', async () => {
    // The GitHub target publishes with the user's token, a task secret
    // (secrets.USER_OAUTH_TOKEN): the template really reads it.
    const { gitopsRepoURL, ...values } = democluster1Values;
    const response = await request(githubServer)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template,
        values: {
          ...values,
          publishTarget: 'github',
          repoUrl: 'github.com?owner=example&repo=democluster1-gitops',
        },
        secrets: { USER_OAUTH_TOKEN: PLANTED_TOKEN },
        directoryContents: [],
      });
    expect(response.status).toBe(200);
    const res: DryRunResponse = response.body;
    expect(res.directoryContents.length).toBeGreaterThan(10);
    // The publish step received the token (redacted in its logged input).
    const publishInput = dryRunInputOf(res, 'publish-github');
    expect(publishInput).toMatchObject({ token: expect.any(String) });
    expect(publishInput.token).toMatch(/^\*+$/);
    const everything = [
      ...res.directoryContents.map(f =>
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ),
      ...res.log.map(l => l.body.message),
      JSON.stringify(res.output),
      JSON.stringify(res.steps),
    ].join('\n');
    expect(everything).not.toContain(PLANTED_TOKEN);
  });

  it.each([
    ['tsigSecretName', PLANTED_TSIG],
    ['tsigSecretKey', PLANTED_TSIG],
    ['grafanaAdminSecretName', PLANTED_PASSWORD],
    ['grafanaAdminSecretKey', PLANTED_PASSWORD],
  ])(
    'rejects a pasted secret value in %s (a Secret reference field)',
    async (field, value) => {
      const response = await request(server)
        .post('/api/scaffolder/v2/dry-run')
        .send({
          template,
          values: { ...democluster1Values, [field]: value },
          directoryContents: [],
        });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.errors)).toContain(field);
    },
  );
});
