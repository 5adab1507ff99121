/**
 * Where a cluster's repository lives, in this order (the first two are the
 * Git-live reader's rule, `clusterRepo.ts`, so the page shows the repository
 * a change goes to):
 *
 * 1. `cilium.clusters[name=<cluster>].git` in the configuration (`url` or
 *    `localRepo`; a block with neither names `<baseDir>/<cluster>.git`);
 * 2. the default local repository `<baseDir>/<cluster>.git`, when it exists;
 * 3. from the catalog entity, for clusters the configuration does not
 *    place: the local bare repository it was published to
 *    (`catalog-info.yaml` registered from `/local-repos/<name>/`), or the
 *    GitHub repository of its `cilium-gitops/repo-url` annotation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GITOPS_REPO,
  CLUSTER_ENTITY_TYPE,
  DNS_1123_LABEL_PATTERN,
  clusterNameOf,
  isClusterEntity,
} from '@internal/plugin-cilium-common';
import { bareRepoPath } from '../local/repoName';
import { configuredClusterRepo, parseGithubRepoUrl } from './clusterRepo';

export type ClusterTarget = (
  | { kind: 'local'; clusterName?: string; repoName: string; gitdir: string }
  | {
      kind: 'github';
      clusterName: string;
      host: string;
      owner: string;
      repo: string;
      /** `publish:github:pull-request`'s `repoUrl`: `github.com?owner=o&repo=r`. */
      repoUrl: string;
    }
) & {
  /** `cilium.clusters[].git.branch` (default `main`) when the configuration places the repository. */
  branch?: string;
};

const LOCAL_LOCATION = new RegExp(
  `/local-repos/(${DNS_1123_LABEL_PATTERN.slice(1, -1)})/`,
);
const GITHUB =
  /^https:\/\/(github\.com|[^/]*github[^/]*)\/([^/]+)\/([^/]+?)(\.git)?\/?$/;

function githubTarget(
  clusterName: string,
  host: string,
  owner: string,
  repo: string,
): ClusterTarget {
  return {
    kind: 'github',
    clusterName,
    host,
    owner,
    repo,
    repoUrl: `${host}?owner=${encodeURIComponent(
      owner,
    )}&repo=${encodeURIComponent(repo)}`,
  };
}

/** Steps 1 and 2: the repository the configuration places, if any. */
function targetFromConfig(
  clusterName: string,
  baseDir: string,
  config: Config | undefined,
): ClusterTarget | undefined {
  const configured = config
    ? configuredClusterRepo(config, clusterName, baseDir)
    : undefined;
  if (configured?.github) {
    const { host, owner, repo } = parseGithubRepoUrl(configured.github)!;
    return {
      ...githubTarget(clusterName, host, owner, repo),
      branch: configured.branch,
    };
  }
  if (configured?.local)
    return {
      kind: 'local',
      clusterName,
      repoName: path.basename(configured.local, '.git'),
      gitdir: configured.local,
      branch: configured.branch,
    };
  if (configured) return undefined;
  const gitdir = bareRepoPath(baseDir, clusterName);
  if (fs.existsSync(gitdir))
    return { kind: 'local', clusterName, repoName: clusterName, gitdir };
  return undefined;
}

export function targetFromEntity(
  entity: Entity,
  baseDir: string,
  config?: Config,
): ClusterTarget {
  const annotations = entity.metadata.annotations ?? {};
  const clusterName = clusterNameOf(entity);
  const fromConfig = targetFromConfig(clusterName, baseDir, config);
  if (fromConfig) return fromConfig;
  const location = [
    annotations['backstage.io/managed-by-location'],
    annotations['backstage.io/managed-by-origin-location'],
  ].find(l => l && LOCAL_LOCATION.test(l));
  if (location) {
    const repoName = LOCAL_LOCATION.exec(location)![1];
    return {
      kind: 'local',
      clusterName,
      repoName,
      gitdir: bareRepoPath(baseDir, repoName),
    };
  }
  const github = GITHUB.exec(annotations[ANNOTATION_GITOPS_REPO] ?? '');
  if (github) {
    const [, host, owner, repo] = github;
    return githubTarget(clusterName, host, owner, repo);
  }
  throw new InputError(
    `cluster: ${
      entity.metadata.name
    } has no repository this portal can change: it was not published to a local repository and its ${ANNOTATION_GITOPS_REPO} annotation (${
      annotations[ANNOTATION_GITOPS_REPO] ?? 'missing'
    }) is not a GitHub repository; give repoName for a local repository`,
  );
}

export async function resolveClusterTarget(options: {
  cluster?: string;
  repoName?: string;
  baseDir: string;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  /** The root configuration, for `cilium.clusters[].git`. */
  config?: Config;
}): Promise<ClusterTarget> {
  const { cluster, repoName, baseDir, catalog, credentials, config } = options;
  if (repoName)
    return { kind: 'local', repoName, gitdir: bareRepoPath(baseDir, repoName) };
  if (!cluster)
    throw new InputError(
      'cluster: give the cluster entity (e.g. resource:default/democluster1) or repoName',
    );
  const entity = await catalog.getEntityByRef(cluster, { credentials });
  if (!entity)
    throw new NotFoundError(`cluster: ${cluster} is not in the catalog`);
  if (!isClusterEntity(entity))
    throw new InputError(
      `cluster: ${cluster} is a ${entity.kind}, not a Resource of spec.type ${CLUSTER_ENTITY_TYPE}`,
    );
  return targetFromEntity(entity, baseDir, config);
}
