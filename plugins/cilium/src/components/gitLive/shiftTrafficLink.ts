/** The change template engineer `change` builds (templates/cilium-cluster-change). */
export const CHANGE_TEMPLATE_PATH =
  '/create/templates/default/cilium-cluster-change';

/**
 * The change template pre-filled for a traffic split of one route: the
 * scaffolder reads `?formData=` as JSON and fills the form with it.
 */
export function shiftTrafficHref(entityRef: string, route: string): string {
  const formData = JSON.stringify({
    cluster: entityRef,
    changeKind: 'split',
    route,
  });
  return `${CHANGE_TEMPLATE_PATH}?formData=${encodeURIComponent(formData)}`;
}
