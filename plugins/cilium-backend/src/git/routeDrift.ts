import {
  ArgoRevisionInfo,
  BackendWeight,
  GitRouteInfo,
  GitRouteRule,
  shortSha,
  weightsText,
} from '@internal/plugin-cilium-common';
import { sameWeights } from './routeWeights';

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

/** Live backends in Git's order (unknown ones after), for `Git 50/50, live 100/0`. */
export function alignedLive(
  git: BackendWeight[],
  live: BackendWeight[],
): BackendWeight[] {
  const byName = new Map(live.map(b => [b.name, b]));
  const out: BackendWeight[] = [];
  for (const g of git) {
    const l = byName.get(g.name);
    if (l) {
      out.push(l);
      byName.delete(g.name);
    }
  }
  return [...out, ...byName.values()];
}

/** Git's rules beside the live ones, rule by rule. */
export function pairRules(
  git: BackendWeight[][],
  live: BackendWeight[][] | undefined,
): GitRouteRule[] {
  return git.map((g, i) =>
    live && live[i] ? { git: g, live: alignedLive(g, live[i]) } : { git: g },
  );
}

/**
 * Whether the route's Git and live weights agree and, when not, the
 * drift: a summary (`Git 50/50, live 100/0`) and the reason when one is
 * known — the Application's last sync failed, the head is not synced yet,
 * or someone other than Argo CD wrote the route's spec.
 */
export function routeDrift(
  rules: GitRouteRule[],
  liveFound: boolean,
  liveRuleCount: number,
  app: ArgoRevisionInfo | undefined,
  otherManagers: string[],
): Pick<GitRouteInfo, 'inSync' | 'drift'> {
  const differing = rules.filter(r => !r.live || !sameWeights(r.git, r.live));
  if (liveFound && differing.length === 0 && liveRuleCount === rules.length) {
    return { inSync: true };
  }
  let summary: string;
  if (!liveFound) {
    summary = `Git ${rules
      .map(r => weightsText(r.git))
      .join('; ')}, live: not found`;
  } else if (differing.length === 0) {
    summary = `Git ${rules.length} ${plural(
      rules.length,
      'rule',
    )}, live ${liveRuleCount}`;
  } else {
    summary = differing
      .map(
        r =>
          `Git ${weightsText(r.git)}, live ${
            r.live ? weightsText(r.live) : 'no such rule'
          }`,
      )
      .join('; ');
  }
  const outside = otherManagers.length
    ? `changed outside Git by ${otherManagers.join(', ')}`
    : undefined;
  let reason: NonNullable<GitRouteInfo['drift']>['reason'];
  let detail: string;
  if (app?.state === 'sync-failed') {
    reason = 'sync-failed';
    detail = `Argo CD ${app.name}: ${app.text}`;
  } else if (app?.state === 'not-synced') {
    reason = 'not-synced';
    detail = `Argo CD ${app.name}: ${app.text}`;
  } else if (outside) {
    reason = 'changed-outside-git';
    detail = outside;
  } else if (!liveFound) {
    reason = 'missing-live';
    detail = app
      ? `Argo CD ${app.name}: ${app.text}, but the route is not in the cluster`
      : 'no Argo CD Application deploys it';
  } else {
    reason = 'unknown';
    detail = app
      ? `Argo CD ${app.name} reports ${
          app.syncedRevision
            ? `in sync with ${shortSha(app.syncedRevision)}`
            : app.text
        }; no other writer of the route is recorded`
      : 'no Argo CD Application deploys it';
  }
  if (outside && reason !== 'changed-outside-git')
    detail += `; also ${outside}`;
  return { inSync: false, drift: { summary, reason, detail } };
}
