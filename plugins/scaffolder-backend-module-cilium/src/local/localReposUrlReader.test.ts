import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';
import { commitToBareRepo } from './bareRepo';
import { localReposUrlReaderFactory } from './localReposUrlReader';

describe('the local repositories URL reader', () => {
  const root = createMockDirectory();
  const source = createMockDirectory();
  const bot = { name: 'Portal Bot', email: 'bot@portal.test' };
  const base = 'http://localhost:7007/api/scaffolder/cilium/local-repos';

  /** The backend's own urlReader, with this module's factory added as the backend adds it. */
  async function reader() {
    const config = new ConfigReader({
      backend: { baseUrl: 'http://localhost:7007' },
      // No backend.reading.allow: nothing is fetched over HTTP.
      ciliumGitops: {
        localPublish: { baseDir: path.join(root.path, 'git-repos') },
      },
    });
    const factory = await (localReposUrlReaderFactory as any).factory({});
    const logger = {
      child: () => logger,
      info() {},
      warn() {},
      debug() {},
      error() {},
    };
    return UrlReaders.default({
      config,
      logger: logger as any,
      factories: [factory],
    });
  }

  beforeEach(async () => {
    root.clear();
    source.setContent({
      'catalog-info.yaml': 'kind: Resource\nmetadata:\n  name: c1\n',
      apps: { 'root.yaml': 'kind: Application\n' },
    });
    await commitToBareRepo({
      sourceDir: source.path,
      gitdir: path.join(root.path, 'git-repos', 'c1.git'),
      branch: 'main',
      message: 'rendered',
      author: bot,
      committer: bot,
      force: false,
    });
  });

  it('reads catalog-info.yaml committed to a real bare repository, as the catalog does (search with etag)', async () => {
    const urlReader = await reader();
    const url = `${base}/c1/catalog-info.yaml`;
    const found = await urlReader.search(url);
    expect(found.files).toHaveLength(1);
    expect((await found.files[0].content()).toString()).toBe(
      'kind: Resource\nmetadata:\n  name: c1\n',
    );
    const blob = execFileSync('git', ['rev-parse', 'main:catalog-info.yaml'], {
      cwd: path.join(root.path, 'git-repos', 'c1.git'),
      encoding: 'utf8',
    }).trim();
    expect(found.etag).toBe(blob);
    await expect(urlReader.search(url, { etag: blob })).rejects.toThrow(
      expect.objectContaining({ name: 'NotModifiedError' }),
    );
    expect((await urlReader.search(`${base}/c1/missing.yaml`)).files).toEqual(
      [],
    );
  });

  it('never reads outside a repository and names what is missing', async () => {
    const urlReader = await reader();
    await expect(
      urlReader.readUrl(`${base}/nope/catalog-info.yaml`),
    ).rejects.toThrow(
      `${base}/nope/catalog-info.yaml: no such local repository`,
    );
    await expect(urlReader.readUrl(`${base}/C1/x`)).rejects.toThrow(
      /repoName: "C1" is not a DNS-1123 label/,
    );
    const tree = await urlReader.readTree(`${base}/c1/apps`);
    const files = await tree.files();
    expect(files.map(f => f.path)).toEqual(['root.yaml']);
  });
});
