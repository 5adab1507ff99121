import type { PolicyReadinessResponse } from '@internal/plugin-cilium-common';
import type { ProposedPolicies } from './manifest';

/**
 * Minimal CiliumNetworkPolicies (one per workload and direction) allowing
 * exactly the kept would-drop edges of `readiness`.
 */
export function proposePolicies(
  _readiness: PolicyReadinessResponse,
  _keptEdgeIds: string[],
): ProposedPolicies {
  throw new Error('proposePolicies: not implemented yet');
}
