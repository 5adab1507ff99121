/**
 * Scaffolder actions that write outside the task's workspace (create a
 * repository, push, commit to a cluster's repository). Everything not
 * listed here only reads or works in the workspace.
 */
export const CLUSTER_CHANGE_ACTION_ID = 'cilium:cluster:change';
/** Actions that create a repository for a new cluster. */
export const PUBLISH_ACTION_IDS = [
  'cilium:publish:local',
  'publish:github',
  'publish:github:pull-request',
  'publish:gitlab',
  'publish:gitlab:merge-request',
  'publish:bitbucket',
  'publish:bitbucketCloud',
  'publish:bitbucketServer',
  'publish:azure',
  'publish:gerrit',
  'publish:gitea',
];
export const WRITE_ACTION_IDS = [
  CLUSTER_CHANGE_ACTION_ID,
  ...PUBLISH_ACTION_IDS,
];

/** `cilium:cluster:change`'s input key holding the cluster entity ref. */
export const CHANGE_ENTITY_REF_INPUT = 'cluster';
/**
 * `cilium:cluster:change`'s other way to name a repository (a local
 * repository by name); not open to non-admins, whose changes must name the
 * cluster entity that ownership is checked on.
 */
export const CHANGE_REPO_NAME_INPUT = 'repoName';
/** `cilium:cluster:render`'s input key holding the new cluster's owner. */
export const RENDER_OWNER_INPUT = 'spec.metadata.owner';
export const RENDER_ACTION_ID = 'cilium:cluster:render';
