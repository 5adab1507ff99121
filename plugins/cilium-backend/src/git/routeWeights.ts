import { BackendWeight } from '@internal/plugin-cilium-common';

/**
 * The backends of each rule of an HTTPRoute (`spec.rules[].backendRefs`)
 * with their weights, as Gateway API defines them: a backendRef without
 * `weight` weighs 1; one in another namespace is named `namespace/name`.
 * https://gateway-api.sigs.k8s.io/reference/spec/#httpbackendref
 * The same function reads the route in Git and the route live, so the two
 * compare like for like.
 */
export function ruleWeights(
  spec: any,
  routeNamespace: string,
): BackendWeight[][] {
  const rules: any[] = Array.isArray(spec?.rules) ? spec.rules : [];
  return rules.map(rule => {
    const refs: any[] = Array.isArray(rule?.backendRefs)
      ? rule.backendRefs
      : [];
    return refs.map(ref => {
      const ns = ref?.namespace;
      const name = String(ref?.name ?? '');
      const weight = ref?.weight === undefined ? 1 : Number(ref.weight);
      return {
        name: ns && ns !== routeNamespace ? `${ns}/${name}` : name,
        weight: Number.isFinite(weight) ? weight : 1,
      };
    });
  });
}

/** Whether two rules' backends carry the same weights (order-insensitive). */
export function sameWeights(a: BackendWeight[], b: BackendWeight[]): boolean {
  if (a.length !== b.length) return false;
  const key = (x: BackendWeight[]) =>
    x
      .map(w => `${w.name}=${w.weight}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}
