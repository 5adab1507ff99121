import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  defaultComponents,
  loadAddonCatalog,
  runCli,
  EXIT_OK,
} from '@internal/cilium-gitops';
import yaml from 'yaml';
import { mockContext } from '../__testUtils__/mockContext';
import { createClusterRenderer } from '../lib/clusterRenderer';
import { createRenderAction } from './render';

const EXAMPLES = path.resolve(__dirname, '../../../../gitops/examples');

/** Every file below `dir` (POSIX paths) with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, abs).split(path.sep).join('/')] = fs.readFileSync(
      abs,
      'utf8',
    );
  }
  return out;
}

describe.each(['democluster1', 'democluster2'])(
  'the CLI and the scaffolder render %s to the same tree',
  name => {
    const dirs = createMockDirectory();

    it('file for file, byte for byte', async () => {
      const specFile = path.join(EXAMPLES, name, 'cluster.yaml');
      const cliOut = path.join(dirs.path, 'cli');
      const stderr: string[] = [];
      const code = await runCli(['render', specFile, '--out', cliOut], {
        stdout: () => {},
        stderr: t => stderr.push(t),
        cwd: dirs.path,
        loadCatalog: () => loadAddonCatalog(),
        components: () => defaultComponents,
      });
      expect(stderr).toEqual([]);
      expect(code).toBe(EXIT_OK);

      const workspace = path.join(dirs.path, 'scaffolder');
      fs.mkdirSync(workspace);
      const action = createRenderAction({ renderer: createClusterRenderer() });
      await action.handler(
        mockContext({
          input: { spec: yaml.parse(fs.readFileSync(specFile, 'utf8')) },
          workspacePath: workspace,
        }),
      );

      const fromCli = tree(cliOut);
      const fromScaffolder = tree(workspace);
      expect(Object.keys(fromScaffolder).sort()).toEqual(
        Object.keys(fromCli).sort(),
      );
      expect(fromScaffolder).toEqual(fromCli);
      expect(fromCli['.cilium-gitops/manifest.json']).toContain(
        `"cluster": "${name}"`,
      );
    });
  },
);
