import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import yaml from 'yaml';
import { fakeRenderer } from '../__testUtils__/fakeRenderer';
import { mockContext } from '../__testUtils__/mockContext';
import { exampleClusterSpec } from './exampleSpec';
import { createValidateAction } from './validate';

describe('cilium:cluster:validate', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  it('accepts a spec object and outputs its name and Cilium version', async () => {
    const action = createValidateAction(fakeRenderer());
    const ctx = mockContext({
      input: { spec: exampleClusterSpec },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('clusterName', 'democluster1');
    expect(ctx.output).toHaveBeenCalledWith('ciliumVersion', '1.20.3');
  });

  it('reads a YAML spec from the workspace', async () => {
    workspace.setContent({
      'cluster.yaml': yaml.stringify(exampleClusterSpec),
    });
    const { renderer, seen } = fakeRenderer();
    const action = createValidateAction({ renderer });
    await action.handler(
      mockContext({
        input: { specPath: 'cluster.yaml' },
        workspacePath: workspace.path,
      }),
    );
    expect(seen[0]).toEqual(exampleClusterSpec);
  });

  it('fails with every issue and the file name', async () => {
    workspace.setContent({ 'cluster.yaml': 'kind: ClusterSpec\n' });
    const action = createValidateAction(
      fakeRenderer({
        issues: [
          { path: 'apiVersion', message: 'must be cilium-gitops/v1alpha1' },
          { path: 'metadata.name', message: 'is required' },
        ],
      }),
    );
    await expect(
      action.handler(
        mockContext({
          input: { specPath: 'cluster.yaml' },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(
      'invalid cluster spec in cluster.yaml (2 problems):\n' +
        '  apiVersion: must be cilium-gitops/v1alpha1\n' +
        '  metadata.name: is required',
    );
  });

  it('names specPath when the file is missing, not YAML or outside the workspace', async () => {
    workspace.setContent({ 'bad.yaml': 'a: [1, 2\n' });
    const action = createValidateAction(fakeRenderer());
    const run = (specPath: string) =>
      action.handler(
        mockContext({ input: { specPath }, workspacePath: workspace.path }),
      );
    await expect(run('missing.yaml')).rejects.toThrow(
      /^specPath: cannot read missing.yaml/,
    );
    await expect(run('bad.yaml')).rejects.toThrow(
      /^specPath: bad.yaml is not valid YAML/,
    );
    await expect(run('../../etc/passwd')).rejects.toThrow(/outside/);
  });

  it('needs exactly one of spec and specPath', async () => {
    const action = createValidateAction(fakeRenderer());
    const run = (input: object) =>
      action.handler(mockContext({ input, workspacePath: workspace.path }));
    await expect(run({})).rejects.toThrow(
      'Give exactly one of spec and specPath',
    );
    await expect(
      run({ spec: exampleClusterSpec, specPath: 'cluster.yaml' }),
    ).rejects.toThrow('Give exactly one of spec and specPath');
  });

  it('writes nothing, also in a dry run', async () => {
    const action = createValidateAction(fakeRenderer());
    expect(action.supportsDryRun).toBe(true);
    await action.handler(
      mockContext({
        input: { spec: exampleClusterSpec },
        workspacePath: workspace.path,
        isDryRun: true,
      }),
    );
    expect(
      fs.existsSync(path.join(workspace.path))
        ? fs.readdirSync(workspace.path)
        : [],
    ).toEqual([]);
  });

  describe('rejectExistingEntity', () => {
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'democluster1',
            namespace: 'default',
            annotations: {
              'backstage.io/managed-by-location':
                'file:/examples/democluster1/catalog-info.yaml',
            },
          },
          spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
        },
      ],
    });

    it('fails naming metadata.name when the cluster entity is in the catalog', async () => {
      const action = createValidateAction({ ...fakeRenderer(), catalog });
      await expect(
        action.handler(
          mockContext({
            input: { spec: exampleClusterSpec, rejectExistingEntity: true },
            workspacePath: workspace.path,
          }),
        ),
      ).rejects.toThrow(
        'metadata.name: resource:default/democluster1 is already in the catalog (from file:/examples/democluster1/catalog-info.yaml); choose another cluster name',
      );
    });

    it('passes for a new cluster, and does not ask the catalog unless told to', async () => {
      const action = createValidateAction({ ...fakeRenderer(), catalog });
      const spec = {
        ...exampleClusterSpec,
        metadata: { ...exampleClusterSpec.metadata, name: 'democluster3' },
      };
      const fresh = mockContext({
        input: { spec, rejectExistingEntity: true },
        workspacePath: workspace.path,
      });
      await action.handler(fresh);
      expect(fresh.output).toHaveBeenCalledWith('clusterName', 'democluster3');

      const unchecked = mockContext({
        input: { spec: exampleClusterSpec },
        workspacePath: workspace.path,
      });
      await action.handler(unchecked);
      expect(unchecked.output).toHaveBeenCalledWith(
        'clusterName',
        'democluster1',
      );
    });
  });
});
