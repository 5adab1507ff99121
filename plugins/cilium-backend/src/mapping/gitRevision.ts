import {
  ArgoRevisionInfo,
  shortDuration,
  shortSha,
} from '@internal/plugin-cilium-common';
import type { KubeObject } from '../kubernetes/ClusterClient';

/** `https://host/owner/repo` in lower case, for comparing repository URLs. */
export function normalizeRepoUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^git@([^:]+):/, 'https://$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/** The Application's sources: `spec.source` or `spec.sources[]`. */
function sources(app: KubeObject): any[] {
  if (Array.isArray(app.spec?.sources)) return app.spec.sources;
  return app.spec?.source ? [app.spec.source] : [];
}

/**
 * Index of the Application's source that follows this repository (a Git
 * source, not a Helm chart), or -1.
 */
export function repoSourceIndex(app: KubeObject, repoUrls: string[]): number {
  const wanted = repoUrls.map(normalizeRepoUrl);
  return sources(app).findIndex(
    s =>
      !s?.chart &&
      typeof s?.repoURL === 'string' &&
      wanted.includes(normalizeRepoUrl(s.repoURL)),
  );
}

/** `spec.source(s)[i].path`, the folder Argo CD renders, when set. */
export function sourcePath(app: KubeObject, index: number): string | undefined {
  const p = sources(app)[index]?.path;
  return typeof p === 'string' ? p.replace(/^\.?\/+|\/+$/g, '') : undefined;
}

/** The sync error Argo CD reports, when the last sync failed. */
function syncError(app: KubeObject): string | undefined {
  const op = app.status?.operationState;
  const conditions: any[] = Array.isArray(app.status?.conditions)
    ? app.status.conditions
    : [];
  const condition = conditions.find(c => c?.type === 'SyncError');
  if (op?.phase === 'Failed' || op?.phase === 'Error' || condition) {
    return String(
      condition?.message ??
        op?.message ??
        `sync ${String(op?.phase).toLowerCase()}`,
    );
  }
  return undefined;
}

/**
 * An Application's synced revision against the repository head, from
 * `status.sync.revision` (`status.sync.revisions[i]` for multi-source
 * Applications) and `status.operationState` (phase, message) and the
 * `SyncError` condition, as Argo CD's Application CRD defines them:
 * https://argo-cd.readthedocs.io/en/stable/operator-manual/application.yaml
 * Undefined when the Application does not follow this repository.
 */
export function argoRevision(
  app: KubeObject,
  repo: { urls: string[]; head: string; headTime: string },
  now: Date,
  baseUrl?: string,
): ArgoRevisionInfo | undefined {
  const index = repoSourceIndex(app, repo.urls);
  if (index < 0) return undefined;
  const namespace = app.metadata.namespace ?? '';
  const name = app.metadata.name;
  const sync = app.status?.sync ?? {};
  const synced: string | undefined = Array.isArray(sync.revisions)
    ? sync.revisions[index]
    : sync.revision;
  const out: ArgoRevisionInfo = {
    namespace,
    name,
    state: 'unknown',
    headRevision: repo.head,
    text: 'no synced revision reported',
  };
  if (synced) out.syncedRevision = synced;
  if (baseUrl) {
    out.url = `${baseUrl}/applications/${encodeURIComponent(
      namespace,
    )}/${encodeURIComponent(name)}`;
  }
  const error = syncError(app);
  if (error) {
    out.state = 'sync-failed';
    out.message = error;
    out.text = `sync failed: ${error}`;
  } else if (synced && synced === repo.head) {
    out.state = 'in-sync';
    out.text = `in sync with ${shortSha(synced)}`;
  } else if (synced) {
    out.state = 'not-synced';
    const pending = Math.max(
      0,
      Math.round((now.getTime() - Date.parse(repo.headTime)) / 1000),
    );
    out.pendingSeconds = pending;
    out.text = `head ${shortSha(repo.head)} not yet synced (${shortDuration(
      pending,
    )}); synced ${shortSha(synced)}`;
  }
  return out;
}
