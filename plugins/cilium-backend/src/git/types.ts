import { GitCommitInfo, GitRepoInfo } from '@internal/plugin-cilium-common';

/** A YAML file of the repository at its head. */
export interface RepoFile {
  path: string;
  text: string;
}

/** What the page needs from the cluster's repository, read at its head. */
export interface RepoSnapshot {
  repo: GitRepoInfo;
  /** ISO 8601 committer time of the head commit. */
  headTime: string;
  /** YAML files that may hold HTTPRoutes (see each reader). */
  manifests: RepoFile[];
  /** Newest first. */
  history: GitCommitInfo[];
}

/** Bounds of one read, so a huge repository cannot stall the page. */
export const MAX_YAML_FILES = 2000;
export const MAX_YAML_BYTES = 1_000_000;
/** Changed files listed per commit. */
export const MAX_FILES_PER_COMMIT = 50;

export const isYaml = (p: string) => /\.ya?ml$/i.test(p);
