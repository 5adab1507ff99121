import { hubblePackageDefinition } from './protos';

/**
 * The wire contract with Hubble Relay: field numbers from Cilium v1.19.4's
 * protos (and the reference's §2 tables). A renumbered field would silently
 * talk past a real relay, so they are pinned here.
 */
const definition = hubblePackageDefinition() as Record<string, any>;

function fieldNumbers(
  message: string,
  names: string[],
): Record<string, number | undefined> {
  const fields: { name: string; number: number }[] =
    definition[message].type.field;
  return Object.fromEntries(
    names.map(name => [name, fields.find(f => f.name === name)?.number]),
  );
}

function enumNumbers(
  name: string,
  keys: string[],
): Record<string, number | undefined> {
  const [parent, nested] = name.split('#');
  const type = nested
    ? definition[parent].type.enumType.find(
        (e: { name: string }) => e.name === nested,
      )
    : definition[parent].type;
  const values: { name: string; number: number }[] = type.value;
  return Object.fromEntries(
    keys.map(key => [key, values.find(v => v.name === key)?.number]),
  );
}

const FIELDS: [string, Record<string, number>][] = [
  [
    'observer.GetFlowsRequest',
    {
      number: 1,
      follow: 3,
      blacklist: 5,
      whitelist: 6,
      since: 7,
      until: 8,
      first: 9,
      field_mask: 10,
      experimental: 999,
      extensions: 150000,
    },
  ],
  [
    'observer.GetFlowsResponse',
    { flow: 1, node_status: 2, lost_events: 3, node_name: 1000, time: 1001 },
  ],
  [
    'observer.ServerStatusResponse',
    {
      num_flows: 1,
      max_flows: 2,
      seen_flows: 3,
      uptime_ns: 4,
      num_connected_nodes: 5,
      num_unavailable_nodes: 6,
      unavailable_nodes: 7,
      version: 8,
      flows_rate: 9,
    },
  ],
  [
    'observer.Node',
    {
      name: 1,
      version: 2,
      address: 3,
      state: 4,
      tls: 5,
      uptime_ns: 6,
      num_flows: 7,
      max_flows: 8,
      seen_flows: 9,
    },
  ],
  ['observer.Namespace', { cluster: 1, namespace: 2 }],
  ['relay.NodeStatusEvent', { state_change: 1, node_names: 2, message: 3 }],
  [
    'flow.FlowFilter',
    {
      source_ip: 1,
      source_pod: 2,
      destination_ip: 3,
      destination_pod: 4,
      verdict: 5,
      event_type: 6,
      source_label: 10,
      destination_label: 11,
      node_name: 24,
      traffic_direction: 30,
      drop_reason_desc: 33,
      source_cluster_name: 37,
      destination_cluster_name: 38,
    },
  ],
  ['flow.EventTypeFilter', { type: 1, match_sub_type: 2, sub_type: 3 }],
  [
    'flow.Flow',
    {
      time: 1,
      verdict: 2,
      drop_reason: 3,
      ethernet: 4,
      IP: 5,
      l4: 6,
      source: 8,
      destination: 9,
      Type: 10,
      node_name: 11,
      source_names: 13,
      destination_names: 14,
      l7: 15,
      event_type: 19,
      source_service: 20,
      destination_service: 21,
      traffic_direction: 22,
      policy_match_type: 23,
      trace_observation_point: 24,
      drop_reason_desc: 25,
      is_reply: 26,
      auth_type: 35,
      ip_trace_id: 40,
      Summary: 100000,
      egress_allowed_by: 21001,
      ingress_allowed_by: 21002,
      egress_denied_by: 21004,
      ingress_denied_by: 21005,
    },
  ],
  [
    'flow.Endpoint',
    {
      ID: 1,
      identity: 2,
      namespace: 3,
      labels: 4,
      pod_name: 5,
      workloads: 6,
      cluster_name: 7,
    },
  ],
  ['flow.Policy', { name: 1, namespace: 2, labels: 3, revision: 4, kind: 5 }],
  ['flow.Layer4', { TCP: 1, UDP: 2, ICMPv4: 3, ICMPv6: 4, SCTP: 5 }],
  ['flow.Layer7', { type: 1, latency_ns: 2, dns: 100, http: 101 }],
  [
    'flow.TCPFlags',
    { FIN: 1, SYN: 2, RST: 3, PSH: 4, ACK: 5, URG: 6, ECE: 7, CWR: 8, NS: 9 },
  ],
  ['grpc.health.v1.HealthCheckRequest', { service: 1 }],
];

const ENUMS: [string, Record<string, number>][] = [
  [
    'flow.Verdict',
    {
      VERDICT_UNKNOWN: 0,
      FORWARDED: 1,
      DROPPED: 2,
      ERROR: 3,
      AUDIT: 4,
      REDIRECTED: 5,
      TRACED: 6,
      TRANSLATED: 7,
    },
  ],
  [
    'flow.TrafficDirection',
    { TRAFFIC_DIRECTION_UNKNOWN: 0, INGRESS: 1, EGRESS: 2 },
  ],
  [
    'flow.DropReason',
    { POLICY_DENIED: 133, POLICY_DENY: 181, AUTH_REQUIRED: 189 },
  ],
  [
    'relay.NodeState',
    {
      UNKNOWN_NODE_STATE: 0,
      NODE_CONNECTED: 1,
      NODE_UNAVAILABLE: 2,
      NODE_GONE: 3,
      NODE_ERROR: 4,
    },
  ],
  [
    'grpc.health.v1.HealthCheckResponse#ServingStatus',
    { UNKNOWN: 0, SERVING: 1, NOT_SERVING: 2, SERVICE_UNKNOWN: 3 },
  ],
];

describe('Hubble protos keep upstream names and numbers', () => {
  it.each(FIELDS)('%s', (message, fields) => {
    expect(fieldNumbers(message, Object.keys(fields))).toEqual(fields);
  });

  it.each(ENUMS)('%s', (name, values) => {
    expect(enumNumbers(name, Object.keys(values))).toEqual(values);
  });

  it('serves observer.Observer with upstream RPC names', () => {
    const service = definition['observer.Observer'];
    expect(Object.keys(service).sort()).toEqual([
      'GetFlows',
      'GetNamespaces',
      'GetNodes',
      'ServerStatus',
    ]);
    expect(service.GetFlows.path).toBe('/observer.Observer/GetFlows');
    expect(service.GetFlows.responseStream).toBe(true);
    expect(definition['grpc.health.v1.Health'].Check.path).toBe(
      '/grpc.health.v1.Health/Check',
    );
  });
});
