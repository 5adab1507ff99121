/**
 * The one rule for where a cluster's GitOps repository lives, shared by the
 * Cilium backend's Git-live reader and the `cilium:cluster:change` action.
 */
import path from 'node:path';
import type { Config } from '@backstage/config';
import { isDns1123Label } from '@internal/plugin-cilium-common';

/**
 * The cluster's GitOps repository: a bare repository on the Backstage host
 * (`local`, an absolute path) or a GitHub repository (`github`, its URL).
 */
export interface GitRepoSettings {
  local?: string;
  github?: string;
  branch: string;
  /** Web page of the repository, for commit links (GitHub: derived). */
  webUrl?: string;
  /** True when no `git` block is configured (the default local repository). */
  isDefault: boolean;
}

const GITHUB_REPO_URL =
  /^https:\/\/([^/\s]+)\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/;
const BRANCH = /^[A-Za-z0-9._/-]+$/;

/** Host, owner and repository of a GitHub repository URL, or undefined. */
export function parseGithubRepoUrl(
  url: string,
): { host: string; owner: string; repo: string } | undefined {
  const m = GITHUB_REPO_URL.exec(url);
  return m ? { host: m[1], owner: m[2], repo: m[3] } : undefined;
}

/** `https://host/owner/repo` of a GitHub repository URL, or undefined. */
export function githubWebUrl(url: string): string | undefined {
  const m = parseGithubRepoUrl(url);
  return m ? `https://${m.host}/${m.owner}/${m.repo}` : undefined;
}

/**
 * Where a cluster's GitOps repository is, from `cilium.clusters[].git`:
 *
 * - `url`: a GitHub repository (`https://github.com/<owner>/<repo>[.git]`),
 *   read through the `integrations.github` entry of its host;
 * - `localRepo`: the name of a bare repository of the scaffolder's local
 *   publish target, `<baseDir>/<localRepo>.git`;
 * - neither (or no `git` block): the local repository named after the
 *   cluster, `<baseDir>/<cluster>.git`, which is what the *Cilium cluster*
 *   template publishes.
 *
 * Only configuration picks a repository: nothing from a request or an
 * entity becomes a path or a URL here.
 */
export function gitRepoSettings(
  cluster: string,
  git: Config | undefined,
  reposDir: string,
): GitRepoSettings {
  const field = `cilium.clusters[${cluster}].git`;
  const branch = git?.getOptionalString('branch') ?? 'main';
  if (!BRANCH.test(branch) || branch.includes('..')) {
    throw new Error(`${field}.branch: '${branch}' is not a branch name`);
  }
  const url = git?.getOptionalString('url');
  const localRepo = git?.getOptionalString('localRepo');
  if (url && localRepo) {
    throw new Error(`${field}: set either url or localRepo, not both`);
  }
  const webUrl = git?.getOptionalString('webUrl')?.replace(/\/+$/, '');
  if (url) {
    const derived = githubWebUrl(url);
    if (!derived) {
      throw new Error(
        `${field}.url: '${url}' is not a GitHub repository URL (https://<host>/<owner>/<repo>[.git])`,
      );
    }
    return {
      github: url,
      branch,
      webUrl: webUrl ?? derived,
      isDefault: false,
    };
  }
  const name = localRepo ?? cluster;
  if (!isDns1123Label(name)) {
    // A cluster whose name cannot be a repository name has no default one.
    if (!localRepo) return { branch, isDefault: !git };
    throw new Error(
      `${field}.localRepo: '${name}' is not a DNS-1123 label (the repository is <ciliumGitops.localPublish.baseDir>/<localRepo>.git)`,
    );
  }
  return {
    local: path.join(reposDir, `${name}.git`),
    branch,
    ...(webUrl ? { webUrl } : {}),
    isDefault: !git,
  };
}

/**
 * The repository the root configuration names for a cluster: its
 * `cilium.clusters[name=<cluster>].git` block read by {@link gitRepoSettings},
 * or undefined when the cluster has no `git` block (then the default local
 * repository `<baseDir>/<cluster>.git` applies).
 */
export function configuredClusterRepo(
  config: Config,
  cluster: string,
  reposDir: string,
): GitRepoSettings | undefined {
  const entry = (config.getOptionalConfigArray('cilium.clusters') ?? []).find(
    c => c.getOptionalString('name') === cluster,
  );
  const git = entry?.getOptionalConfig('git');
  return git ? gitRepoSettings(cluster, git, reposDir) : undefined;
}
