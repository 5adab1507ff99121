/**
 * Scaffolder backend module: actions that validate, render and publish a
 * Cilium cluster GitOps repository.
 *
 * @packageDocumentation
 */
export { scaffolderModuleCilium as default } from './module';
export { createValidateAction, VALIDATE_ACTION_ID } from './actions/validate';
export { createRenderAction, RENDER_ACTION_ID } from './actions/render';
export {
  createPublishLocalAction,
  PUBLISH_LOCAL_ACTION_ID,
  DRY_RUN_COMMIT_HASH,
} from './actions/publishLocal';
export type { PublishLocalActionOptions } from './actions/publishLocal';
export {
  createClusterRenderer,
  type ClusterRenderer,
  type ClusterRendererOptions,
} from './lib/clusterRenderer';
export {
  readLocalPublishConfig,
  type LocalPublishConfig,
} from './local/localPublishConfig';
export {
  LOCAL_REPOS_ROUTE,
  createLocalReposHandler,
} from './local/localReposRouter';
export {
  createChangeAction,
  CHANGE_ACTION_ID,
  type ChangeActionOptions,
} from './actions/change';
export { readHeadTree, type HeadTree } from './change/headTree';
export { commitOnHead, type CommitOnHeadOptions } from './change/commitOnHead';
export {
  LocalReposUrlReader,
  localReposBaseUrl,
  localReposUrlReaderFactory,
} from './local/localReposUrlReader';
export {
  configuredClusterRepo,
  gitRepoSettings,
  githubWebUrl,
  parseGithubRepoUrl,
  type GitRepoSettings,
} from './change/clusterRepo';
