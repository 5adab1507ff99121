import type {
  FlowRecord,
  PolicyRef,
  PolicyVerdictCount,
  SelectedEndpoint,
} from '@internal/plugin-cilium-common';
import type { PolicyModel } from '@internal/cilium-network-policy';

/** A policy's identity in flows and in the API: kind, namespace, name (not revision). */
function refKey(r: PolicyRef): string {
  return `${r.kind ?? ''}/${r.namespace ?? ''}/${r.name}`;
}

function plainRef(r: PolicyRef): PolicyRef {
  const out: PolicyRef = { name: r.name };
  if (r.kind) out.kind = r.kind;
  if (r.namespace) out.namespace = r.namespace;
  return out;
}

/**
 * Verdict counts per live policy that applies in `namespace`: its own
 * namespaced policies and every policy (clusterwide ones included) that
 * selects an endpoint of the namespace. Counted from policy-verdict events
 * (monitor type 5) of the namespace by the policy names Hubble reports with
 * them (`ingress_allowed_by`/`egress_denied_by`, ...: flow.proto in
 * cilium/cilium api/v1/flow); a policy no flow names shows 0.
 */
export function policyVerdicts(
  model: PolicyModel,
  selected: SelectedEndpoint[],
  flows: FlowRecord[],
  namespace: string,
): PolicyVerdictCount[] {
  const counts = new Map<string, PolicyVerdictCount>();
  const add = (r: PolicyRef) => {
    const key = refKey(r);
    if (!counts.has(key))
      counts.set(key, { policy: plainRef(r), allowed: 0, denied: 0 });
  };
  for (const p of model.byNamespace.get(namespace) ?? []) add(p.ref);
  for (const e of selected) e.byPolicies.forEach(add);

  for (const f of flows) {
    if (f.eventType.type !== 5) continue;
    if (
      f.source.namespace !== namespace &&
      f.destination.namespace !== namespace
    )
      continue;
    const tally = (refs: PolicyRef[], field: 'allowed' | 'denied') => {
      for (const r of refs) {
        const c = counts.get(refKey(r));
        if (!c) continue;
        c[field] += 1;
        if (!c.lastSeen || Date.parse(f.time) > Date.parse(c.lastSeen))
          c.lastSeen = f.time;
      }
    };
    tally(f.allowedBy, 'allowed');
    tally(f.deniedBy, 'denied');
  }
  return (
    [...counts.entries()]
      // Keys are unique: code-unit order, the same in every locale.
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, c]) => c)
  );
}
