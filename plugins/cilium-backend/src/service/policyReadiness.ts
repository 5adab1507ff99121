import type {
  FlowRecord,
  PolicyReadinessQuery,
  PolicyReadinessResponse,
  SourceError,
} from '@internal/plugin-cilium-common';
import type { KubeObject } from '../kubernetes/ClusterClient';
import {
  droppedEdges,
  namespaceFlows,
  namespaceReadiness,
  policiesFromObjects,
  proposePolicies,
  replay,
} from '@internal/cilium-network-policy';
import { policyVerdicts } from './policyVerdicts';

/** What the readiness is computed from: policies and flows, each source with its own error. */
export interface ReadinessInputs {
  cluster: string;
  policies: KubeObject[];
  flows: FlowRecord[];
  /** Seconds between the oldest and the newest flow read. */
  windowSeconds: number;
  errors: SourceError[];
}

/**
 * The readiness document from what was read: the evaluator's readiness of
 * the namespace, the proposal for the kept edges (every would-drop edge
 * unless `keep` names some; unknown ids are ignored) and its replay over
 * the same flows, and the sources' errors.
 */
export function computeReadiness(
  inputs: ReadinessInputs,
  query: PolicyReadinessQuery,
  now = new Date(),
): PolicyReadinessResponse {
  const model = policiesFromObjects(inputs.policies);
  const readiness = namespaceReadiness(model, inputs.flows, query.namespace, {
    windowSeconds: inputs.windowSeconds,
    cluster: inputs.cluster,
    now,
  });
  const edgeIds = [
    ...readiness.wouldDrop.ingress,
    ...readiness.wouldDrop.egress,
  ].map(e => e.id);
  const keep = query.keep ? new Set(query.keep) : undefined;
  const kept = keep ? edgeIds.filter(id => keep.has(id)) : edgeIds;
  const out: PolicyReadinessResponse = {
    ...readiness,
    droppedNow: droppedNow(model, inputs.flows, query.namespace, edgeIds),
    policyVerdicts: policyVerdicts(
      model,
      readiness.selectedEndpoints,
      inputs.flows,
      query.namespace,
    ),
    errors: [...readiness.errors, ...inputs.errors],
  };
  if (inputs.flows.length > 0) {
    const proposed = proposePolicies(readiness, kept);
    out.proposal = {
      policies: proposed.policies,
      keptEdgeIds: proposed.keptEdgeIds,
      replay: replay(model, proposed, inputs.flows, kept),
    };
  }
  return out;
}

/**
 * Edges of forwarded flows that a namespace default-deny over today's
 * policies drops, measured against what the datapath did (no policy) and
 * without the would-drop edges: what today's policies already drop, e.g.
 * the edges left out of a proposal Argo CD synced.
 */
function droppedNow(
  model: ReturnType<typeof policiesFromObjects>,
  flows: ReadinessInputs['flows'],
  namespace: string,
  wouldDropIds: string[],
) {
  const wouldDrop = new Set(wouldDropIds);
  const { drops } = droppedEdges(
    policiesFromObjects([]),
    model,
    namespaceFlows(flows, namespace),
    namespace,
  );
  return drops.filter(e => !wouldDrop.has(e.id));
}
