/**
 * Zero-trust readiness of one namespace (issue 13): which endpoints current
 * policies already select, which observed flows a default-deny would newly
 * drop (grouped as edges), and an optional proposal with its replay.
 * Computed by `@internal/cilium-network-policy`, served by the backend.
 */
import type { PolicyRef } from './hubble';
import type { SourceErrorReason } from './errors';

export type PolicyDirection = 'ingress' | 'egress';

/** One side of an edge: a workload (by labels), or a non-endpoint peer. */
export interface ReadinessPeer {
  namespace?: string;
  /** Workload name (Deployment, ...) or the `app` label when known. */
  workload?: string;
  /** Identity labels in Hubble's `k8s:app=x` / `reserved:world` form, sorted. */
  labels: string[];
  /** Cilium entity (`world`, `host`, `remote-node`, `kube-apiserver`, ...). */
  entity?: string;
  /** `/32` or `/128` of the peer IP when it is outside the cluster. */
  cidr?: string;
  /** DNS name the destination was reached by (`destination.names`). */
  fqdn?: string;
}

/** Observed traffic from `source` to `destination:port/protocol`, in one direction. */
export interface ReadinessEdge {
  /** Stable over windows (derived from direction, peers, port, protocol): used to untick. */
  id: string;
  /** Direction the policy decision is made in (ingress at destination, egress at source). */
  direction: PolicyDirection;
  source: ReadinessPeer;
  destination: ReadinessPeer;
  port?: number;
  protocol: 'TCP' | 'UDP' | 'SCTP' | 'ICMP' | 'ANY';
  /** Number of flows in the window. */
  count: number;
  /** ISO 8601 of the newest flow. */
  lastSeen: string;
}

export interface SelectedEndpoint {
  namespace: string;
  workload?: string;
  labels: string[];
  /** True when some policy selects the endpoint for ingress (default-deny in force). */
  ingress: boolean;
  egress: boolean;
  byPolicies: PolicyRef[];
}

/** A rule the evaluator does not model: reported, never guessed. */
export interface NotEvaluatedRule {
  policy: PolicyRef;
  /** Path of the rule inside the policy, e.g. `spec.egress[1].toPorts[0].rules.http`. */
  rule: string;
  reason: string;
}

export interface ReplayResult {
  /** Flows replayed (same window as the readiness). */
  flowsReplayed: number;
  /** Kept edges the replay drops: must be empty for a valid proposal. */
  keptNewlyDropped: ReadinessEdge[];
  /** Unticked edges that would be dropped once the proposal applies. */
  untickedDropped: ReadinessEdge[];
  /** Edges neither allowed nor denied for sure (an unmodelled rule decides). */
  notEvaluated: ReadinessEdge[];
  valid: boolean;
}

export interface PolicyProposal {
  /** CiliumNetworkPolicy manifests, plain objects in deterministic order. */
  policies: object[];
  keptEdgeIds: string[];
  replay: ReplayResult;
}

export interface PolicyReadinessResponse {
  cluster: string;
  namespace: string;
  /** Window of the flows considered, in seconds. */
  windowSeconds: number;
  flowsConsidered: number;
  /** ISO 8601. */
  generatedAt: string;
  selectedEndpoints: SelectedEndpoint[];
  /** Flows allowed today that a namespace default-deny would drop. */
  wouldDrop: { ingress: ReadinessEdge[]; egress: ReadinessEdge[] };
  notEvaluated: NotEvaluatedRule[];
  /**
   * Edges forwarded in the window that today's policies drop (not in
   * `wouldDrop`): after a proposal syncs, the edges the user unticked.
   * Set by the backend.
   */
  droppedNow?: ReadinessEdge[];
  proposal?: PolicyProposal;
  /**
   * Policy-verdict events of the window per live policy that applies in the
   * namespace (sorted by kind, namespace, name), from the flows' own policy
   * names; 0 for a policy no flow named yet. Set by the backend.
   */
  policyVerdicts?: PolicyVerdictCount[];
  /** Per-source errors (policies, flows), as in the other status responses. */
  errors: PolicyReadinessError[];
}

/** A policy or flow source that failed; the rest of the response still holds. */
export interface PolicyReadinessError {
  /** e.g. `ciliumNetworkPolicies`, `networkPolicies`, `hubble`. */
  source: string;
  reason: SourceErrorReason;
  message: string;
}

/** How often flows of the window name one policy in an allow or deny verdict. */
export interface PolicyVerdictCount {
  policy: PolicyRef;
  allowed: number;
  denied: number;
  /** ISO 8601 of the newest verdict naming the policy; absent with none. */
  lastSeen?: string;
}

/** The readiness route's query. */
export interface PolicyReadinessQuery {
  namespace: string;
  /** Edge ids the user keeps (allows); undefined keeps every edge. */
  keep?: string[];
}
