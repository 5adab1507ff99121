import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { mockContext } from '../__testUtils__/mockContext';
import { createPublishLocalAction, DRY_RUN_COMMIT_HASH } from './publishLocal';
import type { LocalPublishConfig } from '../local/localPublishConfig';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** Every file under dir (without .git) with its content. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== '.git') walk(child);
      } else {
        out[child] = fs.readFileSync(path.join(dir, child), 'utf8');
      }
    }
  };
  walk('');
  return out;
}

describe('cilium:publish:local', () => {
  const reposDir = createMockDirectory();
  const workspace = createMockDirectory();
  const clones = createMockDirectory();

  const config: LocalPublishConfig = {
    baseDir: path.join(reposDir.path, 'git-repos'),
    committer: { name: 'Portal Bot', email: 'bot@portal.test' },
    serveOverHttp: true,
  };
  const action = createPublishLocalAction({
    config,
    contentsBaseUrl: async () =>
      'http://localhost:7007/api/scaffolder/cilium/local-repos',
  });

  const renderedTree = {
    'cluster.yaml': 'apiVersion: cilium-gitops/v1alpha1\n',
    'catalog-info.yaml': 'kind: Resource\n',
    apps: {
      'root.yaml': 'kind: Application\n',
      'cilium.yaml': 'kind: Application\n',
    },
    values: { 'cilium.yaml': 'cluster:\n  name: democluster1\n' },
  };

  const user = {
    ref: 'user:default/jane',
    entity: {
      apiVersion: 'backstage.io/v1alpha1' as const,
      kind: 'User' as const,
      metadata: { name: 'jane' },
      spec: { profile: { displayName: 'Jane Doe', email: 'jane@example.net' } },
    },
  };

  beforeEach(() => {
    reposDir.clear();
    workspace.setContent(renderedTree);
    clones.clear();
  });

  it('commits the workspace to main of a new bare repository that clones to the same tree', async () => {
    const ctx = mockContext({
      input: { repoName: 'democluster1-gitops' },
      workspacePath: workspace.path,
      user,
    });
    await action.handler(ctx);

    const gitdir = path.join(config.baseDir, 'democluster1-gitops.git');
    expect(git(gitdir, 'rev-parse', '--is-bare-repository')).toBe('true');
    expect(fs.existsSync(path.join(gitdir, 'index'))).toBe(false);

    const clone = path.join(clones.path, 'c1');
    execFileSync('git', ['clone', '--quiet', gitdir, clone]);
    expect(readTree(clone)).toEqual(readTree(workspace.path));
    expect(git(clone, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');

    const commitHash = git(clone, 'rev-parse', 'HEAD');
    expect(ctx.output).toHaveBeenCalledWith('commitHash', commitHash);
    expect(ctx.output).toHaveBeenCalledWith('remoteUrl', `file://${gitdir}`);
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      'http://localhost:7007/api/scaffolder/cilium/local-repos/democluster1-gitops',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      'http://localhost:7007/api/scaffolder/cilium/local-repos/democluster1-gitops/catalog-info.yaml',
    );
    expect(git(clone, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%s')).toBe(
      'Jane Doe <jane@example.net>|Portal Bot <bot@portal.test>|Cluster GitOps repository rendered by Backstage',
    );
  });

  it('publishes only sourcePath when given', async () => {
    workspace.setContent({ repo: renderedTree, 'notes.txt': 'not published' });
    const ctx = mockContext({
      input: { repoName: 'sub', sourcePath: 'repo' },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    const clone = path.join(clones.path, 'sub');
    execFileSync('git', [
      'clone',
      '--quiet',
      path.join(config.baseDir, 'sub.git'),
      clone,
    ]);
    expect(readTree(clone)).toEqual(
      readTree(path.join(workspace.path, 'repo')),
    );
  });

  it('refuses an existing repository unless force, and then commits on top of it', async () => {
    const input = { repoName: 'again' };
    await action.handler(mockContext({ input, workspacePath: workspace.path }));
    const gitdir = path.join(config.baseDir, 'again.git');
    const first = git(gitdir, 'rev-parse', 'main');

    await expect(
      action.handler(
        mockContext({
          input,
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/already exists and is not empty.*force: true/);
    expect(git(gitdir, 'rev-parse', 'main')).toBe(first);

    fs.rmSync(path.join(workspace.path, 'values'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace.path, 'cluster.yaml'),
      'changed: true\n',
    );
    const ctx = mockContext({
      input: { ...input, force: true, gitCommitMessage: 'Re-render' },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);

    const second = git(gitdir, 'rev-parse', 'main');
    expect(second).not.toBe(first);
    expect(git(gitdir, 'rev-parse', 'main^')).toBe(first);
    const clone = path.join(clones.path, 'again');
    execFileSync('git', ['clone', '--quiet', gitdir, clone]);
    expect(readTree(clone)).toEqual(readTree(workspace.path));
    expect(readTree(clone)['values/cilium.yaml']).toBeUndefined();
  });

  it('refuses a folder that is not a git repository even with force', async () => {
    fs.mkdirSync(path.join(config.baseDir, 'taken.git'), { recursive: true });
    fs.writeFileSync(path.join(config.baseDir, 'taken.git', 'keep.txt'), 'x');
    await expect(
      action.handler(
        mockContext({
          input: { repoName: 'taken', force: true },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/is not a bare git repository/);
    expect(fs.readdirSync(path.join(config.baseDir, 'taken.git'))).toEqual([
      'keep.txt',
    ]);
  });

  it.each(['Demo', 'a_b', '-x', 'x-', '../escape', 'a'.repeat(64), ''])(
    'rejects repoName %j, naming the field, and creates nothing',
    async repoName => {
      await expect(
        action.handler(
          mockContext({
            input: { repoName },
            workspacePath: workspace.path,
          }),
        ),
      ).rejects.toThrow(/^repoName: .* is not a DNS-1123 label/);
      expect(fs.existsSync(config.baseDir)).toBe(false);
    },
  );

  it('rejects a sourcePath outside the workspace', async () => {
    await expect(
      action.handler(
        mockContext({
          input: { repoName: 'x', sourcePath: '../..' },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/outside/);
  });

  it('fails on an empty workspace', async () => {
    workspace.clear();
    await expect(
      action.handler(
        mockContext({
          input: { repoName: 'empty' },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/Nothing to publish/);
  });

  describe('dry run', () => {
    it('publishes nothing and reports the URLs it would use', async () => {
      const ctx = mockContext({
        input: { repoName: 'democluster1-gitops' },
        workspacePath: workspace.path,
        isDryRun: true,
      });
      await action.handler(ctx);
      expect(fs.existsSync(config.baseDir)).toBe(false);
      expect(ctx.output).toHaveBeenCalledWith(
        'commitHash',
        DRY_RUN_COMMIT_HASH,
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'remoteUrl',
        `file://${path.join(config.baseDir, 'democluster1-gitops.git')}`,
      );
      expect(ctx.logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Dry run: would commit 5 files to main of file:/,
        ),
      );
    });

    it('still reports that the repository exists', async () => {
      const input = { repoName: 'exists' };
      await action.handler(
        mockContext({
          input,
          workspacePath: workspace.path,
        }),
      );
      await expect(
        action.handler(
          mockContext({
            input,
            workspacePath: workspace.path,
            isDryRun: true,
          }),
        ),
      ).rejects.toThrow(/already exists/);
    });
  });

  it('uses the file URL as repoContentsUrl when the HTTP view is off', async () => {
    const plain = createPublishLocalAction({
      config: { ...config, serveOverHttp: false },
    });
    const ctx = mockContext({
      input: { repoName: 'plain' },
      workspacePath: workspace.path,
    });
    await plain.handler(ctx);
    const url = `file://${path.join(config.baseDir, 'plain.git')}`;
    expect(ctx.output).toHaveBeenCalledWith('repoContentsUrl', url);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `${url}/catalog-info.yaml`,
    );
  });

  it('reuses the checkpointed commit when a task is retried', async () => {
    const saved = new Map<string, unknown>();
    const checkpoint = async ({
      key,
      fn,
    }: {
      key: string;
      fn: () => Promise<any>;
    }) => {
      if (!saved.has(key)) saved.set(key, await fn());
      return saved.get(key);
    };
    const run = async () => {
      const ctx = mockContext({
        input: { repoName: 'retried' },
        workspacePath: workspace.path,
      });
      ctx.checkpoint = checkpoint;
      await action.handler(ctx);
      return ctx;
    };
    const first = await run();
    const second = await run(); // would be a ConflictError without the checkpoint
    const gitdir = path.join(config.baseDir, 'retried.git');
    const head = git(gitdir, 'rev-parse', 'main');
    expect(first.output).toHaveBeenCalledWith('commitHash', head);
    expect(second.output).toHaveBeenCalledWith('commitHash', head);
    expect(git(gitdir, 'rev-list', '--count', 'main')).toBe('1');
  });

  it('lets one of two concurrent publishes of the same name win', async () => {
    const publish = () =>
      action.handler(
        mockContext({
          input: { repoName: 'race' },
          workspacePath: workspace.path,
        }),
      );
    const results = await Promise.allSettled([publish(), publish()]);
    expect(results.map(r => r.status).sort()).toEqual([
      'fulfilled',
      'rejected',
    ]);
    const rejected = results.find(
      r => r.status === 'rejected',
    ) as PromiseRejectedResult;
    expect(String(rejected.reason)).toMatch(/already exists/);
    const gitdir = path.join(config.baseDir, 'race.git');
    expect(git(gitdir, 'rev-list', '--count', 'main')).toBe('1');
    expect(git(gitdir, 'fsck', '--no-progress')).toBe('');
  });
});
