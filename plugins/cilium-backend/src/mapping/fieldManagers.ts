import type { KubeObject } from '../kubernetes/ClusterClient';

/**
 * Field managers Argo CD writes objects as: `argocd-controller` for
 * server-side apply, and the controller's own name for client-side apply
 * (the API server names an Update's manager after the client's user agent).
 * https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/#server-side-apply
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/#managers
 */
export const ARGO_CD_MANAGERS = [
  'argocd-controller',
  'argocd-application-controller',
];

/**
 * Managers other than Argo CD's that wrote the object's `spec` (entries on
 * the main resource, not on a subresource such as `status`), from
 * `metadata.managedFields`; e.g. `kubectl-patch`, `kubectl-edit`.
 */
export function otherSpecManagers(obj: KubeObject): string[] {
  const entries: any[] = Array.isArray((obj.metadata as any).managedFields)
    ? (obj.metadata as any).managedFields
    : [];
  const names = entries
    .filter(
      e =>
        !e?.subresource &&
        typeof e?.manager === 'string' &&
        !ARGO_CD_MANAGERS.includes(e.manager) &&
        e.fieldsV1 &&
        typeof e.fieldsV1 === 'object' &&
        'f:spec' in e.fieldsV1,
    )
    .map(e => String(e.manager));
  return [...new Set(names)].sort();
}
