import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { fakeFiles, fakeRenderer } from '../__testUtils__/fakeRenderer';
import { createClusterRenderer } from '../lib/clusterRenderer';
import { loggedInfo, mockContext } from '../__testUtils__/mockContext';
import { exampleClusterSpec } from './exampleSpec';
import { createRenderAction } from './render';

describe('cilium:cluster:render', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  const listWorkspace = () =>
    fs.existsSync(workspace.path)
      ? (fs.readdirSync(workspace.path, { recursive: true }) as string[])
      : [];

  it('writes every rendered file, logs each and outputs the list', async () => {
    const action = createRenderAction(fakeRenderer());
    const ctx = mockContext({
      input: { spec: exampleClusterSpec },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);

    const expected = fakeFiles.map(f => f.path);
    expect(ctx.output).toHaveBeenCalledWith('files', expected);
    expect(ctx.output).toHaveBeenCalledWith(
      'rootApplicationPath',
      'apps/root.yaml',
    );
    expect(ctx.output).toHaveBeenCalledWith('clusterName', 'democluster1');
    for (const file of fakeFiles) {
      expect(
        fs.readFileSync(path.join(workspace.path, file.path), 'utf8'),
      ).toBe(file.content);
    }
    const logs = loggedInfo(ctx);
    for (const p of expected) {
      expect(logs).toContainEqual(
        expect.stringMatching(new RegExp(`^Wrote ${p} \\(\\d+ bytes\\)$`)),
      );
    }
  });

  it('writes cluster.yaml as the validated spec, re-readable as YAML', async () => {
    const action = createRenderAction({ renderer: createClusterRenderer() });
    await action.handler(
      mockContext({
        input: { spec: exampleClusterSpec },
        workspacePath: workspace.path,
      }),
    );
    const text = fs.readFileSync(
      path.join(workspace.path, 'cluster.yaml'),
      'utf8',
    );
    expect(text).toMatch(
      /^# The validated cluster spec this repository was rendered from/,
    );
    expect(text).toContain('yarn cilium-gitops render cluster.yaml --out .');
    const written = yaml.parse(text);
    expect(written.metadata.name).toBe(exampleClusterSpec.metadata.name);
    // Defaults are applied: the Cilium version is a pinned patch.
    expect(written.spec.cilium.version).toMatch(/^1\.\d+\.\d+$/);
    const again = await createClusterRenderer().validate(written);
    expect(again.ok && again.spec).toEqual(written);
  });

  it('renders into targetPath and reports paths relative to it', async () => {
    const action = createRenderAction(fakeRenderer());
    const ctx = mockContext({
      input: { spec: exampleClusterSpec, targetPath: 'repo' },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(
      fs.existsSync(path.join(workspace.path, 'repo/apps/root.yaml')),
    ).toBe(true);
    expect(ctx.output).toHaveBeenCalledWith(
      'rootApplicationPath',
      'apps/root.yaml',
    );
    expect(loggedInfo(ctx)).toContain('Wrote repo/apps/root.yaml (18 bytes)');
  });

  it('fails with every issue, each naming its field, and writes nothing', async () => {
    const issues = [
      {
        path: 'spec.network.podCIDR',
        message: '10.0.0.0/33 is not a valid IPv4 CIDR',
      },
      {
        path: 'spec.bgp.localASN',
        message: 'must be between 1 and 4294967294',
      },
    ];
    const action = createRenderAction(fakeRenderer({ issues }));
    const ctx = mockContext({
      input: { spec: exampleClusterSpec },
      workspacePath: workspace.path,
    });
    const error = (await action.handler(ctx).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ name: 'InputError' });
    expect(error.message).toBe(
      'invalid cluster spec (2 problems):\n' +
        '  spec.network.podCIDR: 10.0.0.0/33 is not a valid IPv4 CIDR\n' +
        '  spec.bgp.localASN: must be between 1 and 4294967294',
    );
    expect(listWorkspace()).toEqual([]);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('writes nothing when one rendered path would escape the workspace', async () => {
    const action = createRenderAction(
      fakeRenderer({
        files: [...fakeFiles, { path: '../../evil.yaml', content: 'x' }],
      }),
    );
    await expect(
      action.handler(
        mockContext({
          input: { spec: exampleClusterSpec },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/outside/);
    expect(listWorkspace()).toEqual([]);
  });

  it('rejects a targetPath outside the workspace', async () => {
    const action = createRenderAction(fakeRenderer());
    await expect(
      action.handler(
        mockContext({
          input: { spec: exampleClusterSpec, targetPath: '../elsewhere' },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/outside/);
  });

  it('treats null fields as absent (optional template sections)', async () => {
    const { renderer, seen } = fakeRenderer();
    const action = createRenderAction({ renderer });
    const spec = {
      ...exampleClusterSpec,
      spec: {
        ...exampleClusterSpec.spec,
        bgp: { ...exampleClusterSpec.spec.bgp, router: null },
      },
    };
    await action.handler(
      mockContext({ input: { spec }, workspacePath: workspace.path }),
    );
    expect((seen[0] as any).spec.bgp).not.toHaveProperty('router');
    expect((seen[0] as any).spec.bgp.peers).toHaveLength(1);
  });

  it('writes only into the dry-run workspace in a dry run', async () => {
    const action = createRenderAction(fakeRenderer());
    const ctx = mockContext({
      input: { spec: exampleClusterSpec },
      workspacePath: workspace.path,
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(action.supportsDryRun).toBe(true);
    expect(fs.existsSync(path.join(workspace.path, 'apps/root.yaml'))).toBe(
      true,
    );
  });

  it('never logs file contents', async () => {
    const secretish = 'tsig-value-that-must-not-be-logged';
    const action = createRenderAction(
      fakeRenderer({ files: [{ path: 'x.yaml', content: secretish }] }),
    );
    const ctx = mockContext({
      input: { spec: exampleClusterSpec },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(JSON.stringify(ctx.logger.info.mock.calls)).not.toContain(secretish);
  });
});
