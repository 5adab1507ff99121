/**
 * The CiliumNetworkPolicy shape the proposal writes: only the fields it sets,
 * in the key order they are emitted (the `yaml` library keeps insertion
 * order). Field names per the CiliumNetworkPolicy CRD (cilium.io/v2).
 */
export interface ProposedEndpointSelector {
  matchLabels: Record<string, string>;
}

export interface ProposedPortRule {
  ports: { port: string; protocol: 'TCP' | 'UDP' | 'SCTP' | 'ANY' }[];
  rules?: { dns: { matchPattern: string }[] };
}

export interface ProposedRule {
  fromEndpoints?: ProposedEndpointSelector[];
  fromEntities?: string[];
  fromCIDR?: string[];
  toEndpoints?: ProposedEndpointSelector[];
  toEntities?: string[];
  toCIDR?: string[];
  toFQDNs?: { matchName: string }[];
  toPorts?: ProposedPortRule[];
}

export interface CiliumNetworkPolicyManifest {
  apiVersion: 'cilium.io/v2';
  kind: 'CiliumNetworkPolicy';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    description?: string;
    endpointSelector: ProposedEndpointSelector | Record<string, never>;
    ingress?: ProposedRule[];
    egress?: ProposedRule[];
  };
}

/** The proposal for one namespace: manifests plus which edges each allows. */
export interface ProposedPolicies {
  namespace: string;
  policies: CiliumNetworkPolicyManifest[];
  /** Policy name → ids of the kept edges it allows. */
  edgesByPolicy: Record<string, string[]>;
  keptEdgeIds: string[];
}
