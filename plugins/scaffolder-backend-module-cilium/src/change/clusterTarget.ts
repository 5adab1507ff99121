/**
 * Where a cluster's repository lives, from its catalog entity: the local
 * bare repository it was published to (`catalog-info.yaml` registered from
 * `/local-repos/<name>/`, or `<baseDir>/<cluster>.git`), or the GitHub
 * repository of its `cilium-gitops/repo-url` annotation.
 */
import fs from 'node:fs';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CLUSTER_NAME,
  ANNOTATION_GITOPS_REPO,
  CLUSTER_ENTITY_TYPE,
} from '@internal/plugin-cilium-common';
import { bareRepoPath } from '../local/repoName';

export type ClusterTarget =
  | { kind: 'local'; clusterName?: string; repoName: string; gitdir: string }
  | {
      kind: 'github';
      clusterName: string;
      host: string;
      owner: string;
      repo: string;
      /** `publish:github:pull-request`'s `repoUrl`: `github.com?owner=o&repo=r`. */
      repoUrl: string;
    };

const LOCAL_LOCATION = /\/local-repos\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)\//;
const GITHUB =
  /^https:\/\/(github\.com|[^/]*github[^/]*)\/([^/]+)\/([^/]+?)(\.git)?\/?$/;

export function targetFromEntity(
  entity: Entity,
  baseDir: string,
): ClusterTarget {
  const annotations = entity.metadata.annotations ?? {};
  const clusterName =
    annotations[ANNOTATION_CLUSTER_NAME] ?? entity.metadata.name;
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
  const gitdir = bareRepoPath(baseDir, clusterName);
  if (fs.existsSync(gitdir))
    return { kind: 'local', clusterName, repoName: clusterName, gitdir };
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
}): Promise<ClusterTarget> {
  const { cluster, repoName, baseDir, catalog, credentials } = options;
  if (repoName)
    return { kind: 'local', repoName, gitdir: bareRepoPath(baseDir, repoName) };
  if (!cluster)
    throw new InputError(
      'cluster: give the cluster entity (e.g. resource:default/democluster1) or repoName',
    );
  const entity = await catalog.getEntityByRef(cluster, { credentials });
  if (!entity)
    throw new NotFoundError(`cluster: ${cluster} is not in the catalog`);
  if (
    entity.kind !== 'Resource' ||
    (entity.spec as { type?: string } | undefined)?.type !== CLUSTER_ENTITY_TYPE
  )
    throw new InputError(
      `cluster: ${cluster} is a ${entity.kind}, not a Resource of spec.type ${CLUSTER_ENTITY_TYPE}`,
    );
  return targetFromEntity(entity, baseDir);
}
