import { ArgoApplicationInfo } from '@internal/plugin-cilium-common';
import type { ArgoCdSettings } from '../config/types';
import type { KubeObject } from '../kubernetes/ClusterClient';
import { safeMessage } from '../limits/safeMessage';

const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

/** Whether an Application deploys to this cluster (unless a label selector picked it). */
export function targetsCluster(app: KubeObject, argo: ArgoCdSettings): boolean {
  if (argo.labelSelector) return true;
  const dest = app.spec?.destination ?? {};
  if (dest.name) return argo.destinationNames.includes(dest.name);
  if (dest.server) {
    const server = String(dest.server).replace(/\/+$/, '');
    return argo.destinationServers.some(s => s.replace(/\/+$/, '') === server);
  }
  return false;
}

export function mapArgoApplication(
  app: KubeObject,
  baseUrl: string | undefined,
): ArgoApplicationInfo {
  const namespace = app.metadata.namespace ?? '';
  const name = app.metadata.name;
  const status = app.status ?? {};
  const source = app.spec?.source ?? app.spec?.sources?.[0] ?? {};
  const wave = Number(app.metadata.annotations?.[SYNC_WAVE] ?? 0);
  const out: ArgoApplicationInfo = {
    namespace,
    name,
    project: app.spec?.project ?? 'default',
    syncStatus: status.sync?.status ?? 'Unknown',
    healthStatus: status.health?.status ?? 'Unknown',
    conditions: (Array.isArray(status.conditions) ? status.conditions : []).map(
      (c: any) => ({
        type: String(c.type),
        message: safeMessage(String(c.message ?? '')),
      }),
    ),
    syncWave: Number.isFinite(wave) ? wave : 0,
  };
  const optional: Partial<ArgoApplicationInfo> = {
    healthMessage: optionalSafe(status.health?.message),
    revision: status.sync?.revision ?? status.sync?.revisions?.[0],
    targetRevision: source.targetRevision,
    // repoURLs can carry credentials (https://user:token@host/...)
    repoURL: optionalSafe(source.repoURL),
    operationPhase: status.operationState?.phase,
    url: baseUrl
      ? `${baseUrl}/applications/${encodeURIComponent(
          namespace,
        )}/${encodeURIComponent(name)}`
      : undefined,
  };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (out as any)[k] = v;
  }
  return out;
}

function optionalSafe(v: unknown): string | undefined {
  return typeof v === 'string' ? safeMessage(v) : undefined;
}

/** Sync-wave order, then name: the order Argo CD applies them. */
export function byWaveThenName(a: ArgoApplicationInfo, b: ArgoApplicationInfo) {
  return (a.syncWave ?? 0) - (b.syncWave ?? 0) || a.name.localeCompare(b.name);
}
