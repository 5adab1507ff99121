/**
 * Zero-trust readiness of one namespace: which endpoints current policies
 * already put in default-deny (per direction), and which flows of the window
 * a namespace default-deny would newly drop: allowed by today's policies,
 * denied once every endpoint of the namespace is default-deny in both
 * directions (docs.cilium.io "Policy Enforcement Modes").
 */
import type {
  FlowRecord,
  PolicyReadinessResponse,
  PolicyRef,
  SelectedEndpoint,
} from '@internal/plugin-cilium-common';
import { evaluateDirection, selectingPolicies } from '../evaluate/evaluateFlow';
import { prepareEndpoint } from '../evaluate/endpoint';
import type { PolicyModel } from '../model/types';
import { EdgeSet, peerOf } from './edges';

const DIRECTIONS = ['egress', 'ingress'] as const;

export interface ReadinessOptions {
  /** Window the flows cover, stated in the response. */
  windowSeconds: number;
  cluster?: string;
  /** Defaults to the current time. */
  now?: Date;
}

/** Flows of `namespace` the evaluation considers: requests (not replies), not already dropped. */
export function namespaceFlows(
  flows: FlowRecord[],
  namespace: string,
): FlowRecord[] {
  return flows.filter(
    f =>
      f.isReply !== true &&
      f.verdict !== 'DROPPED' &&
      (f.source.namespace === namespace ||
        f.destination.namespace === namespace),
  );
}

/** Edges a namespace default-deny drops under `model` (relative to `baseline`). */
export function droppedEdges(
  baseline: PolicyModel,
  model: PolicyModel,
  flows: FlowRecord[],
  namespace: string,
) {
  const drops = new EdgeSet();
  const unknown = new EdgeSet();
  const force = {
    forceDefaultDeny: { namespace, ingress: true, egress: true },
  };
  for (const flow of flows) {
    for (const dir of DIRECTIONS) {
      const local = dir === 'egress' ? flow.source : flow.destination;
      if (local.namespace !== namespace) continue;
      if (evaluateDirection(baseline, flow, dir).verdict !== 'allowed')
        continue;
      const enforced = evaluateDirection(model, flow, dir, force).verdict;
      if (enforced === 'denied') drops.add(dir, flow);
      else if (enforced === 'not-evaluated') unknown.add(dir, flow);
    }
  }
  return { drops: drops.list(), notEvaluated: unknown.list() };
}

function refKey(r: PolicyRef) {
  return `${r.kind}/${r.namespace ?? ''}/${r.name}`;
}

function selectedEndpoints(
  model: PolicyModel,
  flows: FlowRecord[],
  namespace: string,
): SelectedEndpoint[] {
  const seen = new Map<string, SelectedEndpoint>();
  for (const flow of flows) {
    for (const ep of [flow.source, flow.destination]) {
      if (ep.namespace !== namespace) continue;
      const peer = peerOf(ep);
      const key = peer.labels.join(',');
      if (seen.has(key)) continue;
      const selecting = selectingPolicies(model, prepareEndpoint(ep));
      const refs = new Map(selecting.map(p => [refKey(p.ref), p.ref]));
      const entry: SelectedEndpoint = {
        namespace,
        labels: [...peer.labels],
        ingress: selecting.some(p => p.defaultDeny.ingress),
        egress: selecting.some(p => p.defaultDeny.egress),
        byPolicies: [...refs.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([, r]) => r),
      };
      if (peer.workload) entry.workload = peer.workload;
      seen.set(key, entry);
    }
  }
  return [...seen.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, e]) => e);
}

/**
 * Readiness of one namespace. Every endpoint of the namespace seen in the
 * flows is listed with whether default-deny is already in force per
 * direction. `proposal` is left out and `errors` empty: the caller adds them.
 */
export function namespaceReadiness(
  model: PolicyModel,
  flows: FlowRecord[],
  namespace: string,
  options: ReadinessOptions,
): PolicyReadinessResponse {
  const considered = namespaceFlows(flows, namespace);
  const { drops } = droppedEdges(model, model, considered, namespace);
  return {
    cluster: options.cluster ?? '',
    namespace,
    windowSeconds: options.windowSeconds,
    flowsConsidered: considered.length,
    generatedAt: (options.now ?? new Date()).toISOString(),
    selectedEndpoints: selectedEndpoints(model, considered, namespace),
    wouldDrop: {
      ingress: drops.filter(e => e.direction === 'ingress'),
      egress: drops.filter(e => e.direction === 'egress'),
    },
    notEvaluated: model.notEvaluated.filter(
      n => n.policy.namespace === undefined || n.policy.namespace === namespace,
    ),
    errors: [],
  };
}
