import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { fakeRenderer } from '../__testUtils__/fakeRenderer';
import { mockContext } from '../__testUtils__/mockContext';
import { exampleClusterSpec } from './exampleSpec';
import { createRenderAction, RENDER_ACTION_ID } from './render';
import { examples } from './render.examples';

describe('cilium:cluster:render examples', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  it.each(examples.map(e => [e.description, e]))('%s', async (_d, example) => {
    const step = yaml.parse(example.example).steps[0];
    expect(step.action).toBe(RENDER_ACTION_ID);
    expect(step.input.spec).toEqual(exampleClusterSpec);
    const ctx = mockContext({
      input: step.input,
      workspacePath: workspace.path,
    });
    await createRenderAction(fakeRenderer()).handler(ctx);
    const root = path.join(workspace.path, step.input.targetPath ?? '.');
    expect(fs.existsSync(path.join(root, 'apps/root.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'cluster.yaml'))).toBe(true);
  });
});
