/**
 * The change pipeline shared by the CLI and the scaffolder: the repository's
 * files at its head → `cluster.yaml` → apply one change → validate → render
 * → diff against the files at head. Pure: reading and writing are the
 * callers' (a folder, a bare repository, GitHub).
 */
import { parseAllDocuments } from 'yaml';
import type { AddonCatalog } from '../catalog/types';
import { defaultComponents } from '../render';
import { CLUSTER_YAML_PATH } from '../render/clusterYaml';
import { isGenerated } from '../render/existing';
import { MANIFEST_PATH, repoTree } from '../render/manifest';
import type { ComponentSet } from '../render/renderRepo';
import { renderRepoWith } from '../render/renderRepo';
import { renderedRoutes } from '../render/trafficSplits';
import type { KubeObject, RenderedRepo } from '../render/types';
import { ClusterSpecError } from '../spec/errors';
import { validateClusterSpec, validateClusterSpecYaml } from '../spec/parse';
import type { ClusterSpec, SpecIssue } from '../spec/types';
import { applyChange } from './apply';
import { diffSummary, filePatch } from './patch';
import { planPolicies } from './planPolicies';
import type { DescriptionSection } from './policies';
import { ChangeError } from './ChangeError';
import type {
  ChangedFile,
  ClusterChange,
  PolicySetPlan,
  SplitBeforeAfter,
} from './types';

export interface ChangePlan {
  before: ClusterSpec;
  after: ClusterSpec;
  /** The re-rendered repository; none for a `policies` change (it renders nothing). */
  repo?: RenderedRepo;
  /** Files the change adds, modifies or removes, sorted by path. */
  files: ChangedFile[];
  /** Every file's patch, one after the other. */
  diff: string;
  /** `N files changed, …` (git's summary line), or `no changes`. */
  summary: string;
  /** The change renders the same bytes: nothing to write. */
  unchanged: boolean;
  /** What to write: path → new content, or `null` to delete. */
  writes: Map<string, string | null>;
  /** For a split: the route's weights before and after. */
  split?: SplitBeforeAfter;
  /** For a `policies` change: what it writes, and the caller's description sections. */
  policies?: PolicySetPlan;
  sections?: DescriptionSection[];
}

export interface PlanOptions {
  catalog: AddonCatalog;
  components?: ComponentSet;
}

function refuseWith(issues: SpecIssue[]): never {
  throw new ChangeError(issues);
}

/** The spec at head, from `cluster.yaml`; a clear error when it is missing or invalid. */
export function specAtHead(
  files: ReadonlyMap<string, string>,
  catalog: AddonCatalog,
): ClusterSpec {
  const text = files.get(CLUSTER_YAML_PATH);
  if (text === undefined)
    refuseWith([
      {
        path: CLUSTER_YAML_PATH,
        message:
          'the repository has no cluster.yaml at its root, so there is no spec to change; render it once with `yarn cilium-gitops render <spec.yaml> --out <repo dir>` and commit it',
      },
    ]);
  const result = validateClusterSpecYaml(text, {
    ciliumVersions: catalog.ciliumVersions,
  });
  if (!result.ok)
    refuseWith(
      result.issues.map(i => ({
        path: i.path,
        message: `${i.message} (in the repository's cluster.yaml, before the change)`,
      })),
    );
  return result.spec;
}

function routeWeights(
  content: string | undefined,
  route: string,
): Record<string, number> | undefined {
  if (content === undefined) return undefined;
  const objects = parseAllDocuments(content)
    .map(d => d.toJS())
    .filter(o => o && typeof o === 'object') as KubeObject[];
  return renderedRoutes(objects).find(r => r.route === route)?.weights;
}

function splitBeforeAfter(
  route: string,
  files: ReadonlyMap<string, string>,
  repo: RenderedRepo,
): SplitBeforeAfter {
  const after = repo.routes?.find(r => r.route === route)?.weights ?? {};
  const [namespace, name] = route.split('/');
  // The file that holds the route now held it before too (paths are stable).
  const holder = repo.files.find(
    f =>
      f.content.includes('kind: HTTPRoute') &&
      f.content.includes(`name: ${name}`) &&
      f.content.includes(`namespace: ${namespace}`),
  );
  const before = routeWeights(holder && files.get(holder.path), route) ?? {};
  return { route, before, after };
}

export function planChange(
  files: ReadonlyMap<string, string>,
  change: ClusterChange,
  options: PlanOptions,
): ChangePlan {
  const { catalog, components = defaultComponents } = options;
  const before = specAtHead(files, catalog);
  if (change.kind === 'policies') {
    // Validated inside (zod): the input may come from a form or a file.
    const { policies, ...rest } = planPolicies(files, change, before, catalog);
    return {
      before,
      after: before,
      ...rest,
      policies,
      sections: change.sections ?? [],
    };
  }
  const doc = applyChange(before, change);
  const result = validateClusterSpec(doc, {
    ciliumVersions: catalog.ciliumVersions,
  });
  if (!result.ok) refuseWith(result.issues);
  const after = result.spec;
  let repo: RenderedRepo;
  try {
    repo = renderRepoWith(after, catalog, components);
  } catch (error) {
    if (error instanceof ClusterSpecError) refuseWith(error.issues);
    throw error;
  }

  const changed: ChangedFile[] = [];
  const writes = new Map<string, string | null>();
  const rendered = new Set<string>();
  // A repository with a render manifest keeps it listing what is rendered.
  const tree = files.has(MANIFEST_PATH)
    ? repoTree(repo, after.metadata.name)
    : repo.files;
  for (const file of tree) {
    rendered.add(file.path);
    const old = files.get(file.path);
    if (old === file.content) continue;
    changed.push(filePatch(file.path, old, file.content));
    writes.set(file.path, file.content);
  }
  for (const [path, content] of files) {
    if (rendered.has(path) || !isGenerated(content)) continue;
    changed.push(filePatch(path, content, undefined));
    writes.set(path, null);
  }
  // paths are unique: code-unit order, as git lists them
  changed.sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    before,
    after,
    repo,
    files: changed,
    diff: changed.map(f => f.patch).join(''),
    summary: changed.length ? diffSummary(changed) : 'no changes',
    unchanged: changed.length === 0,
    writes,
    split:
      change.kind === 'split'
        ? splitBeforeAfter(change.route, files, repo)
        : undefined,
  };
}
