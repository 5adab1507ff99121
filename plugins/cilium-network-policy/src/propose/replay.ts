/**
 * Replay: the window's flows against current + proposed policies with
 * default-deny in force for the namespace. A proposal is valid when no kept
 * edge is dropped; unticked edges that drop are listed for the user.
 */
import type { FlowRecord, ReplayResult } from '@internal/plugin-cilium-common';
import { policiesFromObjects, indexByNamespace } from '../model/parse';
import type { PolicyModel } from '../model/types';
import { droppedEdges, namespaceFlows } from '../readiness/namespaceReadiness';
import type { ProposedPolicies } from './manifest';

/** `model` plus the proposed manifests. */
export function withProposed(
  model: PolicyModel,
  proposed: ProposedPolicies,
): PolicyModel {
  const added = policiesFromObjects(proposed.policies);
  const policies = [...model.policies, ...added.policies];
  return {
    policies,
    notEvaluated: [...model.notEvaluated, ...added.notEvaluated],
    byNamespace: indexByNamespace(policies),
  };
}

export function replay(
  model: PolicyModel,
  proposed: ProposedPolicies,
  flows: FlowRecord[],
  keptEdgeIds: string[],
): ReplayResult {
  const kept = new Set(keptEdgeIds);
  const considered = namespaceFlows(flows, proposed.namespace);
  const { drops, notEvaluated } = droppedEdges(
    model,
    withProposed(model, proposed),
    considered,
    proposed.namespace,
  );
  const keptNewlyDropped = drops.filter(e => kept.has(e.id));
  return {
    flowsReplayed: considered.length,
    keptNewlyDropped,
    untickedDropped: drops.filter(e => !kept.has(e.id)),
    notEvaluated,
    valid: keptNewlyDropped.length === 0,
  };
}
