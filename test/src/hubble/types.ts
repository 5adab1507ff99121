/**
 * Fixture shapes for the Hubble Relay test server: plain objects keyed by the
 * proto field names of flow.proto / observer.proto (keepCase), encoded by
 * @grpc/proto-loader exactly as given. Enums are written by name.
 */

import type {
  HubbleNodeState,
  TrafficDirection,
  Verdict,
} from '@internal/plugin-cilium-common';

// Enum names are the proto's, as the status API's common types spell them.
export type VerdictName = Verdict;
export type TrafficDirectionName = TrafficDirection;
export type NodeStateName = HubbleNodeState;

export interface TimestampFixture {
  seconds: number;
  nanos: number;
}

export interface EndpointFixture {
  ID?: number;
  identity: number;
  cluster_name?: string;
  namespace?: string;
  labels?: string[];
  pod_name?: string;
  workloads?: { name: string; kind: string }[];
}

export interface TcpFlagsFixture {
  SYN?: boolean;
  ACK?: boolean;
  FIN?: boolean;
  RST?: boolean;
  PSH?: boolean;
  URG?: boolean;
}

export interface Layer4Fixture {
  TCP?: {
    source_port: number;
    destination_port: number;
    flags?: TcpFlagsFixture;
  };
  UDP?: { source_port: number; destination_port: number };
  ICMPv4?: { type: number; code: number };
  ICMPv6?: { type: number; code: number };
}

export interface Layer7Fixture {
  type: 'REQUEST' | 'RESPONSE' | 'SAMPLE';
  latency_ns?: number;
  http?: { code?: number; method: string; url: string; protocol: string };
  dns?: {
    query: string;
    ips?: string[];
    ttl?: number;
    observation_source: string;
    rcode?: number;
    qtypes: string[];
    rrtypes?: string[];
  };
}

export interface PolicyFixture {
  name: string;
  namespace?: string;
  kind: string;
  labels?: string[];
  revision?: number;
}

export interface FlowFixture {
  time: TimestampFixture;
  verdict: VerdictName;
  drop_reason_desc?: string;
  IP: { source: string; destination: string; ipVersion: 'IPv4' | 'IPv6' };
  l4?: Layer4Fixture;
  source: EndpointFixture;
  destination: EndpointFixture;
  Type: 'L3_L4' | 'L7';
  node_name: string;
  source_names?: string[];
  destination_names?: string[];
  l7?: Layer7Fixture;
  /** Monitor event type: 1 drop, 4 trace, 5 policy-verdict, 129 l7. */
  event_type: { type: number; sub_type?: number };
  source_service?: { name: string; namespace: string };
  destination_service?: { name: string; namespace: string };
  traffic_direction: TrafficDirectionName;
  policy_match_type?: number;
  trace_observation_point?: string;
  /** Absent = unknown direction (the CLI prints `<>`). */
  is_reply?: { value: boolean };
  Summary?: string;
  egress_allowed_by?: PolicyFixture[];
  ingress_allowed_by?: PolicyFixture[];
  egress_denied_by?: PolicyFixture[];
  ingress_denied_by?: PolicyFixture[];
}

export interface NodeFixture {
  name: string;
  version: string;
  address: string;
  state: NodeStateName;
  tls: { enabled: boolean; server_name: string };
  uptime_ns: number;
  num_flows: number;
  max_flows: number;
  seen_flows: number;
}

export interface ServerStatusFixture {
  num_flows: number;
  max_flows: number;
  seen_flows: number;
  uptime_ns: number;
  /** Omit both node counts to behave like a single agent. */
  num_connected_nodes?: { value: number };
  num_unavailable_nodes?: { value: number };
  unavailable_nodes: string[];
  version: string;
  /** 0 behaves like an older server without flows_rate. */
  flows_rate: number;
}

/** Everything one cluster's relay serves. */
export interface HubbleFixtureSet {
  flows: FlowFixture[];
  nodes: NodeFixture[];
  status: ServerStatusFixture;
  namespaces: { cluster: string; namespace: string }[];
}
