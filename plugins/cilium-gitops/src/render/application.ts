/**
 * One Argo CD Application per addon: sync wave from the catalog, automated
 * prune/self-heal, multi-source Helm with values from this repository
 * (`ref: values`), Git directory sources, and `manifests/<id>`.
 */
import { resolveAddonSources } from '../catalog/resolveAddonSources';
import type { AddonEntry } from '../catalog/types';
import type { ClusterSpec } from '../spec/types';
import type { ComponentOutput, KubeObject } from './types';

export const ARGOCD_NAMESPACE = 'argocd';
export const IN_CLUSTER = 'https://kubernetes.default.svc';
const FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/** API groups served by Kubernetes itself; any other group is a custom resource. */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'apiextensions.k8s.io',
  'admissionregistration.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'apiregistration.k8s.io',
  'flowcontrol.apiserver.k8s.io',
]);

function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** Does the manifest set hold custom resources whose CRDs it does not define itself? */
export function needsSkipDryRun(manifests: KubeObject[]): boolean {
  const definedGroups = new Set(
    manifests
      .filter(m => m.kind === 'CustomResourceDefinition')
      .map(m =>
        String((m.spec as { group?: string } | undefined)?.group ?? ''),
      ),
  );
  return manifests.some(m => {
    const group = apiGroup(m.apiVersion);
    return !BUILT_IN_GROUPS.has(group) && !definedGroups.has(group);
  });
}

export function valuesPath(id: string): string {
  return `values/${id}.yaml`;
}

export function manifestsDir(id: string): string {
  return `manifests/${id}`;
}

export interface ApplicationInput {
  spec: ClusterSpec;
  addon: AddonEntry;
  ciliumVersion: string;
  output: ComponentOutput;
  /** Did the component render manifests into `manifests/<id>/`? */
  hasManifests: boolean;
  /** The AppProject of the addon (see `projects.ts`). */
  project: string;
}

/** Does the addon install a Helm chart (from a chart repository or a Git directory)? */
export function takesHelmValues(addon: AddonEntry): boolean {
  return !!addon.chart || !!addon.git?.helmChart;
}

function sourcesOf(input: ApplicationInput): Record<string, unknown>[] {
  const { spec, addon, ciliumVersion, hasManifests } = input;
  const repo = {
    repoURL: spec.spec.gitops.repoURL,
    targetRevision: spec.spec.gitops.targetRevision,
  };
  const helm = {
    releaseName: addon.releaseName ?? addon.id,
    valueFiles: [`$values/${valuesPath(addon.id)}`],
  };
  const sources: Record<string, unknown>[] = resolveAddonSources(
    addon,
    ciliumVersion,
  ).map(source =>
    source.type === 'chart'
      ? {
          repoURL: source.repoURL,
          chart: source.chart,
          targetRevision: source.version,
          helm,
        }
      : {
          repoURL: source.repoURL,
          targetRevision: source.targetRevision,
          path: source.path,
          ...(source.include && { directory: { include: source.include } }),
          ...(source.helmChart && { helm }),
        },
  );
  if (hasManifests) sources.push({ ...repo, path: manifestsDir(addon.id) });
  if (takesHelmValues(addon)) sources.push({ ...repo, ref: 'values' });
  return sources;
}

function syncOptionsOf(input: ApplicationInput): string[] {
  const { addon, output } = input;
  const options = ['CreateNamespace=true', ...addon.syncOptions];
  if (needsSkipDryRun(output.manifests ?? []))
    options.push('SkipDryRunOnMissingResource=true');
  if (output.ignoreDifferences?.length)
    options.push('RespectIgnoreDifferences=true');
  return [...new Set(options)];
}

export function buildApplication(input: ApplicationInput): KubeObject {
  const { spec, addon, output } = input;
  const sources = sourcesOf(input);
  if (sources.length === 0) {
    throw new Error(
      `addon ${addon.id} renders nothing: no chart, no git source, no manifests`,
    );
  }
  return applicationObject({
    spec,
    name: addon.id,
    project: input.project,
    namespace: addon.namespace,
    syncWave: addon.syncWave,
    // No cascading delete for Argo CD's own Application: deleting it (or
    // the root) must not uninstall the Argo CD that is doing the deleting.
    finalizer: addon.id !== 'argo-cd',
    sources,
    syncOptions: syncOptionsOf(input),
    ignoreDifferences: output.ignoreDifferences,
  });
}

/** What sets one Application apart from another; the rest is the same for all. */
export interface ApplicationParts {
  spec: ClusterSpec;
  name: string;
  project: string;
  /** Destination namespace. */
  namespace: string;
  syncWave: number;
  /** Cascading delete (`resources-finalizer.argocd.argoproj.io`). */
  finalizer: boolean;
  sources: Record<string, unknown>[];
  syncOptions: string[];
  ignoreDifferences?: ComponentOutput['ignoreDifferences'];
}

/**
 * The one shape of every Application in the repository: labels, sync wave,
 * automated prune/self-heal and the retry policy. Used for the addons and for
 * the Applications a change adds (e.g. `policies-<namespace>`).
 */
export function applicationObject(parts: ApplicationParts): KubeObject {
  const { spec, sources, ignoreDifferences } = parts;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: parts.name,
      namespace: ARGOCD_NAMESPACE,
      labels: {
        'app.kubernetes.io/managed-by': 'cilium-gitops',
        'app.kubernetes.io/part-of': spec.metadata.name,
      },
      annotations: { 'argocd.argoproj.io/sync-wave': String(parts.syncWave) },
      ...(parts.finalizer && { finalizers: [FINALIZER] }),
    },
    spec: {
      project: parts.project,
      destination: { server: IN_CLUSTER, namespace: parts.namespace },
      ...(sources.length === 1 ? { source: sources[0] } : { sources }),
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: parts.syncOptions,
        retry: {
          limit: 10,
          backoff: { duration: '10s', factor: 2, maxDuration: '5m' },
        },
      },
      ...(ignoreDifferences?.length && { ignoreDifferences }),
    },
  };
}
