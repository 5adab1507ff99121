import { SourceError } from './errors';

/**
 * The cluster page's "Git and live" view: what the cluster's GitOps
 * repository says at its head, what the cluster runs, and what Hubble
 * observed, per HTTPRoute; Argo CD's synced revision against the head; and
 * the repository's recent history.
 */

/** Where the cluster's repository was read. */
export interface GitRepoInfo {
  /** `local`: a bare repository on the Backstage host; `github`: GitHub REST. */
  kind: 'local' | 'github';
  /** Repository name (local) or `owner/repo` (GitHub); never credentials. */
  name: string;
  branch: string;
  /** Commit the branch points to. */
  head: string;
  /** Web page of the repository, when known. */
  webUrl?: string;
}

/** One commit of the repository's history, newest first. */
export interface GitCommitInfo {
  sha: string;
  /** ISO 8601, the committer's time. */
  time: string;
  author: string;
  /** The whole commit message, trimmed. */
  message: string;
  /** Paths changed against the first parent (all files for a root commit). */
  files: string[];
  /** More files changed than listed. */
  filesTruncated?: boolean;
  /** Web page of the commit, when a web URL is known. */
  url?: string;
}

/** One backend of a rule and its weight (Gateway API default 1). */
export interface BackendWeight {
  /** Service name, `namespace/name` when in another namespace. */
  name: string;
  weight: number;
}

/** Why live weights differ from Git's, when known. */
export type DriftReason =
  | 'not-synced'
  | 'sync-failed'
  | 'changed-outside-git'
  | 'missing-live'
  | 'unknown';

/** Flows Hubble saw to each backend of a route over the recent window. */
export interface ObservedSplit {
  /** Flows counted (the sample size). */
  flows: number;
  /** Below `minFlows`: the percentages say little and are not shown. */
  enough: boolean;
  backends: { name: string; flows: number; percent: number }[];
  /** Set when the flows could not be read. */
  error?: SourceError;
}

export interface GitRouteRule {
  git: BackendWeight[];
  /** Absent when the live route has no such rule (or could not be read). */
  live?: BackendWeight[];
}

export interface GitRouteInfo {
  namespace: string;
  name: string;
  /** File of the route in the repository. */
  file: string;
  /** The Argo CD Application that deploys it, when found. */
  application?: string;
  rules: GitRouteRule[];
  /** Git and live weights agree on every rule. */
  inSync: boolean;
  /** Set when they do not. */
  drift?: {
    /** e.g. `Git 50/50, live 100/0`. */
    summary: string;
    reason: DriftReason;
    /** What is known about the reason, e.g. `head 1a2b3c4 not yet synced (2 min)`. */
    detail: string;
  };
  /** Field managers other than Argo CD's that wrote the live object's spec. */
  otherManagers?: string[];
  observed?: ObservedSplit;
}

/** One Argo CD Application's synced revision against the repository head. */
export interface ArgoRevisionInfo {
  namespace: string;
  name: string;
  state: 'in-sync' | 'not-synced' | 'sync-failed' | 'other-repo' | 'unknown';
  /** `status.sync.revision`. */
  syncedRevision?: string;
  /** The repository head, when the Application tracks this repository. */
  headRevision?: string;
  /** Seconds since the head commit, while it is not yet synced. */
  pendingSeconds?: number;
  /** `status.operationState.message` or a SyncError condition. */
  message?: string;
  /** e.g. `in sync with abc1234`. */
  text: string;
  url?: string;
}

export interface GitLiveResponse {
  cluster: string;
  generatedAt: string;
  /** Absent when the repository could not be read (see `errors`). */
  repo?: GitRepoInfo;
  routes: GitRouteInfo[];
  applications: ArgoRevisionInfo[];
  /** Newest first, at most `GIT_HISTORY_LIMIT`. */
  history: GitCommitInfo[];
  /** Observed split: the window and the least flows worth a percentage. */
  observedWindowSeconds: number;
  minObservedFlows: number;
  errors: SourceError[];
}

/** Commits of history the page shows. */
export const GIT_HISTORY_LIMIT = 20;

/** `abc1234` from a full commit hash. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** `50/50` for a rule's weights, in backend order. */
export function weightsText(backends: BackendWeight[]): string {
  return backends.map(b => String(b.weight)).join('/');
}

/** `2 min`, `45 s`, `3 h`, `2 d`: a short, rounded duration. */
export function shortDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}
