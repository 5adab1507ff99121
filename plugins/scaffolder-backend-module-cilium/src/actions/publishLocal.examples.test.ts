import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { mockContext } from '../__testUtils__/mockContext';
import {
  createPublishLocalAction,
  PUBLISH_LOCAL_ACTION_ID,
} from './publishLocal';
import { examples } from './publishLocal.examples';

describe('cilium:publish:local examples', () => {
  const dir = createMockDirectory();

  it('runs both examples in order: a new repository, then a forced re-publish of a folder', async () => {
    dir.setContent({ workspace: { repo: { 'cluster.yaml': 'a: 1\n' } } });
    const baseDir = path.join(dir.path, 'repos');
    const action = createPublishLocalAction({
      config: {
        baseDir,
        committer: { name: 'bot', email: 'bot@example.net' },
        serveOverHttp: false,
      },
    });
    for (const example of examples) {
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(PUBLISH_LOCAL_ACTION_ID);
      await action.handler(
        mockContext({
          input: step.input,
          workspacePath: path.join(dir.path, 'workspace'),
        }),
      );
    }
    const gitdir = path.join(baseDir, 'democluster1-gitops.git');
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: gitdir, encoding: 'utf8' }).trim();
    expect(git('log', '--format=%s', 'main').split('\n')).toEqual([
      'Re-render democluster1',
      'Cluster GitOps repository rendered by Backstage',
    ]);
    expect(git('ls-tree', '-r', '--name-only', 'main')).toBe('cluster.yaml');
  });
});
