import fs from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import yaml from 'yaml';
import { git, publishedClusterRepo } from '../__testUtils__/clusterRepo';
import { mockContext } from '../__testUtils__/mockContext';
import type { LocalPublishConfig } from '../local/localPublishConfig';
import { createChangeAction } from './change';

const SPLIT_50 = {
  kind: 'split',
  route: 'echo/echo',
  backends: { 'echo-1': 50, 'echo-2': 50 },
};

const clusterEntity = (annotations: Record<string, string> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'democluster1',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location':
        'url:http://localhost:7007/api/scaffolder/cilium/local-repos/democluster1/catalog-info.yaml',
      ...annotations,
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
});

const user = {
  ref: 'user:default/jane',
  entity: {
    apiVersion: 'backstage.io/v1alpha1' as const,
    kind: 'User' as const,
    metadata: { name: 'jane' },
    spec: { profile: { displayName: 'Jane Doe', email: 'jane@example.com' } },
  },
};

describe('cilium:cluster:change', () => {
  const dir = createMockDirectory();
  let config: LocalPublishConfig;
  let gitdir: string;
  let head: string;

  beforeEach(async () => {
    dir.clear();
    ({ config, gitdir, head } = await publishedClusterRepo(dir.path));
  });

  const action = (entities: any[] = [clusterEntity()]) =>
    createChangeAction({
      config,
      catalog: catalogServiceMock({ entities }),
    });
  const run = async (input: Record<string, unknown>, extra: object = {}) => {
    const ctx = mockContext({
      input: { cluster: 'resource:default/democluster1', ...input },
      workspacePath: dir.resolve('workspace'),
      user,
      ...extra,
    });
    await action().handler(ctx);
    return Object.fromEntries<any>(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]: [string, unknown]) => [
        k,
        v,
      ]),
    );
  };

  it('previews a split: the diff of cluster.yaml and the echo HTTPRoute, nothing written', async () => {
    const out = await run({ change: SPLIT_50, preview: true });
    expect(out.target).toBe('local');
    expect(out.head).toBe(head);
    expect(out.commit).toBe('');
    expect(out.files).toEqual([
      'cluster.yaml',
      'manifests/echo/httproute-echo.yaml',
    ]);
    expect(out.summary).toBe(
      '2 files changed, 8 insertions(+), 2 deletions(-)',
    );
    expect(out.diff).toContain(
      '-          weight: 100\n+          weight: 50\n',
    );
    expect(out.splitBefore).toEqual({ 'echo-1': 100, 'echo-2': 0 });
    expect(out.splitAfter).toEqual({ 'echo-1': 50, 'echo-2': 50 });
    expect(out.body).toContain('- before: echo-1 100 (100%), echo-2 0 (0%)');
    expect(out.body).toContain('- after: echo-1 50 (50%), echo-2 50 (50%)');
    expect(git(gitdir, 'rev-parse', 'main')).toBe(head);
  });

  it('commits the split as one fast-forward commit touching only those files, authored by the user', async () => {
    const out = await run({ change: SPLIT_50, expectedHead: head });
    expect(out.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(git(gitdir, 'rev-parse', 'main')).toBe(out.commit);
    expect(git(gitdir, 'rev-parse', 'main^')).toBe(head);
    expect(git(gitdir, 'diff', '--name-only', head, 'main')).toBe(
      'cluster.yaml\nmanifests/echo/httproute-echo.yaml',
    );
    expect(git(gitdir, 'log', '-1', '--format=%an <%ae>|%cn|%s', 'main')).toBe(
      'Jane Doe <jane@example.com>|Backstage Scaffolder|democluster1: traffic split of echo/echo → echo-1:50, echo-2:50',
    );
    // git itself finds the repository sound, and the diff is the previewed one.
    git(gitdir, 'fsck', '--strict');
    expect(
      git(
        gitdir,
        'diff',
        head,
        'main',
        '--',
        'manifests/echo/httproute-echo.yaml',
      ),
    ).toContain('-          weight: 100\n+          weight: 50');
    const spec = yaml.parse(git(gitdir, 'show', 'main:cluster.yaml'));
    expect(spec.spec.traffic.splits).toEqual([
      { route: 'echo/echo', backends: { 'echo-1': 50, 'echo-2': 50 } },
    ]);
    // Executable scripts keep their mode.
    expect(git(gitdir, 'ls-tree', 'main', 'bootstrap/install.sh')).toMatch(
      /^100755 /,
    );
  });

  it('commits to the branch cilium.clusters[].git.branch names, the one the page reads', async () => {
    git(gitdir, 'branch', 'production', 'main');
    const ctx = mockContext({
      input: { cluster: 'resource:default/democluster1', change: SPLIT_50 },
      workspacePath: dir.resolve('workspace'),
      user,
    });
    await createChangeAction({
      config,
      catalog: catalogServiceMock({ entities: [clusterEntity()] }),
      rootConfig: new ConfigReader({
        cilium: {
          clusters: [{ name: 'democluster1', git: { branch: 'production' } }],
        },
      }),
    }).handler(ctx);
    expect(git(gitdir, 'rev-parse', 'production^')).toBe(head);
    expect(git(gitdir, 'show', 'production:cluster.yaml')).toContain(
      'echo-2: 50',
    );
    expect(git(gitdir, 'rev-parse', 'main')).toBe(head);
  });

  it('removes the files of a demo app turned off, and the empty folders with them', async () => {
    const out = await run({
      change: { kind: 'addon', name: 'jobsApp', enabled: false },
    });
    expect(out.files).toContain('apps/jobs-app.yaml');
    const tree = git(gitdir, 'ls-tree', '-r', '-t', '--name-only', 'main');
    expect(tree).not.toContain('jobs-app');
    git(gitdir, 'fsck', '--strict');
  });

  it('says so and commits nothing when the change renders the same bytes', async () => {
    await run({ change: SPLIT_50 });
    const now = git(gitdir, 'rev-parse', 'main');
    const out = await run({ change: SPLIT_50 });
    expect(out.changed).toBe(false);
    expect(out.summary).toBe('no changes');
    expect(out.commit).toBe('');
    expect(git(gitdir, 'rev-parse', 'main')).toBe(now);
  });

  it('writes nothing in a dry run', async () => {
    const out = await run({ change: SPLIT_50 }, { isDryRun: true });
    expect(out.diff).toContain('+          weight: 50');
    expect(out.commit).toBe('');
    expect(git(gitdir, 'rev-parse', 'main')).toBe(head);
  });

  describe('concurrency', () => {
    it('two changes prepared from the same head: the second commit is refused and the repository holds only the first', async () => {
      const a = await run({ change: SPLIT_50, preview: true });
      const b = await run({
        change: {
          kind: 'split',
          route: 'echo/echo',
          backends: { 'echo-1': 0, 'echo-2': 100 },
        },
        preview: true,
      });
      expect(a.head).toBe(b.head);
      const first = await run({ change: SPLIT_50, expectedHead: a.head });
      await expect(
        run({
          change: {
            kind: 'split',
            route: 'echo/echo',
            backends: { 'echo-1': 0, 'echo-2': 100 },
          },
          expectedHead: b.head,
        }),
      ).rejects.toThrow(
        new ConflictError(
          `The repository's main moved from ${head.slice(
            0,
            7,
          )} to ${first.commit.slice(
            0,
            7,
          )} since the preview; nothing was written (no force): run the change again to preview it on the new head`,
        ),
      );
      expect(git(gitdir, 'rev-list', 'main')).toBe(`${first.commit}\n${head}`);
      expect(git(gitdir, 'show', 'main:cluster.yaml')).toContain('echo-2: 50');
    });

    it('two commits racing from the same head: exactly one lands, the other is refused by the ref lock', async () => {
      const results = await Promise.allSettled([
        run({ change: SPLIT_50 }),
        run({
          change: { kind: 'lbPool', name: 'extra', cidr: '10.245.13.0/24' },
        }),
      ]);
      const landed = results.filter(r => r.status === 'fulfilled');
      const refused = results.filter(
        r => r.status === 'rejected',
      ) as PromiseRejectedResult[];
      expect(landed).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].reason).toBeInstanceOf(ConflictError);
      expect(String(refused[0].reason.message)).toMatch(
        /moved from .* since this change was prepared; nothing was committed \(no force\)|is being updated by someone else/,
      );
      expect(git(gitdir, 'rev-list', '--count', 'main')).toBe('2');
      expect(fs.existsSync(`${gitdir}/refs/heads/main.lock`)).toBe(false);
    });
  });

  describe('bad input: a clear error naming the field, nothing written', () => {
    it.each<[string, Record<string, unknown>, RegExp]>([
      [
        'unknown route',
        { change: { ...SPLIT_50, route: 'echo/nope' } },
        /spec\.traffic\.splits\[0\]\.route: echo\/nope is not an HTTPRoute of this cluster/,
      ],
      [
        'unknown backend',
        { change: { ...SPLIT_50, backends: { 'echo-9': 1 } } },
        /spec\.traffic\.splits\[0\]\.backends\.echo-9: is not a backend of HTTPRoute echo\/echo/,
      ],
      [
        'weights all zero',
        {
          change: {
            ...SPLIT_50,
            backends: [
              { name: 'echo-1', weight: 0 },
              { name: 'echo-2', weight: 0 },
            ],
          },
        },
        /spec\.traffic\.splits\[0\]\.backends: weights are all 0/,
      ],
      [
        'weight out of range',
        { change: { ...SPLIT_50, backends: { 'echo-1': 2000000 } } },
        /spec\.traffic\.splits\[0\]\.backends\.echo-1: 2000000 is not a Gateway API backend weight/,
      ],
      [
        'unknown change kind',
        { change: { kind: 'reboot' } },
        /change\.kind: Invalid discriminator value/,
      ],
      [
        'split without backends',
        { change: { kind: 'split', route: 'echo/echo' } },
        /change\.backends: is required: \{ <backend>: <weight> \} or \[\{ name, weight \}\]/,
      ],
      [
        'unsupported Cilium version',
        { change: { kind: 'ciliumVersion', version: '1.17.2' } },
        /spec\.cilium\.version: "1\.17\.2" is not a supported Cilium minor/,
      ],
      [
        'unknown add-on',
        { change: { kind: 'addon', name: 'linkerd', enabled: true } },
        /spec\.addons\.linkerd: unknown add-on or demo app/,
      ],
    ])('%s', async (_name, input, message) => {
      const err = await run(input).catch(e => e);
      expect(err).toBeInstanceOf(InputError);
      expect(err.message).toMatch(message);
      expect(git(gitdir, 'rev-list', 'main')).toBe(head);
    });

    it('a cluster not in the catalog', async () => {
      await expect(
        run({ cluster: 'resource:default/nope', change: SPLIT_50 }),
      ).rejects.toThrow(
        new NotFoundError(
          'cluster: resource:default/nope is not in the catalog',
        ),
      );
    });

    it('an entity that is not a kubernetes-cluster', async () => {
      const entity = { ...clusterEntity(), spec: { type: 'database' } };
      const ctx = mockContext({
        input: { cluster: 'resource:default/democluster1', change: SPLIT_50 },
        workspacePath: dir.resolve('workspace'),
      });
      await expect(action([entity]).handler(ctx)).rejects.toThrow(
        'cluster: resource:default/democluster1 is a Resource, not a Resource of spec.type kubernetes-cluster',
      );
    });

    it('a repository without cluster.yaml', async () => {
      const other = await publishedClusterRepo(dir.path, () => {}, 'nospec');
      const tree = git(other.gitdir, 'rev-parse', 'main^{tree}');
      const listing = git(other.gitdir, 'ls-tree', tree)
        .split('\n')
        .filter(l => !l.endsWith('\tcluster.yaml'))
        .join('\n');
      const { execFileSync } = require('node:child_process');
      const newTree = execFileSync(
        'git',
        ['--git-dir', other.gitdir, 'mktree'],
        {
          input: `${listing}\n`,
          encoding: 'utf8',
        },
      ).trim();
      const commit = git(
        other.gitdir,
        'commit-tree',
        newTree,
        '-p',
        other.head,
        '-m',
        'drop spec',
      );
      git(other.gitdir, 'update-ref', 'refs/heads/main', commit);
      const err = await run({
        cluster: undefined,
        repoName: 'nospec',
        change: SPLIT_50,
      }).catch(e => e);
      expect(err).toBeInstanceOf(InputError);
      expect(err.message).toContain(
        'cluster.yaml: the repository has no cluster.yaml at its root, so there is no spec to change',
      );
      expect(git(other.gitdir, 'rev-parse', 'main')).toBe(commit);
    });
  });
});
