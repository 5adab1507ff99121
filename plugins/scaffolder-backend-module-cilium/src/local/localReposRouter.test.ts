import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { commitToBareRepo } from './bareRepo';
import { LOCAL_REPOS_ROUTE, createLocalReposHandler } from './localReposRouter';

describe('the read-only HTTP view of the local repositories', () => {
  const dir = createMockDirectory();
  const baseDir = () => path.join(dir.path, 'repos');

  let app: express.Express;
  beforeAll(async () => {
    dir.setContent({
      ws: {
        'catalog-info.yaml': 'kind: Resource\n',
        apps: { 'root.yaml': 'kind: Application\n' },
      },
      repos: { 'not-a-repo.git': { 'secret.txt': 'x' } },
    });
    const identity = { name: 't', email: 't@example.net' };
    await commitToBareRepo({
      sourceDir: path.join(dir.path, 'ws'),
      gitdir: path.join(baseDir(), 'democluster1.git'),
      branch: 'main',
      message: 'm',
      author: identity,
      committer: identity,
      force: false,
    });
    app = express();
    app.use(createLocalReposHandler({ baseDir: baseDir() }));
    app.use((_req, res) => res.status(418).send('next handler'));
  });

  const get = (p: string) => request(app).get(`${LOCAL_REPOS_ROUTE}/${p}`);

  it('serves a committed file of main', async () => {
    const res = await get('democluster1/catalog-info.yaml');
    expect(res.status).toBe(200);
    expect(res.text).toBe('kind: Resource\n');
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect((await get('democluster1/apps/root.yaml')).text).toBe(
      'kind: Application\n',
    );
  });

  it('lists the files of main at the repository root', async () => {
    const res = await get('democluster1/');
    expect(res.status).toBe(200);
    expect(res.text).toBe('apps/root.yaml\ncatalog-info.yaml\n');
  });

  it.each([
    'democluster1/missing.yaml',
    'democluster1/apps',
    'nope/catalog-info.yaml',
    'Bad_Name/x',
    'not-a-repo/secret.txt',
  ])('answers 404 for %s', async p => {
    expect((await get(p)).status).toBe(404);
  });

  it('never leaves the repository', async () => {
    for (const p of [
      'democluster1/%2E%2E/%2E%2E/ws/catalog-info.yaml',
      'democluster1/../not-a-repo.git/secret.txt',
      '%2E%2E/repos/not-a-repo.git/secret.txt',
    ]) {
      const res = await get(p);
      expect([400, 404]).toContain(res.status);
      expect(res.text).not.toBe('x');
    }
  });

  it('leaves other paths and methods to the next handler', async () => {
    expect((await request(app).get('/v2/actions')).status).toBe(418);
    expect(
      (
        await request(app).post(
          `${LOCAL_REPOS_ROUTE}/democluster1/catalog-info.yaml`,
        )
      ).status,
    ).toBe(418);
  });
});
