import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { createClusterRenderer } from '../lib/clusterRenderer';
import { mockContext } from '../__testUtils__/mockContext';
import { exampleClusterSpec } from './exampleSpec';
import { createValidateAction, VALIDATE_ACTION_ID } from './validate';
import { examples } from './validate.examples';

describe('cilium:cluster:validate examples', () => {
  const workspace = createMockDirectory();

  it.each(examples.map(e => [e.description, e]))('%s', async (_d, example) => {
    const steps = yaml.parse(example.example).steps;
    const step = steps.find((s: any) => s.action === VALIDATE_ACTION_ID);
    expect(step).toBeDefined();
    const meshDir = step.input.meshSpecsDir;
    workspace.setContent({
      'cluster.yaml': yaml.stringify(exampleClusterSpec),
      // What the example's fetch:plain step brings: the committed peer spec.
      ...(meshDir && {
        [`${meshDir}/democluster2/cluster.yaml`]: fs.readFileSync(
          path.resolve(
            __dirname,
            '../../../../gitops/examples/democluster2/cluster.yaml',
          ),
          'utf8',
        ),
      }),
    });
    const ctx = mockContext({
      input: step.input,
      workspacePath: workspace.path,
    });
    await createValidateAction({ renderer: createClusterRenderer() }).handler(
      ctx,
    );
    expect(ctx.output).toHaveBeenCalledWith('clusterName', 'democluster1');
    expect(fs.readdirSync(path.join(workspace.path)).sort()).toEqual(
      ['cluster.yaml', meshDir].filter(Boolean).sort(),
    );
  });
});
