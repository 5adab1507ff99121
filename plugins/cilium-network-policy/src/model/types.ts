/**
 * The typed policy model: CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy
 * and Kubernetes NetworkPolicy objects normalised to one shape that the
 * evaluator reads. Built by `policiesFromObjects`.
 */
import type {
  NotEvaluatedRule,
  PolicyDirection,
  PolicyRef,
} from '@internal/plugin-cilium-common';
import type { ParsedCidr } from './cidr';

/**
 * One label requirement. `source` is Cilium's label source (`k8s`,
 * `reserved`, ...); undefined means `any` — a selector key without a source
 * prefix matches a label of any source (Cilium "Layer 3 Examples":
 * endpoint labels carry their source as `source:key=value`).
 */
export interface LabelRequirement {
  source?: string;
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** ANDed requirements; an empty list selects every endpoint. */
export interface Selector {
  requirements: LabelRequirement[];
}

export type PortProtocol = 'TCP' | 'UDP' | 'SCTP' | 'ANY';

/** `port` 0/undefined = every port of the protocol; `endPort` makes a range. */
export interface PortMatch {
  protocol: PortProtocol;
  port?: number;
  endPort?: number;
}

/** One `toPorts[]` entry: its ports and what its L7 rules mean to the model. */
export interface PortRuleModel {
  ports: PortMatch[];
  /** `rules.dns` patterns: the DNS proxy answers (and toFQDNs learn) these names. */
  dns?: RegExp[];
  /** Other L7 rules (http, kafka, ...): path and reason, decides `not-evaluated`. */
  l7?: { rule: string; reason: string; namedPort?: boolean };
}

/** The L3 part of a rule: which peers it names. */
export type PeerMatch =
  | { kind: 'endpoints'; selector: Selector }
  | { kind: 'entity'; entity: string }
  | {
      kind: 'cidr';
      cidr: string;
      except: string[];
      parsed: ParsedCidr;
      parsedExcept: ParsedCidr[];
    }
  | { kind: 'fqdn'; matchName?: string; matchPattern?: string; regex: RegExp };

/** One element of `spec.ingress`, `spec.egressDeny`, ... */
export interface ModelRule {
  /** Path inside the policy, e.g. `specs[1].egress[0]`. */
  path: string;
  direction: PolicyDirection;
  action: 'allow' | 'deny';
  /** ORed; undefined = the rule names no peer and so applies to every peer. */
  peers?: PeerMatch[];
  /** ORed `toPorts` entries; undefined = every port and protocol (L3 only). */
  toPorts?: PortRuleModel[];
  /**
   * Set when the rule holds something the evaluator does not model: a flow
   * the rule might decide gets `not-evaluated` naming this. `peer`: an
   * unmodelled peer kind (toServices, toGroups, ...) may match any peer;
   * `whole`: the modelled part matching is not enough to decide.
   */
  unmodelled?: { rule: string; reason: string; scope: 'peer' | 'whole' };
}

/** One policy subject (a CNP has one, or several with `specs`). */
export interface ModelPolicy {
  ref: PolicyRef;
  /** Namespace the subject is confined to; undefined for clusterwide. */
  namespace?: string;
  subject: Selector;
  /** Direction enables default-deny for selected endpoints (per `enableDefaultDeny`). */
  defaultDeny: { ingress: boolean; egress: boolean };
  /** Direction selected at all (has rules / policyTypes names it). */
  selects: { ingress: boolean; egress: boolean };
  rules: ModelRule[];
}

export interface PolicyModel {
  policies: ModelPolicy[];
  /** Whole objects or rules that the model skipped, with the reason. */
  notEvaluated: NotEvaluatedRule[];
  /** Lookup: policies by namespace ('' for clusterwide). Built once. */
  byNamespace: Map<string, ModelPolicy[]>;
}

/** The rule that decided a verdict. */
export interface DecidingRule {
  policy: PolicyRef;
  path: string;
}

export type VerdictReason =
  /** Reply of an established connection: not subject to policy. */
  | 'reply'
  /** The peer in this direction is not a Cilium endpoint (world, host, ...). */
  | 'not-an-endpoint'
  /** No policy enables default-deny for the endpoint in this direction. */
  | 'default-allow'
  | 'allow-rule'
  | 'deny-rule'
  | 'default-deny'
  | 'unmodelled-rule';

export interface DirectionVerdict {
  verdict: 'allowed' | 'denied' | 'not-evaluated';
  reason: VerdictReason;
  rule?: DecidingRule;
  /** Why not evaluated (the unmodelled rule's reason). */
  detail?: string;
}

export interface FlowVerdict {
  ingress: DirectionVerdict;
  egress: DirectionVerdict;
}
