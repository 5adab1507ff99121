/**
 * Decoded shapes of the Hubble protos as `@grpc/proto-loader` hands them out
 * with `keepCase: true, longs: String, enums: String, defaults: true,
 * oneofs: true`: field names as in the .proto (`IP`, `Type`, `Summary`),
 * uint64 as decimal strings, enums as their names, absent messages as null
 * (or undefined for unset oneof members), wrappers as `{ value }`.
 */

export interface WireTimestamp {
  seconds: string | number;
  nanos: number;
}

export interface WireEndpoint {
  ID: number;
  identity: number;
  cluster_name: string;
  namespace: string;
  labels: string[];
  pod_name: string;
  workloads: { name: string; kind: string }[];
}

export interface WireTcpFlags {
  FIN: boolean;
  SYN: boolean;
  RST: boolean;
  PSH: boolean;
  ACK: boolean;
  URG: boolean;
  ECE: boolean;
  CWR: boolean;
  NS: boolean;
}

export interface WirePorts {
  source_port: number;
  destination_port: number;
}

export interface WireLayer4 {
  protocol?: 'TCP' | 'UDP' | 'ICMPv4' | 'ICMPv6' | 'SCTP' | 'VRRP' | 'IGMP';
  TCP?: (WirePorts & { flags: WireTcpFlags | null }) | null;
  UDP?: WirePorts | null;
  SCTP?: WirePorts | null;
  ICMPv4?: { type: number; code: number } | null;
  ICMPv6?: { type: number; code: number } | null;
  VRRP?: { type: number; vrid: number; priority: number } | null;
  IGMP?: { type: number; group_address: string } | null;
}

export interface WireHttp {
  code: number;
  method: string;
  url: string;
  protocol: string;
  headers: { key: string; value: string }[];
}

export interface WireDns {
  query: string;
  ips: string[];
  ttl: number;
  cnames: string[];
  observation_source: string;
  rcode: number;
  qtypes: string[];
  rrtypes: string[];
}

export interface WireLayer7 {
  type: string;
  latency_ns: string;
  record?: 'dns' | 'http' | 'kafka';
  dns?: WireDns | null;
  http?: WireHttp | null;
  kafka?: { topic: string; api_key: string } | null;
}

export interface WirePolicy {
  name: string;
  namespace: string;
  labels: string[];
  revision: string;
  kind: string;
}

export interface WireService {
  name: string;
  namespace: string;
}

export interface WireFlow {
  time: WireTimestamp | null;
  uuid: string;
  verdict: string;
  drop_reason: number;
  auth_type: string;
  ethernet: { source: string; destination: string } | null;
  IP: {
    source: string;
    source_xlated: string;
    destination: string;
    ipVersion: string;
    encrypted: boolean;
  } | null;
  l4: WireLayer4 | null;
  source: WireEndpoint | null;
  destination: WireEndpoint | null;
  Type: string;
  node_name: string;
  source_names: string[];
  destination_names: string[];
  l7: WireLayer7 | null;
  event_type: { type: number; sub_type: number } | null;
  source_service: WireService | null;
  destination_service: WireService | null;
  traffic_direction: string;
  policy_match_type: number;
  trace_observation_point: string;
  ip_trace_id: { trace_id: string; ip_option_type: number } | null;
  drop_reason_desc: string;
  is_reply: { value: boolean } | null;
  debug_capture_point: string;
  sock_xlate_point: string;
  Summary: string;
  egress_allowed_by: WirePolicy[];
  ingress_allowed_by: WirePolicy[];
  egress_denied_by: WirePolicy[];
  ingress_denied_by: WirePolicy[];
}

export interface WireGetFlowsResponse {
  response_types?: 'flow' | 'node_status' | 'lost_events';
  flow?: WireFlow | null;
  node_status?: {
    state_change: string;
    node_names: string[];
    message: string;
  } | null;
  lost_events?: { source: string; num_events_lost: string } | null;
  node_name: string;
  time: WireTimestamp | null;
}

export interface WireServerStatusResponse {
  num_flows: string;
  max_flows: string;
  seen_flows: string;
  uptime_ns: string;
  num_connected_nodes: { value: number } | null;
  num_unavailable_nodes: { value: number } | null;
  unavailable_nodes: string[];
  version: string;
  flows_rate: number;
}

export interface WireNode {
  name: string;
  version: string;
  address: string;
  state: string;
  tls: { enabled: boolean; server_name: string } | null;
  uptime_ns: string;
  num_flows: string;
  max_flows: string;
  seen_flows: string;
}
