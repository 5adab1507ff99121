/**
 * The addon catalog: one folder per component under `addons/`, read as
 * data. Bumping a chart is a one-line change in that folder's `addon.yaml`.
 */

/** Where a Helm chart comes from. */
export interface HelmChartSource {
  repoURL: string;
  chart: string;
  version: string;
}

/** A directory of manifests in a Git repository. */
export interface GitDirectorySource {
  repoURL: string;
  path: string;
  targetRevision: string;
  /**
   * The directory is a Helm chart (e.g. jobs-app): its Application gets
   * `helm.valueFiles` from `values/<id>.yaml` like a chart-repository addon.
   */
  helmChart?: boolean;
}

/**
 * `addons/<id>/addon.yaml`. Values that depend on the Cilium minor
 * (Gateway API CRD version, v2 vs v2alpha1 APIs) live under `pins`.
 */
export interface AddonEntry {
  /** Folder name; also the Argo CD Application name and the values file name. */
  id: string;
  description: string;
  /** Namespace the component is installed into. */
  namespace: string;
  /** `argocd.argoproj.io/sync-wave` of its Application. */
  syncWave: number;
  /** A Helm chart. */
  chart?: HelmChartSource;
  /**
   * A directory in another Git repository (e.g. the Gateway API CRDs at a
   * tag). With neither `chart` nor `git`, the component is plain manifests
   * rendered into `manifests/<id>/` of the cluster repository.
   */
  git?: GitDirectorySource;
  /** Helm release name; defaults to `id`. */
  releaseName?: string;
  /** Extra Argo CD sync options, e.g. `ServerSideApply=true`. */
  syncOptions: string[];
  /**
   * Pins per supported Cilium minor (`"1.18"`, `"1.19"`, `"1.20"`), free-form
   * string values read by the component renderers (e.g. `gatewayApiVersion`).
   */
  pins: Record<string, Record<string, string>>;
  /** `addons/<id>/values.yaml`: default Helm values, merged under the rendered ones. */
  defaultValues: Record<string, unknown>;
  /** Argo CD project the addon's Application belongs to. */
  project: 'platform' | 'apps';
  /** Cluster-scoped kinds (`<group>/<Kind>`, `core` for the core group) an `apps` addon creates. */
  clusterResources: string[];
}

export interface AddonCatalog {
  /** Cilium patch versions pinned per supported minor, newest last. */
  ciliumVersions: Record<string, string[]>;
  addons: Record<string, AddonEntry>;
}
