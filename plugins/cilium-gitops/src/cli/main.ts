/**
 * Entry point of `yarn cilium-gitops <command>` (root script: `tsx
 * plugins/cilium-gitops/src/cli/main.ts`). Yarn runs root scripts in the
 * repository root, so relative paths resolve against `INIT_CWD`, the folder
 * the user ran yarn in.
 */
import { loadAddonCatalog } from '../catalog';
import { defaultComponents } from '../render';
import { runCli } from './run';

export function main(argv = process.argv.slice(2)): Promise<number> {
  return runCli(argv, {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    cwd: process.env.INIT_CWD ?? process.cwd(),
    loadCatalog: () => loadAddonCatalog(),
    components: () => defaultComponents,
  });
}

if (require.main === module) {
  main().then(code => {
    process.exitCode = code;
  });
}
