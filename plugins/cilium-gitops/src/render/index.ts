/**
 * The renderer: (cluster spec, addon catalog) → the cluster's GitOps
 * repository as a sorted file tree, plus writing and diffing it on disk.
 */
import type { AddonCatalog } from '../catalog/types';
import { ClusterSpecError } from '../spec/errors';
import type { ClusterSpec, SpecIssue } from '../spec/types';
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
export { repoTree } from './manifest';
export { walkFiles, type WalkFilesOptions } from './walkFiles';
export {
  diffRenderedRepo,
  formatRepoDiff,
  isEmptyDiff,
  type FileChange,
  type RepoDiff,
} from './diff';
export { REGENERATE_COMMAND } from './header';
export { CLUSTER_YAML_PATH, clusterYaml } from './clusterYaml';
export { TrafficSplitter, renderedRoutes } from './trafficSplits';
export type {
  ComponentOutput,
  ComponentRenderer,
  KubeObject,
  RenderContext,
  RenderedFile,
  RenderedRepo,
  RenderedRoute,
  SecretReference,
} from './types';

/**
 * The rules only a render can check (a `spec.traffic.splits` route and its
 * backends must be rendered), as issues; `[]` when the spec renders.
 */
export function renderIssues(
  spec: ClusterSpec,
  catalog: AddonCatalog,
  components: ComponentSet = defaultComponents,
): SpecIssue[] {
  try {
    renderRepoWith(spec, catalog, components);
    return [];
  } catch (error) {
    if (error instanceof ClusterSpecError) return error.issues;
    throw error;
  }
}
