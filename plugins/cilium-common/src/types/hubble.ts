/**
 * Hubble data as the status API returns it. Enum values keep the names of
 * Cilium's `flow.proto` so they read the same as `hubble observe -o json`.
 */

export type Verdict =
  | 'VERDICT_UNKNOWN'
  | 'FORWARDED'
  | 'DROPPED'
  | 'ERROR'
  | 'AUDIT'
  | 'REDIRECTED'
  | 'TRACED'
  | 'TRANSLATED';

export const VERDICTS: readonly Verdict[] = [
  'VERDICT_UNKNOWN',
  'FORWARDED',
  'DROPPED',
  'ERROR',
  'AUDIT',
  'REDIRECTED',
  'TRACED',
  'TRANSLATED',
];

export type TrafficDirection =
  | 'TRAFFIC_DIRECTION_UNKNOWN'
  | 'INGRESS'
  | 'EGRESS';

/** `hubble status`, as structured fields and as the CLI's text. */
export interface HubbleStatusInfo {
  /** gRPC health of `hubble.server.Observer` (SERVING → true). */
  healthy: boolean;
  healthMessage?: string;
  numFlows: number;
  maxFlows: number;
  seenFlows: number;
  uptimeNs: number;
  /** `flows_rate` when the relay reports it, else seen / uptime. */
  flowsPerSecond: number;
  /** null when the server is a single agent (the CLI shows N/A). */
  numConnectedNodes: number | null;
  numUnavailableNodes: number | null;
  unavailableNodes: string[];
  version?: string;
  nodes: HubbleNodeInfo[];
  /** The lines `hubble status` prints for the same data. */
  text: string;
}

export type HubbleNodeState =
  | 'UNKNOWN_NODE_STATE'
  | 'NODE_CONNECTED'
  | 'NODE_UNAVAILABLE'
  | 'NODE_GONE'
  | 'NODE_ERROR';

export interface HubbleNodeInfo {
  /** `cluster/node` in a Cluster Mesh. */
  name: string;
  version?: string;
  address?: string;
  state: HubbleNodeState;
  numFlows?: number;
  maxFlows?: number;
  seenFlows?: number;
  uptimeNs?: number;
  tls?: { enabled: boolean; serverName?: string };
}

export interface PolicyRef {
  name: string;
  namespace?: string;
  kind?: string;
  labels?: string[];
  revision?: number;
}

export interface FlowEndpoint {
  identity: number;
  namespace?: string;
  podName?: string;
  labels: string[];
  clusterName?: string;
  ip?: string;
  port?: number;
  service?: { name: string; namespace?: string };
  names: string[];
  workloads: { name: string; kind: string }[];
}

export interface FlowRecord {
  /** ISO 8601. */
  time: string;
  verdict: Verdict;
  dropReason?: string;
  /** Cilium monitor event type: 1 drop, 4 trace, 5 policy-verdict, 129 l7. */
  eventType: { type: number; subType: number };
  isPolicyVerdict: boolean;
  trafficDirection: TrafficDirection;
  /** e.g. `L3-L4`; policy-verdict events only. */
  policyMatchType?: string;
  nodeName?: string;
  /** null when unknown. */
  isReply: boolean | null;
  source: FlowEndpoint;
  destination: FlowEndpoint;
  l4?: {
    protocol: 'TCP' | 'UDP' | 'ICMPv4' | 'ICMPv6' | 'SCTP' | 'VRRP' | 'IGMP';
    sourcePort?: number;
    destinationPort?: number;
    /** Set TCP flags in CLI order (SYN, ACK, RST, FIN, ...). */
    tcpFlags?: string[];
  };
  l7?: {
    type: string;
    latencyNs?: number;
    http?: { method?: string; url?: string; code?: number; protocol?: string };
    dns?: { query?: string; rcode?: number; ips?: string[] };
  };
  allowedBy: PolicyRef[];
  deniedBy: PolicyRef[];
  /** The summary column of `hubble observe`. */
  summary: string;
  /** The whole line `hubble observe --print-policy-names` prints. */
  line: string;
  /** The columns of `line`, as the backend's printer printed them. */
  columns: FlowColumns;
}

/**
 * The columns of `hubble observe`'s compact line, from the one printer (the
 * backend's hubble/printer): the frontend shows these and derives none. A
 * reply is printed turned around (`<-`), so `source` is its destination.
 */
export interface FlowColumns {
  /** Go's StampMilli in UTC, e.g. `Nov 26 09:59:58.849`. */
  time: string;
  /** `namespace/pod:port`, else service, DNS names or IP. */
  source: string;
  /** `(ID:48211)` or a reserved identity such as `(world)`. */
  sourceIdentity: string;
  /** `->`, `<-` (a reply) or `<>` (direction unknown). */
  arrow: string;
  destination: string;
  destinationIdentity: string;
  /** The TYPE column, e.g. `policy-verdict:L3-L4 INGRESS` or `to-endpoint`. */
  type: string;
  /** The VERDICT column, e.g. `ALLOWED BY allow-scheduler (CiliumNetworkPolicy)`. */
  verdict: string;
}

/** Query accepted by the flows route; also echoed back in the response. */
export interface FlowsQuery {
  namespace?: string;
  /** 1..1000. */
  last: number;
  verdict?: Verdict;
  /** Only `policy-verdict` events (`--type policy-verdict`). */
  policyVerdictsOnly?: boolean;
  /** ISO 8601. */
  since?: string;
}
