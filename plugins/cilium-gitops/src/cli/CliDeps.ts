import type { AddonCatalog } from '../catalog/types';
import type { ComponentSet } from '../render/renderRepo';

/** What the CLI's commands get from outside: output, cwd, catalog, renderers. */
export interface CliDeps {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Called at most once per command. */
  loadCatalog(): AddonCatalog;
  /** The renderers of render and diff; render-fleet's workers use the real ones. */
  components(): ComponentSet;
}
