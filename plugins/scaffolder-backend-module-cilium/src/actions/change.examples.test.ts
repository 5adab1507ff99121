import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import yaml from 'yaml';
import { git, publishedClusterRepo } from '../__testUtils__/clusterRepo';
import { mockContext } from '../__testUtils__/mockContext';
import { CHANGE_ACTION_ID, createChangeAction } from './change';
import { examples } from './change.examples';

describe('cilium:cluster:change examples', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  it.each(examples.map(e => [e.description, e]))('%s', async (_d, example) => {
    const { config, gitdir, head } = await publishedClusterRepo(
      dir.path,
      doc => {
        doc.spec.demoApps = { bookinfo: true, echo: true, jobsApp: true };
      },
    );
    const action = createChangeAction({
      config,
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: { name: 'democluster1', namespace: 'default' },
            spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
          },
        ],
      }),
    });
    const outputs: Record<string, Record<string, unknown>> = {};
    for (const step of yaml.parse(example.example).steps) {
      expect(step.action).toBe(CHANGE_ACTION_ID);
      const input = JSON.parse(
        JSON.stringify(step.input).replace(
          /\$\{\{ steps\.(\w+)\.output\.(\w+) \}\}/g,
          (_m, id, key) => String(outputs[id][key]),
        ),
      );
      const ctx = mockContext({ input, workspacePath: dir.resolve('ws') });
      await action.handler(ctx);
      outputs[step.id] = Object.fromEntries(
        (ctx.output as jest.Mock).mock.calls,
      );
      expect(outputs[step.id].head).toMatch(/^[0-9a-f]{40}$/);
      expect(outputs[step.id].changed).toBe(true);
    }
    const last = outputs[yaml.parse(example.example).steps.at(-1).id];
    // a commit moves main one step past the old head; a preview leaves it
    expect(git(gitdir, 'rev-parse', 'main')).toBe(last.commit || head);
    expect(git(gitdir, 'rev-parse', last.commit ? 'main^' : 'main')).toBe(head);
  });
});
