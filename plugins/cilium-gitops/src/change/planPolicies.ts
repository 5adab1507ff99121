/**
 * Planning a `policies` change. The rule of the policy directory:
 * `manifests/policies/<namespace>/` holds exactly the latest proposal for that
 * namespace, one `<policy-name>.yaml` per CiliumNetworkPolicy. A policy of
 * the proposal replaces the file of the same name; a file there whose policy
 * is not in the proposal is removed. The Argo CD Application
 * `policies-<namespace>` (in `apps/`, which the root Application syncs) is
 * written when it is missing and left as it is when it exists.
 *
 * These files are not rendered from `cluster.yaml` and do not carry the
 * renderer's "Generated" header, so a re-render (any other change) keeps them.
 */
import { parseDocument } from 'yaml';
import type { AddonCatalog } from '../catalog/types';
import { applicationObject, needsSkipDryRun } from '../render/application';
import { projectName, projectPath } from '../render/projects';
import { objectYaml } from '../render/yaml';
import type { KubeObject } from '../render/types';
import type { ClusterSpec } from '../spec/types';
import { diffSummary, filePatch } from './patch';
import { type PolicyChange, parsePolicyChange } from './policies';
import { ChangeError } from './ChangeError';
import type { ChangedFile, PolicySetPlan } from './types';

export const POLICIES_DIR = 'manifests/policies';

export function policyDir(namespace: string): string {
  return `${POLICIES_DIR}/${namespace}`;
}

export function policyApplicationName(namespace: string): string {
  return `policies-${namespace}`;
}

export function policyApplicationPath(namespace: string): string {
  // The root Application syncs `apps/` as a plain directory (not recursive).
  return `apps/${policyApplicationName(namespace)}.yaml`;
}

function header(change: PolicyChange, lines: string[]): string {
  return `${[
    `Proposed CiliumNetworkPolicies of namespace ${change.namespace}, written by cilium-gitops change (policies).`,
    ...lines,
  ]
    .map(l => `# ${l}`)
    .join('\n')}\n`;
}

function policyFile(change: PolicyChange, policy: KubeObject): string {
  return `${header(change, [
    `${policyDir(
      change.namespace,
    )}/ holds exactly the latest proposal: the next one replaces this file or removes it.`,
  ])}${objectYaml(policy)}`;
}

/** Namespaces the apps AppProject may deploy to, from the repository at head. */
function appsProjectNamespaces(
  files: ReadonlyMap<string, string>,
): string[] | undefined {
  const text = files.get(projectPath('apps'));
  if (text === undefined) return undefined;
  const project = parseDocument(text).toJS() as {
    spec?: { destinations?: { namespace?: string }[] };
  };
  return (project?.spec?.destinations ?? []).map(d => String(d.namespace));
}

/** After every Application of the apps project: the workloads and their namespaces exist. */
function policyWave(catalog: AddonCatalog): number {
  const waves = Object.values(catalog.addons)
    .filter(a => a.project === 'apps')
    .map(a => a.syncWave);
  return Math.max(0, ...waves) + 1;
}

function applicationFile(
  spec: ClusterSpec,
  change: PolicyChange,
  catalog: AddonCatalog,
): string {
  const app = applicationObject({
    spec,
    name: policyApplicationName(change.namespace),
    project: projectName(spec, 'apps'),
    namespace: change.namespace,
    syncWave: policyWave(catalog),
    finalizer: true,
    sources: [
      {
        repoURL: spec.spec.gitops.repoURL,
        targetRevision: spec.spec.gitops.targetRevision,
        path: policyDir(change.namespace),
      },
    ],
    // No CreateNamespace: policies belong to a namespace an app already
    // creates; the cilium.io CRDs come from the Cilium agent, not a manifest.
    syncOptions: needsSkipDryRun(change.policies as KubeObject[])
      ? ['SkipDryRunOnMissingResource=true']
      : [],
  });
  return `${header(change, [
    `Created with the first proposal for ${
      change.namespace
    } and left as it is afterwards; it syncs ${policyDir(change.namespace)}/.`,
  ])}${objectYaml(app)}`;
}

export interface PolicyPlan {
  files: ChangedFile[];
  writes: Map<string, string | null>;
  summary: string;
  diff: string;
  unchanged: boolean;
  policies: PolicySetPlan;
}

export function planPolicies(
  files: ReadonlyMap<string, string>,
  input: unknown,
  spec: ClusterSpec,
  catalog: AddonCatalog,
): PolicyPlan {
  const change = parsePolicyChange(input);
  const { namespace } = change;
  const namespaces = appsProjectNamespaces(files);
  if (namespaces === undefined)
    throw new ChangeError([
      {
        path: 'namespace',
        message: `the repository has no ${projectPath(
          'apps',
        )} (no demo or tenant app is enabled), so no Argo CD project may deploy policies; enable the app of ${namespace} first`,
      },
    ]);
  if (!namespaces.includes(namespace))
    throw new ChangeError([
      {
        path: 'namespace',
        message: `${namespace} is not a destination of the AppProject ${projectName(
          spec,
          'apps',
        )} (${
          namespaces.join(', ') || 'none'
        }), so Argo CD would refuse to sync its policies`,
      },
    ]);

  const dir = policyDir(namespace);
  const wanted = new Map<string, string>();
  for (const policy of [...change.policies].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : 1,
  ))
    wanted.set(
      `${dir}/${policy.metadata.name}.yaml`,
      policyFile(change, policy as KubeObject),
    );
  const appPath = policyApplicationPath(namespace);
  const created = !files.has(appPath);
  if (created) wanted.set(appPath, applicationFile(spec, change, catalog));

  const plan: PolicySetPlan = {
    namespace,
    dir,
    application: {
      name: policyApplicationName(namespace),
      path: appPath,
      created,
    },
    added: [],
    replaced: [],
    removed: [],
    unchanged: [],
  };
  const nameOf = (path: string) => path.slice(dir.length + 1, -'.yaml'.length);
  const changed: ChangedFile[] = [];
  const writes = new Map<string, string | null>();
  for (const [path, content] of wanted) {
    const old = files.get(path);
    const isPolicy = path !== appPath;
    if (old === content) {
      if (isPolicy) plan.unchanged.push(nameOf(path));
      continue;
    }
    if (isPolicy)
      (old === undefined ? plan.added : plan.replaced).push(nameOf(path));
    changed.push(filePatch(path, old, content));
    writes.set(path, content);
  }
  for (const [path, content] of files) {
    if (!path.startsWith(`${dir}/`) || wanted.has(path)) continue;
    if (path.endsWith('.yaml') && !path.slice(dir.length + 1).includes('/'))
      plan.removed.push(nameOf(path));
    changed.push(filePatch(path, content, undefined));
    writes.set(path, null);
  }
  // Code-point order, like the renderer's file lists.
  changed.sort((a, b) => Number(a.path > b.path) - Number(a.path < b.path));
  return {
    files: changed,
    writes,
    summary: changed.length ? diffSummary(changed) : 'no changes',
    diff: changed.map(f => f.patch).join(''),
    unchanged: changed.length === 0,
    policies: plan,
  };
}
