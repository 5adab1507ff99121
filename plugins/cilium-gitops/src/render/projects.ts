/**
 * One Argo CD AppProject per kind of workload in this cluster repository,
 * instead of `project: default`: `<cluster>-platform` (Argo CD, CRDs, Cilium,
 * cert-manager, observability, ...) and `<cluster>-apps` (the demo apps).
 * Both only take sources from this repository and the upstream repositories
 * the catalog pins, and only deploy to this cluster (Argo CD runs in it:
 * `https://kubernetes.default.svc`). Fields after
 * https://argo-cd.readthedocs.io/en/stable/user-guide/projects/ (sourceRepos,
 * destinations, clusterResourceWhitelist).
 *
 * The platform project may create any cluster-scoped kind and use any
 * namespace of the cluster: its charts install CRDs, webhooks, cluster roles,
 * LB-IPAM pools and BGP objects, and write into namespaces they do not own
 * (`cilium-secrets`, kube-system, the dashboards in monitoring). The apps
 * project is narrow: only its addons' namespaces, and only the cluster-scoped
 * kinds the catalog lists for them (`clusterResources`) plus Namespace.
 */
import type { AddonCatalog, AddonEntry } from '../catalog/types';
import type { ClusterSpec } from '../spec/types';
import { ARGOCD_NAMESPACE, IN_CLUSTER } from './application';
import type { KubeObject } from './types';

export type ProjectKind = AddonEntry['project'];

/** Sync wave of the AppProjects: before every Application that names them. */
const PROJECT_WAVE = -10;

export function projectName(spec: ClusterSpec, kind: ProjectKind): string {
  return `${spec.metadata.name}-${kind}`;
}

export function projectPath(kind: ProjectKind): string {
  return `apps/appproject-${kind}.yaml`;
}

function sourceReposOf(spec: ClusterSpec, addons: AddonEntry[]): string[] {
  const repos = new Set([spec.spec.gitops.repoURL]);
  for (const addon of addons) {
    if (addon.chart) repos.add(addon.chart.repoURL);
    if (addon.git) repos.add(addon.git.repoURL);
  }
  return [...repos].sort();
}

function groupKind(entry: string): { group: string; kind: string } {
  const [group, kind] = entry.split('/');
  return { group: group === 'core' ? '' : group, kind };
}

function appProject(
  spec: ClusterSpec,
  kind: ProjectKind,
  addons: AddonEntry[],
): KubeObject {
  const platform = kind === 'platform';
  const namespaces = platform
    ? ['*']
    : [...new Set(addons.map(a => a.namespace))].sort();
  const clusterKinds = platform
    ? [{ group: '*', kind: '*' }]
    : [
        { group: '', kind: 'Namespace' },
        ...[...new Set(addons.flatMap(a => a.clusterResources))]
          .sort()
          .map(groupKind),
      ];
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: projectName(spec, kind),
      namespace: ARGOCD_NAMESPACE,
      labels: {
        'app.kubernetes.io/managed-by': 'cilium-gitops',
        'app.kubernetes.io/part-of': spec.metadata.name,
      },
      annotations: { 'argocd.argoproj.io/sync-wave': String(PROJECT_WAVE) },
    },
    spec: {
      description: platform
        ? `Platform components of cluster ${spec.metadata.name}`
        : `Demo and tenant apps of cluster ${spec.metadata.name}`,
      sourceRepos: sourceReposOf(spec, addons),
      destinations: namespaces.map(namespace => ({
        server: IN_CLUSTER,
        namespace,
      })),
      clusterResourceWhitelist: clusterKinds,
    },
  };
}

/** The AppProjects of the enabled addons, by repository path (platform first). */
export function appProjects(
  spec: ClusterSpec,
  catalog: AddonCatalog,
  enabledIds: string[],
): { kind: ProjectKind; path: string; object: KubeObject }[] {
  const addons = enabledIds.map(id => catalog.addons[id]).filter(Boolean);
  return (['platform', 'apps'] as const)
    .map(kind => ({ kind, members: addons.filter(a => a.project === kind) }))
    .filter(({ kind, members }) => kind === 'platform' || members.length > 0)
    .map(({ kind, members }) => ({
      kind,
      path: projectPath(kind),
      object: appProject(spec, kind, members),
    }));
}
