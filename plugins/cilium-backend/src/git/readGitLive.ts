import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ScmIntegrations } from '@backstage/integration';
import {
  ANNOTATION_GITOPS_REPO,
  ArgoRevisionInfo,
  FlowRecord,
  GitLiveResponse,
  GitRouteInfo,
} from '@internal/plugin-cilium-common';
import { ClusterConnection } from '../connections/ClusterConnections';
import { KubeObject } from '../kubernetes/ClusterClient';
import { runSource, SourceResult } from '../sources/runSource';
import { targetsCluster } from '../mapping/argocd';
import {
  argoRevision,
  repoSourceIndex,
  sourcePath,
} from '../mapping/gitRevision';
import { otherSpecManagers } from '../mapping/fieldManagers';
import { readLocalRepo } from './localRepo';
import { readGithubRepo } from './githubRepo';
import { GitHttpRoute, httpRoutesFromGit } from './httpRoutesFromGit';
import { ruleWeights } from './routeWeights';
import { pairRules, routeDrift } from './routeDrift';
import {
  MIN_OBSERVED_FLOWS,
  OBSERVED_WINDOW_SECONDS,
  observedSplit,
} from './observedSplit';
import { RepoSnapshot } from './types';

/** Routes compared per read, and Hubble namespaces asked per read. */
const MAX_ROUTES = 200;
const MAX_FLOW_NAMESPACES = 20;
const FLOWS_PER_NAMESPACE = 1000;

export interface GitLiveOptions {
  integrations: ScmIntegrations;
  timeoutMs: number;
  now?: () => Date;
}

