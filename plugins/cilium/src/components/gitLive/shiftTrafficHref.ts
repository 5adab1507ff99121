import { BackendWeight } from '@internal/plugin-cilium-common';

/** The day-2 change template (templates/cilium-cluster-change). */
export const CHANGE_TEMPLATE_PATH =
  '/create/templates/default/cilium-cluster-change';

/**
 * The change template pre-filled for a traffic split of one route: the
 * scaffolder reads `?formData=` as JSON and fills the form with it. Beside
 * the cluster, the kind and the route, the form gets the route's current
 * weights in Git and the head the page showed (`expectedHead`: the change
 * is refused if the repository moved meanwhile), in the template's own
 * parameter names.
 */
export function shiftTrafficHref(
  entityRef: string,
  route: string,
  current?: { backends: BackendWeight[]; head?: string },
): string {
  const formData: Record<string, unknown> = {
    cluster: entityRef,
    changeKind: 'split',
    route,
  };
  if (current?.backends.length) {
    formData.backends = current.backends.map(b => ({
      name: b.name,
      weight: b.weight,
    }));
  }
  if (current?.head) formData.expectedHead = current.head;
  return `${CHANGE_TEMPLATE_PATH}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;
}
