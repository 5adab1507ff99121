import type { FlowEndpoint, FlowRecord, PolicyRef } from './types/hubble';

/**
 * A flow as `hubble observe -o json` prints it: one GetFlowsResponse per
 * line (cilium/cilium hubble/pkg/printer/printer.go, JSONPBOutput encodes
 * the whole response), in protobuf JSON with the .proto field names
 * (cilium/cilium api/v1/flow/flow.pb.json.go: protojson with
 * UseProtoNames). Field names and numbers are those of
 * plugins/cilium-backend/proto/flow/flow.proto (message Flow, Endpoint,
 * Layer4, IP, Layer7, Policy, Service) and observer.proto
 * (GetFlowsResponse: flow, node_name, time). As protojson does, zero values
 * and empty lists are left out, enums are their names, uint64 fields
 * (latency_ns, revision) are strings and google.protobuf.BoolValue
 * (is_reply) is a bare boolean. What a FlowRecord does not carry (ports of
 * ICMP, policy_match_type's number, uuid, ...) is left out, never invented.
 */
export type HubbleJsonFlow = Record<string, unknown>;

/** Drops undefined, '', 0-valued enums passed as undefined, and empty lists/objects. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '' || v === 0) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

function endpoint(e: FlowEndpoint): Record<string, unknown> {
  return compact({
    identity: e.identity,
    cluster_name: e.clusterName,
    namespace: e.namespace,
    labels: e.labels,
    pod_name: e.podName,
    workloads: e.workloads.map(w => compact({ name: w.name, kind: w.kind })),
  });
}

function policy(p: PolicyRef): Record<string, unknown> {
  return compact({
    name: p.name,
    namespace: p.namespace,
    labels: p.labels,
    revision: p.revision ? String(p.revision) : undefined,
    kind: p.kind,
  });
}

function service(e: FlowEndpoint) {
  return e.service
    ? compact({ name: e.service.name, namespace: e.service.namespace })
    : undefined;
}

function layer4(l4: FlowRecord['l4']) {
  if (!l4) return undefined;
  const ports = ['TCP', 'UDP', 'SCTP'].includes(l4.protocol);
  const flags = l4.tcpFlags?.length
    ? Object.fromEntries(l4.tcpFlags.map(f => [f, true]))
    : undefined;
  return {
    [l4.protocol]: ports
      ? compact({
          source_port: l4.sourcePort,
          destination_port: l4.destinationPort,
          flags,
        })
      : {},
  };
}

function layer7(l7: FlowRecord['l7']) {
  if (!l7) return undefined;
  return compact({
    type: l7.type === 'UNKNOWN_L7_TYPE' ? undefined : l7.type,
    latency_ns: l7.latencyNs ? String(l7.latencyNs) : undefined,
    http: l7.http
      ? compact({
          code: l7.http.code,
          method: l7.http.method,
          url: l7.http.url,
          protocol: l7.http.protocol,
        })
      : undefined,
    dns: l7.dns
      ? compact({ query: l7.dns.query, ips: l7.dns.ips, rcode: l7.dns.rcode })
      : undefined,
  });
}

/** flow.proto FlowType: L7 for L7 records (monitor type 129), SOCK for trace-sock (7). */
function flowType(f: FlowRecord): string {
  if (f.l7 || f.eventType.type === 129) return 'L7';
  if (f.eventType.type === 7) return 'SOCK';
  return 'L3_L4';
}

/** One flow as the GetFlowsResponse `hubble observe -o json` prints. */
export function toHubbleJson(f: FlowRecord): HubbleJsonFlow {
  // allowed_by/denied_by are per direction in flow.proto; a FlowRecord's
  // lists follow its traffic direction and are left out when it is unknown
  const dir = { INGRESS: 'ingress', EGRESS: 'egress' }[
    f.trafficDirection as string
  ];
  const ips =
    f.source.ip || f.destination.ip
      ? compact({ source: f.source.ip, destination: f.destination.ip })
      : undefined;
  const flow = compact({
    time: f.time,
    verdict: f.verdict === 'VERDICT_UNKNOWN' ? undefined : f.verdict,
    IP: ips,
    l4: layer4(f.l4),
    source: endpoint(f.source),
    destination: endpoint(f.destination),
    Type: flowType(f),
    node_name: f.nodeName,
    source_names: f.source.names,
    destination_names: f.destination.names,
    l7: layer7(f.l7),
    event_type: compact({
      type: f.eventType.type,
      sub_type: f.eventType.subType,
    }),
    source_service: service(f.source),
    destination_service: service(f.destination),
    traffic_direction:
      f.trafficDirection === 'TRAFFIC_DIRECTION_UNKNOWN'
        ? undefined
        : f.trafficDirection,
    drop_reason_desc: f.dropReason,
    Summary: f.summary,
    ...(dir
      ? {
          [`${dir}_allowed_by`]: f.allowedBy.map(policy),
          [`${dir}_denied_by`]: f.deniedBy.map(policy),
        }
      : {}),
  });
  if (f.isReply !== null) flow.is_reply = f.isReply;
  return compact({ flow, node_name: f.nodeName, time: f.time });
}

/** JSON Lines, one GetFlowsResponse a line, as `hubble observe -o json` prints. */
export function toHubbleJsonLines(flows: FlowRecord[]): string {
  return flows.map(f => `${JSON.stringify(toHubbleJson(f))}\n`).join('');
}