/** The repository URL Argo CD clones, as the repository's catalog-info.yaml names it. */
function catalogRepoUrl(snapshot: RepoSnapshot): string | undefined {
  const file = snapshot.manifests.find(f => f.path === 'catalog-info.yaml');
  if (!file) return undefined;
  try {
    const url = parse(file.text)?.metadata?.annotations?.[
      ANNOTATION_GITOPS_REPO
    ];
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

function readRepo(
  conn: ClusterConnection,
  opts: GitLiveOptions,
  signal: AbortSignal,
) {
  const git = conn.cluster.git!;
  return git.github
    ? readGithubRepo(
        opts.integrations,
        git.github,
        git.branch,
        git.webUrl!,
        signal,
      )
    : readLocalRepo(git.local!, git.branch, signal, git.webUrl);
}

/** The Application that deploys a route: by `status.resources`, else by source path. */
function deployingApp(
  route: GitHttpRoute,
  apps: { app: KubeObject; index: number }[],
): KubeObject | undefined {
  const byResource = apps.find(({ app }) =>
    (Array.isArray(app.status?.resources) ? app.status.resources : []).some(
      (r: any) =>
        r?.kind === 'HTTPRoute' &&
        r?.name === route.name &&
        (!route.namespace || r?.namespace === route.namespace),
    ),
  );
  if (byResource) return byResource.app;
  const dir = path.posix.dirname(route.file);
  return apps.find(({ app, index }) => {
    const p = sourcePath(app, index);
    return p !== undefined && (dir === p || dir.startsWith(`${p}/`));
  })?.app;
}

/**
 * The "Git and live" view of one cluster: its GitOps repository at the
 * head (source `git`), each HTTPRoute there against the route live in the
 * cluster (`httpRoutes`) and the split Hubble observed (`hubble`), and each
 * Argo CD Application's synced revision against the head (`argocd`). Every
 * read has its own timeout; a failed one is an entry of `errors`.
 */
export async function readGitLive(
  conn: ClusterConnection,
  opts: GitLiveOptions,
): Promise<GitLiveResponse> {
  const now = (opts.now ?? (() => new Date()))();
  const { cluster } = conn;
  const response: GitLiveResponse = {
    cluster: cluster.name,
    generatedAt: now.toISOString(),
    routes: [],
    applications: [],
    history: [],
    observedWindowSeconds: OBSERVED_WINDOW_SECONDS,
    minObservedFlows: MIN_OBSERVED_FLOWS,
    errors: [],
  };
  const git = cluster.git;
  if (
    !git ||
    (!git.github && !git.local) ||
    (git.local && !fs.existsSync(path.join(git.local, 'HEAD')))
  ) {
    response.errors.push({
      source: 'git',
      reason: 'not-configured',
      message: git?.local
        ? `No local repository ${path.basename(
            git.local,
          )} yet: publish the cluster with the Cilium cluster template, or set cilium.clusters[].git`
        : `No GitOps repository configured for cluster ${cluster.name} (cilium.clusters[].git)`,
    });
    return response;
  }
  const argo = cluster.argocd;
  const [repo, apps] = await Promise.all([
    runSource('git', opts.timeoutMs, s => readRepo(conn, opts, s)),
    runSource('argocd', opts.timeoutMs, s =>
      conn.argocd
        .list('argoproj.io', 'v1alpha1', 'applications', {
          namespace: argo.namespace,
          labelSelector: argo.labelSelector,
          signal: s,
        })
        .then(items => items.filter(a => targetsCluster(a, argo))),
    ),
  ]);
  if (!apps.ok) response.errors.push(apps.error);
  if (!repo.ok) {
    response.errors.push(repo.error);
    return response;
  }
  const snapshot = repo.value;
  response.repo = snapshot.repo;
  response.history = snapshot.history;

  const urls = [git.github, catalogRepoUrl(snapshot)].filter((u): u is string =>
    Boolean(u),
  );
  const tracking = (apps.ok ? apps.value : [])
    .map(app => ({ app, index: repoSourceIndex(app, urls) }))
    .filter(a => a.index >= 0);
  const revisions = new Map<KubeObject, ArgoRevisionInfo>();
  for (const { app } of tracking) {
    const info = argoRevision(
      app,
      { urls, head: snapshot.repo.head, headTime: snapshot.headTime },
      now,
      argo.baseUrl,
    );
    if (info) revisions.set(app, info);
  }
  response.applications = [...revisions.values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );

  const gitRoutes = httpRoutesFromGit(snapshot.manifests).slice(0, MAX_ROUTES);
  const placed = gitRoutes.map(route => {
    const app = deployingApp(route, tracking);
    const namespace =
      route.namespace ?? app?.spec?.destination?.namespace ?? 'default';
    return { route, app, namespace };
  });
  const [lives, observed] = await Promise.all([
    Promise.all(
      placed.map(({ route, namespace }) =>
        runSource('httpRoutes', opts.timeoutMs, s =>
          conn.kubernetes.customObject(
            'gateway.networking.k8s.io',
            'v1',
            'httproutes',
            namespace,
            route.name,
            { signal: s },
          ),
        ),
      ),
    ),
    observedFlows(conn, [...new Set(placed.map(p => p.namespace))], opts, now),
  ]);
  let liveError = false;
  placed.forEach(({ route, app, namespace }, i) => {
    const live = lives[i];
    const found = live.ok;
    if (!live.ok && live.error.reason !== 'not-found' && !liveError) {
      liveError = true;
      response.errors.push(live.error);
    }
    const liveRules = live.ok
      ? ruleWeights(live.value.spec, namespace)
      : undefined;
    const rules = pairRules(route.rules, liveRules);
    const managers = live.ok ? otherSpecManagers(live.value) : [];
    const info: GitRouteInfo = {
      namespace,
      name: route.name,
      file: route.file,
      rules,
      inSync: false,
    };
    if (app) info.application = app.metadata.name;
    if (managers.length) info.otherManagers = managers;
    if (live.ok || live.error.reason === 'not-found') {
      Object.assign(
        info,
        routeDrift(
          rules,
          found,
          liveRules?.length ?? 0,
          app && revisions.get(app),
          managers,
        ),
      );
    }
    const flows = observed.get(namespace);
    if (flows) {
      const backends = [...new Set(route.rules.flat().map(b => b.name))];
      info.observed = flows.ok
        ? observedSplit(flows.value, namespace, backends)
        : { flows: 0, enough: false, backends: [], error: flows.error };
    }
    response.routes.push(info);
  });
  const hubbleError = [...observed.values()].find(r => !r.ok);
  if (hubbleError && !hubbleError.ok) response.errors.push(hubbleError.error);
  response.routes.sort((a, b) =>
    a.namespace === b.namespace
      ? a.name.localeCompare(b.name)
      : a.namespace.localeCompare(b.namespace),
  );
  return response;
}

/** Recent flows per namespace from Hubble Relay (none when it is not configured). */
async function observedFlows(
  conn: ClusterConnection,
  namespaces: string[],
  opts: GitLiveOptions,
  now: Date,
): Promise<Map<string, SourceResult<FlowRecord[]>>> {
  const out = new Map<string, SourceResult<FlowRecord[]>>();
  const hubble = conn.hubble;
  if (!hubble) return out;
  const since = new Date(
    now.getTime() - OBSERVED_WINDOW_SECONDS * 1000,
  ).toISOString();
  await Promise.all(
    namespaces.slice(0, MAX_FLOW_NAMESPACES).map(async namespace => {
      out.set(
        namespace,
        await runSource('hubble', opts.timeoutMs, signal =>
          hubble.getFlows(
            { namespace, last: FLOWS_PER_NAMESPACE, since },
            { signal },
          ),
        ),
      );
    }),
  );
  return out;
}
