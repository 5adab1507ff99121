import type { AddonCatalog, AddonEntry } from './types';

/** The addon whose chart version is the spec's Cilium version. */
export const CILIUM_ADDON_ID = 'cilium';

/** A Helm chart at a version, as an Argo CD Application source. */
export interface ResolvedChartSource {
  type: 'chart';
  repoURL: string;
  chart: string;
  version: string;
}

/** A directory of a Git repository, optionally filtered by a glob (`directory.include`). */
export interface ResolvedGitSource {
  type: 'git';
  repoURL: string;
  path: string;
  targetRevision: string;
  include?: string;
  /** The directory is a Helm chart: give it `helm.valueFiles` like a chart source. */
  helmChart?: boolean;
}

export type ResolvedAddonSource = ResolvedChartSource | ResolvedGitSource;

/**
 * The upstream sources of an addon's Application for one Cilium version, with
 * the pins applied:
 * - the `cilium` chart follows the spec's Cilium version;
 * - pin `chartVersion` overrides `chart.version`;
 * - pin `targetRevision` overrides `git.targetRevision`;
 * - pins `extraGitPath` (+ `extraGitInclude`) add a second directory source in
 *   the same repository and revision (e.g. the experimental TLSRoute CRD).
 * An addon made only of rendered manifests has no upstream source: `[]`.
 */
export function resolveAddonSources(
  addon: AddonEntry,
  ciliumVersion: string,
): ResolvedAddonSource[] {
  const pins = addon.pins[ciliumMinorOf(ciliumVersion)] ?? {};
  const sources: ResolvedAddonSource[] = [];
  if (addon.chart) {
    sources.push({
      type: 'chart',
      repoURL: addon.chart.repoURL,
      chart: addon.chart.chart,
      version:
        addon.id === CILIUM_ADDON_ID
          ? ciliumVersion
          : pins.chartVersion ?? addon.chart.version,
    });
  }
  if (addon.git) {
    const targetRevision = pins.targetRevision ?? addon.git.targetRevision;
    const main: ResolvedGitSource = {
      type: 'git',
      repoURL: addon.git.repoURL,
      path: addon.git.path,
      targetRevision,
    };
    if (addon.git.helmChart) main.helmChart = true;
    sources.push(main);
    if (pins.extraGitPath) {
      const extra: ResolvedGitSource = {
        type: 'git',
        repoURL: addon.git.repoURL,
        path: pins.extraGitPath,
        targetRevision,
      };
      if (pins.extraGitInclude) extra.include = pins.extraGitInclude;
      sources.push(extra);
    }
  }
  return sources;
}

/** `1.20.3` → `1.20`; `1.20` → `1.20`. */
export function ciliumMinorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/**
 * The Cilium patch a spec version means: `1.20` is the newest pinned `1.20.x`;
 * a full patch is returned as is. Throws for a minor the catalog does not pin.
 */
export function resolveCiliumVersion(
  version: string,
  catalog: AddonCatalog,
): string {
  const patches = catalog.ciliumVersions[ciliumMinorOf(version)];
  if (!patches || patches.length === 0) {
    throw new Error(
      `Cilium ${version} is not pinned in the addon catalog (minors: ${Object.keys(
        catalog.ciliumVersions,
      ).join(', ')})`,
    );
  }
  return version.split('.').length === 2
    ? patches[patches.length - 1]
    : version;
}
