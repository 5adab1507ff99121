import {
  loadAddonCatalog,
  renderClusterRepo,
  renderIssues,
  validateClusterSpec,
} from '@internal/cilium-gitops';
import type { ClusterSpec } from '@internal/cilium-gitops';
import type { RenderedRepo } from '@internal/cilium-gitops';
import type { SpecIssueLike } from './specIssues';

export type SpecCheck =
  | { ok: true; spec: ClusterSpec }
  | { ok: false; issues: SpecIssueLike[] };

/**
 * The actions' one door to `@internal/cilium-gitops`: validate a spec
 * against the addon catalog, render it. Pure; writing is the actions' job.
 */
export interface ClusterRenderer {
  validate(doc: unknown): Promise<SpecCheck>;
  render(spec: ClusterSpec): Promise<RenderedRepo>;
}

export interface ClusterRendererOptions {
  /** Addon catalog folder; default: the renderer's own `addons/`. */
  addonCatalogDir?: string;
}

export function createClusterRenderer(
  options: ClusterRendererOptions = {},
): ClusterRenderer {
  // Read per call: a chart bump in the catalog needs no backend restart.
  const catalog = async () => loadAddonCatalog(options.addonCatalogDir);
  return {
    async validate(doc) {
      const loaded = await catalog();
      const result = validateClusterSpec(doc, {
        ciliumVersions: loaded.ciliumVersions,
      });
      if (!result.ok) return result;
      // Rules only a render can check: traffic split routes and backends.
      const issues = renderIssues(result.spec, loaded);
      return issues.length ? { ok: false, issues } : result;
    },
    async render(spec) {
      return renderClusterRepo(spec, await catalog());
    },
  };
}
