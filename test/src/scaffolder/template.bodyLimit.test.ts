import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  REPO_ROOT,
  democluster1Values,
  loadClusterTemplate,
  startDryRunBackend,
} from './__testUtils__/dryRunBackend';

jest.setTimeout(60_000);

/** Every file of templates/cilium-cluster, as the template editor's dry run sends them. */
function templateDirectoryContents() {
  const root = path.join(REPO_ROOT, 'templates/cilium-cluster');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => {
      const file = path.join(e.parentPath, e.name);
      return {
        path: path.relative(root, file),
        base64Content: fs.readFileSync(file).toString('base64'),
      };
    });
}

const LIMIT_MESSAGE =
  'request body is larger than 1048576 bytes, the limit of this scaffolder route (ciliumGitops.maxRequestBodyBytes)';

describe('scaffolder request body limit (1 MiB on dry-run and task create)', () => {
  const dir = createMockDirectory();
  const template = loadClusterTemplate();
  let server: Awaited<ReturnType<typeof startDryRunBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startDryRunBackend({
      localReposDir: path.join(dir.path, 'git-repos'),
    }));
  });
  afterAll(() => server?.close());

  it('runs a dry run of our template with its whole directory attached', async () => {
    const body = {
      template,
      values: democluster1Values,
      directoryContents: templateDirectoryContents(),
    };
    expect(JSON.stringify(body).length).toBeLessThan(100_000);
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send(body);
    expect(res.status).toBe(200);
  });

  it('answers 413 naming the limit for a 2 MB dry-run body (the scaffolder alone takes 10 MB)', async () => {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template,
        values: democluster1Values,
        directoryContents: [
          { path: 'big.bin', base64Content: 'A'.repeat(2_000_000) },
        ],
      });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      name: 'PayloadTooLargeError',
      message: LIMIT_MESSAGE,
    });
  });

  it('answers 413 for a 2 MB task create', async () => {
    const res = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .send({
        templateRef: 'template:default/cilium-cluster',
        values: { ...democluster1Values, description: 'x'.repeat(2_000_000) },
      });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe(LIMIT_MESSAGE);
  });

  it('answers 413 for a chunked body without Content-Length once it passes the limit', async () => {
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/scaffolder/v2/dry-run',
          headers: { 'content-type': 'application/json' },
        },
        res => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"values":{"pad":"');
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 40) {
          sent++;
          if (!req.write(chunk)) {
            req.once('drain', more);
            return;
          }
        }
        req.end('"}}');
      };
      more();
    });
    expect(status).toBe(413);
  });
});
