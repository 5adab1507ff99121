/**
 * The renderer: (cluster spec, addon catalog) → the cluster's GitOps
 * repository as a sorted file tree, plus writing and diffing it on disk.
 */
import type { AddonCatalog } from '../catalog/types';
import type { ClusterSpec } from '../spec/types';
import { componentRenderers, enabledAddonIds } from './components';
import { type ComponentSet, renderRepoWith } from './renderRepo';
import type { RenderedRepo } from './types';

/** The real component renderers of `render/components/`. */
export const defaultComponents: ComponentSet = {
  renderers: componentRenderers,
  enabledAddonIds,
};

/** Pure and deterministic: the same spec and catalog give byte-identical files. */
export function renderClusterRepo(
  spec: ClusterSpec,
  catalog: AddonCatalog,
): RenderedRepo {
  return renderRepoWith(spec, catalog, defaultComponents);
}

export { renderRepoWith, type ComponentSet } from './renderRepo';
export { writeRenderedRepo, type WriteResult } from './write';
export {
  diffRenderedRepo,
  formatRepoDiff,
  isEmptyDiff,
  type FileChange,
  type RepoDiff,
} from './diff';
export { REGENERATE_COMMAND } from './header';
export { CLUSTER_YAML_PATH, clusterYaml } from './clusterYaml';
export {
  TrafficSplitter,
  renderedRoutes,
  type RenderedRoute,
} from './trafficSplits';
export type {
  ComponentOutput,
  ComponentRenderer,
  KubeObject,
  RenderContext,
  RenderedFile,
  RenderedRepo,
  SecretReference,
} from './types';
