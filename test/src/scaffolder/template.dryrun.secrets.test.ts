import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  DryRunResponse,
  democluster1Values,
  loadClusterTemplate,
  startDryRunBackend,
} from './__testUtils__/dryRunBackend';

jest.setTimeout(60_000);

/** Recognisable values, as a user might paste them. */
const PLANTED_TSIG = 'cGxhbnRlZC10c2lnLXNlY3JldA==';
const PLANTED_PASSWORD = 'Planted-Grafana-Pa55word!';

describe('templates/cilium-cluster keeps secret values out of the repository and the logs', () => {
  const dir = createMockDirectory();
  const template = loadClusterTemplate();
  let server: Awaited<ReturnType<typeof startDryRunBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startDryRunBackend({
      localReposDir: path.join(dir.path, 'git-repos'),
    }));
  });
  afterAll(() => server?.close());

  it('never writes or logs task secrets', async () => {
    const response = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template,
        values: democluster1Values,
        secrets: {
          tsigSecret: PLANTED_TSIG,
          grafanaPassword: PLANTED_PASSWORD,
        },
        directoryContents: [],
      });
    expect(response.status).toBe(200);
    const res: DryRunResponse = response.body;
    expect(res.directoryContents.length).toBeGreaterThan(10);
    const everything = [
      ...res.directoryContents.map(f =>
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ),
      ...res.log.map(l => l.body.message),
      JSON.stringify(res.output),
    ].join('\n');
    expect(everything).not.toContain(PLANTED_TSIG);
    expect(everything).not.toContain(PLANTED_PASSWORD);
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
