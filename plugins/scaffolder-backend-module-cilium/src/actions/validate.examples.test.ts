import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { fakeRenderer } from '../__testUtils__/fakeRenderer';
import { mockContext } from '../__testUtils__/mockContext';
import { exampleClusterSpec } from './exampleSpec';
import { createValidateAction, VALIDATE_ACTION_ID } from './validate';
import { examples } from './validate.examples';

describe('cilium:cluster:validate examples', () => {
  const workspace = createMockDirectory();

  it.each(examples.map(e => [e.description, e]))('%s', async (_d, example) => {
    const step = yaml.parse(example.example).steps[0];
    expect(step.action).toBe(VALIDATE_ACTION_ID);
    workspace.setContent({
      'cluster.yaml': yaml.stringify(exampleClusterSpec),
    });
    const ctx = mockContext({
      input: step.input,
      workspacePath: workspace.path,
    });
    await createValidateAction(fakeRenderer()).handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('clusterName', 'democluster1');
    expect(fs.readdirSync(path.join(workspace.path))).toEqual(['cluster.yaml']);
  });
});
