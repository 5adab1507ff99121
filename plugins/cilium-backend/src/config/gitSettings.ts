import path from 'node:path';
import { Config } from '@backstage/config';
import { readLocalPublishConfig } from '@internal/plugin-scaffolder-backend-module-cilium';
import { GitRepoSettings } from './types';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const GITHUB_REPO_URL =
  /^https:\/\/([^/\s]+)\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/;
const BRANCH = /^[A-Za-z0-9._/-]+$/;

/**
 * The folder of the scaffolder's local publish target
 * (`ciliumGitops.localPublish.baseDir`, default `.data/git-repos` at the
 * Backstage root), resolved by the scaffolder module's own reader.
 */
export function localReposDir(config: Config): string {
  return readLocalPublishConfig(config).baseDir;
}

/** `https://host/owner/repo` of a GitHub repository URL, or undefined. */
export function githubWebUrl(url: string): string | undefined {
  const m = GITHUB_REPO_URL.exec(url);
  return m ? `https://${m[1]}/${m[2]}/${m[3]}` : undefined;
}

/**
 * Where a cluster's GitOps repository is read, from `cilium.clusters[].git`:
 *
 * - `url`: a GitHub repository (`https://github.com/<owner>/<repo>[.git]`),
 *   read through the `integrations.github` entry of its host;
 * - `localRepo`: the name of a bare repository of the scaffolder's local
 *   publish target, `<baseDir>/<localRepo>.git`;
 * - neither (or no `git` block): the local repository named after the
 *   cluster, `<baseDir>/<cluster>.git`, which is what the *Cilium cluster*
 *   template publishes. Until it exists the source says it is not configured.
 *
 * Only configuration picks a repository: nothing from a request or an
 * entity becomes a path or a URL.
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
  if (name.length > 63 || !DNS_1123_LABEL.test(name)) {
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
