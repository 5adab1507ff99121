import { CHANGE_TEMPLATE_PATH } from '../gitLive/shiftTrafficLink';

/**
 * The change template pre-filled with a `policies` change: the proposed
 * CiliumNetworkPolicies of one namespace (the kept edges' proposal), which
 * the change pipeline writes to `manifests/policies/<namespace>/`. The
 * scaffolder reads `?formData=` as JSON, in the template's parameter names.
 */
export function proposePoliciesHref(
  entityRef: string,
  namespace: string,
  policies: Record<string, unknown>[],
): string {
  const formData = {
    cluster: entityRef,
    changeKind: 'policies',
    policyNamespace: namespace,
    policies: JSON.stringify(policies),
  };
  return `${CHANGE_TEMPLATE_PATH}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;
}
